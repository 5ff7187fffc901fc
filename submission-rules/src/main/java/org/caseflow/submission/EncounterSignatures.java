package org.caseflow.submission;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;
import java.util.List;

import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.caseflow.schemas.intake.EncounterSubmission;
import org.caseflow.schemas.intake.StationSignature;
import org.caseflow.submission.domain.Reason;
import org.caseflow.submission.domain.ReasonCode;

/**
 * How a reception station signs a submission and intake verifies it: Ed25519 (in the JDK) over the submission's
 * canonical form. The canonical form is written here field by field, in a fixed order with lengths, so it does not
 * depend on JSON or Avro encodings (HTTP and Kafka deliveries of the same encounter sign the same bytes) nor on
 * later schema versions. It covers everything the station recorded, country codes normalised (so {@code ven} and
 * {@code VEN} sign alike, and the normalised case intake records still verifies); it leaves out {@code officeId} (who
 * delivered, taken from the authenticated principal) and the signature itself. Instants count in milliseconds, as
 * the log keeps them.
 */
public final class EncounterSignatures {

    public static final String ALGORITHM = "Ed25519";
    private static final String FORM = "caseflow.encounter-submission/1";

    private EncounterSignatures() {
    }

    public static KeyPair newKeyPair() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no " + ALGORITHM, e);
        }
    }

    /** The id a key is registered and referred to by: hex of the first 8 bytes of SHA-256 of its X.509 encoding. */
    public static String keyId(PublicKey key) {
        return keyId(key.getEncoded());
    }

    public static String keyId(byte[] x509) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(x509), 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A public key from its X.509 encoding (as registered on intake.stations). */
    public static PublicKey publicKey(byte[] x509) throws GeneralSecurityException {
        return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(x509));
    }

    /** The submission with its station's signature over everything it records. */
    public static EncounterSubmission signed(EncounterSubmission submission, PrivateKey key, String keyId) {
        byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
        byte[] message = canonical(submission);
        Ed25519.sign(rawPrivateKey(key), 0, message, 0, message.length, signature, 0);
        StationSignature stationSignature = StationSignature.newBuilder().setKeyId(keyId).setAlgorithm(ALGORITHM)
                .setValue(ByteBuffer.wrap(signature)).build();
        return EncounterSubmission.newBuilder(submission).setSignature(stationSignature).build();
    }

    /** True when the submission's signature is by {@code key} over exactly what the submission records. */
    public static boolean verify(EncounterSubmission submission, PublicKey key) {
        StationSignature signature = submission.getSignature();
        if (signature == null || !ALGORITHM.equals(signature.getAlgorithm())) {
            return false;
        }
        byte[] value = bytes(signature.getValue());
        byte[] raw = rawPublicKey(key);
        if (value.length != Ed25519.SIGNATURE_SIZE || raw == null) {
            return false; // a malformed signature or key is no signature
        }
        Ed25519.PublicPoint point = POINTS.computeIfAbsent(java.util.HexFormat.of().formatHex(raw), k -> Ed25519.validatePublicKeyFullExport(raw, 0));
        if (point == null) {
            return false; // not a point on the curve: no key
        }
        byte[] message = canonical(submission);
        return Ed25519.verify(value, 0, point, message, 0, message.length);
    }

    /** Decoded public keys: a station has one or two, and decoding is a good part of a verification. */
    private static final java.util.Map<String, Ed25519.PublicPoint> POINTS = new java.util.concurrent.ConcurrentHashMap<>();

    /*
     * The keys are the JDK's (KeyPairGenerator "Ed25519", standard X.509 and PKCS#8 encodings); signing and verifying use
     * Bouncy Castle's RFC 8032 implementation on the same raw keys — the same signatures, ~8x faster to verify than the
     * JDK's on this machine (112 µs with the decoded key cached, against 1.35 ms), which intake pays per submission and the audit per case.
     */
    private static final int X509_ED25519_LENGTH = 44;
    private static final int PKCS8_ED25519_LENGTH = 48;

    private static byte[] rawPublicKey(PublicKey key) {
        byte[] encoded = key.getEncoded();
        return encoded != null && encoded.length == X509_ED25519_LENGTH
                ? java.util.Arrays.copyOfRange(encoded, X509_ED25519_LENGTH - Ed25519.PUBLIC_KEY_SIZE, X509_ED25519_LENGTH) : null;
    }

    private static byte[] rawPrivateKey(PrivateKey key) {
        byte[] encoded = key.getEncoded();
        if (encoded == null || encoded.length != PKCS8_ED25519_LENGTH) {
            throw new IllegalArgumentException("not an Ed25519 private key in PKCS#8 form");
        }
        return java.util.Arrays.copyOfRange(encoded, PKCS8_ED25519_LENGTH - Ed25519.SECRET_KEY_SIZE, PKCS8_ED25519_LENGTH);
    }

    /** A station's registered key, as the registry knows it. */
    public record RegisteredKey(String stationCode, String keyId, byte[] publicKey, boolean revoked) {
    }

    /** The station registry: the key registered for a station under a key id, if any. */
    @FunctionalInterface
    public interface StationRegistry {
        java.util.Optional<RegisteredKey> find(String stationCode, String keyId);
    }

    /**
     * Why a submission's signature does not prove its station, or empty when it does: it must be signed, by a key
     * registered for the station the encounter names, not revoked, over exactly what the submission records.
     */
    public static java.util.Optional<Reason> problem(EncounterSubmission s, StationRegistry registry) {
        StationSignature signature = s.getSignature();
        if (signature == null) {
            return reason(ReasonCode.SIGNATURE_MISSING, "The submission is not signed; a station's client signs every encounter it records.");
        }
        String station = s.getEncounter().getStationCode();
        var key = registry.find(station, signature.getKeyId());
        if (key.isEmpty()) {
            return java.util.Optional.of(new Reason(ReasonCode.STATION_UNKNOWN, "signature.keyId",
                    "No key " + signature.getKeyId() + " is registered for station " + station + "; a supervisor registers station keys."));
        }
        if (key.get().revoked()) {
            return reason(ReasonCode.SIGNATURE_INVALID, "Key " + signature.getKeyId() + " of station " + station
                    + " was revoked; sign with the station's current key and submit under a new submissionId.");
        }
        try {
            if (verify(s, publicKey(key.get().publicKey()))) {
                return java.util.Optional.empty();
            }
        } catch (GeneralSecurityException e) {
            // an unreadable registered key verifies nothing
        }
        return reason(ReasonCode.SIGNATURE_INVALID,
                "The signature does not match the submission: it was changed after signing, or signed with another key.");
    }

    private static java.util.Optional<Reason> reason(ReasonCode code, String message) {
        return java.util.Optional.of(new Reason(code, "signature", message));
    }

    /** SHA-256 of the canonical form: equal for a retry of the same encounter however it travels or is signed, different otherwise. */
    public static String fingerprint(EncounterSubmission s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical(s)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The submission a case was opened from, as far as its station signed it: a {@code CaseOpened} records the
     * (normalised) person, encounter and fear as submitted, and its flags carry the recorded indicators one to one.
     */
    public static EncounterSubmission submissionOf(org.caseflow.schemas.intake.CaseOpened opened) {
        var flags = opened.getFlags();
        return EncounterSubmission.newBuilder().setSubmissionId(opened.getSubmissionId()).setOfficeId(opened.getOfficeId())
                .setPerson(opened.getPerson()).setEncounter(opened.getEncounter())
                .setIndicators(org.caseflow.schemas.common.VulnerabilityIndicators.newBuilder().setTraffickingIndicators(flags.getTrafficking())
                        .setMedicalNeeds(flags.getMedical()).setPregnant(flags.getPregnancy()).setDisability(flags.getDisability()).build())
                .setFear(opened.getFear()).setSignature(opened.getSignature()).build();
    }

    /** The bytes a station signs. */
    static byte[] canonical(EncounterSubmission raw) {
        EncounterSubmission s = SubmissionNormaliser.normalised(raw);
        try (var bytes = new ByteArrayOutputStream(512); var out = new DataOutputStream(bytes)) {
            text(out, FORM);
            text(out, s.getSubmissionId());
            var p = s.getPerson();
            text(out, p.getGivenNames());
            text(out, p.getFamilyNames());
            text(out, p.getDateOfBirth() == null ? null : p.getDateOfBirth().toString());
            out.writeInt(p.getEstimatedAge() == null ? Integer.MIN_VALUE : p.getEstimatedAge());
            text(out, p.getSex() == null ? null : p.getSex().name());
            text(out, p.getNationality());
            texts(out, p.getLawfulResidenceCountries());
            texts(out, p.getLanguages());
            out.writeInt(p.getDocuments().size());
            for (var d : p.getDocuments()) {
                text(out, d.getType().name());
                text(out, d.getNumber());
                text(out, d.getIssuingCountry());
            }
            var e = s.getEncounter();
            text(out, e.getStationCode());
            out.writeLong(e.getOccurredAt().toEpochMilli());
            out.writeBoolean(e.getCoordinates() != null);
            if (e.getCoordinates() != null) {
                out.writeDouble(e.getCoordinates().getLatitude());
                out.writeDouble(e.getCoordinates().getLongitude());
            }
            text(out, e.getGroupId());
            out.writeInt(e.getAccompanyingAdults().size());
            for (var a : e.getAccompanyingAdults()) {
                text(out, a.getRelationship().name());
                text(out, a.getPersonRef());
            }
            var i = s.getIndicators();
            out.writeBoolean(i.getTraffickingIndicators());
            out.writeBoolean(i.getMedicalNeeds());
            out.writeBoolean(i.getPregnant());
            out.writeBoolean(i.getDisability());
            out.writeBoolean(s.getFear().getFearExpressed());
            texts(out, s.getFear().getFearedCountries());
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The bytes of an Avro {@code bytes} value, leaving the buffer as it was. */
    public static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer b = buffer.duplicate();
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    private static void texts(DataOutputStream out, List<String> values) throws IOException {
        out.writeInt(values == null ? 0 : values.size());
        for (String value : values == null ? List.<String>of() : values) {
            text(out, value);
        }
    }

    /** Length-prefixed UTF-8; -1 for absent, so "" and absent differ and no two field sequences share bytes. */
    private static void text(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }
}
