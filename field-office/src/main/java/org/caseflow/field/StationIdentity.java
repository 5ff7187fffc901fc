package org.caseflow.field;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Properties;

import org.caseflow.submission.EncounterSignatures;

/**
 * Who this station is: its code and its Ed25519 key pair, kept in the station's directory. The private key never
 * leaves it (readable by the operator's user only); the public key is what a supervisor registers with intake.
 */
public record StationIdentity(String stationCode, KeyPair keys) {

    static final String PRIVATE_KEY = "station.key";
    static final String PUBLIC_KEY = "station.pub";
    static final String SETTINGS = "station.properties";

    public String keyId() {
        return EncounterSignatures.keyId(keys.getPublic());
    }

    /** The public key as registered with intake: X.509 (SubjectPublicKeyInfo), base64. */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
    }

    /** Makes a new identity in {@code dir}; refuses to replace an existing one (rotate with {@link #rotate}). */
    public static StationIdentity create(Path dir, String stationCode) throws IOException {
        if (Files.exists(dir.resolve(PRIVATE_KEY))) {
            throw new IllegalStateException(dir + " already holds a station identity; use 'field rotate-key' to replace its key");
        }
        return write(dir, stationCode);
    }

    /** A new key pair for the same station; the old private key is kept as station.key.<keyId> until its spool is delivered. */
    public static StationIdentity rotate(Path dir) throws IOException {
        StationIdentity old = load(dir);
        Files.move(dir.resolve(PRIVATE_KEY), dir.resolve(PRIVATE_KEY + "." + old.keyId()));
        return write(dir, old.stationCode());
    }

    public static StationIdentity load(Path dir) throws IOException {
        Path settings = dir.resolve(SETTINGS);
        if (!Files.exists(settings)) {
            throw new IllegalStateException("no station identity in " + dir + "; run 'field init --station CODE' first");
        }
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(settings)) {
            p.load(in);
        }
        try {
            KeyFactory factory = KeyFactory.getInstance(EncounterSignatures.ALGORITHM);
            var privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(Files.readString(dir.resolve(PRIVATE_KEY)).strip())));
            var publicKey = EncounterSignatures.publicKey(Base64.getDecoder().decode(Files.readString(dir.resolve(PUBLIC_KEY)).strip()));
            return new StationIdentity(p.getProperty("station"), new KeyPair(publicKey, privateKey));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the station key in " + dir + " is unreadable: " + e.getMessage(), e);
        }
    }

    private static StationIdentity write(Path dir, String stationCode) throws IOException {
        Files.createDirectories(dir);
        ownerOnly(dir, "rwx------");
        KeyPair keys = EncounterSignatures.newKeyPair();
        Path privateKey = dir.resolve(PRIVATE_KEY);
        Files.writeString(privateKey, Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded()) + "\n");
        ownerOnly(privateKey, "rw-------");
        StationIdentity identity = new StationIdentity(stationCode, keys);
        Files.writeString(dir.resolve(PUBLIC_KEY), identity.publicKeyBase64() + "\n");
        Files.writeString(dir.resolve(SETTINGS), "station=" + stationCode + "\n");
        return identity;
    }

    static void ownerOnly(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the operator's own account protects the directory
        }
    }
}
