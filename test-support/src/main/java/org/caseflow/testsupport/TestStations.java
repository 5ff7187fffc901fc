package org.caseflow.testsupport;

import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.caseflow.schemas.intake.EncounterSubmission;
import org.caseflow.schemas.intake.StationKeyEnvelope;
import org.caseflow.submission.EncounterSignatures;
import org.caseflow.submission.StationRegistrations;
import org.caseflow.submission.SubmissionJson;
import org.caseflow.submission.SubmissionRequests;

/** One Ed25519 key pair per reception station for the tests (made once per JVM), as a station's client would hold it. */
public final class TestStations {

    private static final Map<String, KeyPair> KEYS = new ConcurrentHashMap<>();

    private TestStations() {
    }

    public static KeyPair keyPair(String station) {
        return KEYS.computeIfAbsent(station, s -> EncounterSignatures.newKeyPair());
    }

    public static String keyId(String station) {
        return EncounterSignatures.keyId(keyPair(station).getPublic());
    }

    /** The submission signed by the key of the station its encounter names. */
    public static EncounterSubmission signed(EncounterSubmission s) {
        String station = s.getEncounter().getStationCode();
        return EncounterSignatures.signed(s, keyPair(station).getPrivate(), keyId(station));
    }

    /** The registry record of the station's key, as a supervisor would register it. */
    public static StationKeyEnvelope registration(String station) {
        return StationRegistrations.registered(station, keyPair(station).getPublic().getEncoded(), "supervisor", Instant.parse("2026-01-01T00:00:00Z"));
    }

    /** A submission's JSON body, signed by its station's key (as a station's client would send it). */
    public static String signedJson(String json) {
        EncounterSubmission avro = SubmissionRequests.toAvro(SubmissionJson.read(json), "field-office");
        return SubmissionJson.write(signed(avro));
    }

    /** Registers each station's key with intake as the supervisor, and waits until intake knows it. */
    public static void register(ApiClient intake, String... stations) throws InterruptedException {
        for (String station : stations) {
            String publicKey = Base64.getEncoder().encodeToString(keyPair(station).getPublic().getEncoded());
            String path = "/api/stations/" + station + "/keys/" + keyId(station);
            var answer = intake.put(path, "supervisor", "{\"publicKey\": \"" + publicKey + "\"}");
            if (answer.status() != 200) {
                throw new AssertionError("registering " + station + ": " + answer.status() + " " + answer.body());
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (intake.get(path, "supervisor").status() != 200) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("intake does not know the key of " + station + " after 30 s");
                }
                Thread.sleep(50);
            }
        }
    }

    public static String registryKey(String station) {
        return StationRegistrations.registryKey(station, keyId(station));
    }
}
