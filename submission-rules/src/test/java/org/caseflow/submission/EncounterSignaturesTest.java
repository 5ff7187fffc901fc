package org.caseflow.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.caseflow.schemas.intake.EncounterSubmission;
import org.caseflow.submission.domain.ReasonCode;
import org.junit.jupiter.api.Test;

class EncounterSignaturesTest {

    static final String FORM = """
            {"submissionId": "lajas-0042",
             "person": {"givenNames": "Ana", "familyNames": "Ejemplo", "dateOfBirth": "1990-03-02", "sex": "FEMALE", "nationality": "COL",
                        "languages": ["es"], "documents": [{"type": "PASSPORT", "number": "PA765432", "issuingCountry": "COL"}]},
             "encounter": {"stationCode": "LAJAS_BLANCAS", "occurredAt": "2026-11-29T02:06:00.123456Z", "coordinates": {"latitude": 8.3, "longitude": -77.6},
                           "accompanyingAdults": [{"relationship": "PARENT"}]},
             "fear": {"fearExpressed": true, "fearedCountries": ["VEN"]}}""";

    final java.security.KeyPair station = EncounterSignatures.newKeyPair();
    final String keyId = EncounterSignatures.keyId(station.getPublic());
    final EncounterSignatures.StationRegistry registry = (code, id) -> code.equals("LAJAS_BLANCAS") && id.equals(keyId)
            ? Optional.of(new EncounterSignatures.RegisteredKey(code, id, station.getPublic().getEncoded(), false)) : Optional.empty();

    EncounterSubmission signed() {
        return EncounterSignatures.signed(SubmissionRequests.toAvro(SubmissionJson.read(FORM), "office-a"), station.getPrivate(), keyId);
    }

    @Test
    void aSignatureMadeByTheClientVerifiesAfterTheHttpRoundTripAndWhoeverDelivers() {
        EncounterSubmission received = SubmissionRequests.toAvro(SubmissionJson.read(SubmissionJson.write(signed())), "office-b");
        // what intake reads back from Kafka keeps milliseconds only
        received.getEncounter().setOccurredAt(Instant.ofEpochMilli(received.getEncounter().getOccurredAt().toEpochMilli()));
        assertThat(EncounterSignatures.problem(received, registry)).isEmpty();
        assertThat(EncounterSignatures.fingerprint(received)).isEqualTo(EncounterSignatures.fingerprint(signed()));
    }

    @Test
    void anyChangeToWhatWasRecordedBreaksTheSignature() {
        List<Consumer<EncounterSubmission>> changes = List.of(
                s -> s.setSubmissionId("lajas-0043"),
                s -> s.getPerson().setGivenNames("Ana Maria"),
                s -> s.getPerson().setDateOfBirth(null),
                s -> s.getPerson().setEstimatedAge(30),
                s -> s.getPerson().setNationality("VEN"),
                s -> s.getPerson().setLanguages(List.of("es", "en")),
                s -> s.getPerson().getDocuments().getFirst().setNumber("PA765433"),
                s -> s.getEncounter().setOccurredAt(s.getEncounter().getOccurredAt().plusMillis(1)),
                s -> s.getEncounter().getCoordinates().setLatitude(8.31),
                s -> s.getEncounter().setCoordinates(null),
                s -> s.getEncounter().setGroupId(""),
                s -> s.getEncounter().setAccompanyingAdults(List.of()),
                s -> s.getIndicators().setTraffickingIndicators(true),
                s -> s.getFear().setFearExpressed(false),
                s -> s.getFear().setFearedCountries(List.of()));
        for (var change : changes) {
            EncounterSubmission s = signed();
            change.accept(s);
            assertThat(EncounterSignatures.problem(s, registry)).as("a changed submission")
                    .hasValueSatisfying(r -> assertThat(r.code()).isEqualTo(ReasonCode.SIGNATURE_INVALID));
        }
    }

    @Test
    void unsignedUnknownAndForeignKeysAreRefusedWithTheirReasons() {
        EncounterSubmission unsigned = SubmissionRequests.toAvro(SubmissionJson.read(FORM), "office-a");
        assertThat(EncounterSignatures.problem(unsigned, registry)).hasValueSatisfying(r -> assertThat(r.code()).isEqualTo(ReasonCode.SIGNATURE_MISSING));
        var other = EncounterSignatures.newKeyPair();
        // another key claiming to be the registered one
        EncounterSubmission forged = EncounterSignatures.signed(unsigned, other.getPrivate(), keyId);
        assertThat(EncounterSignatures.problem(forged, registry)).hasValueSatisfying(r -> assertThat(r.code()).isEqualTo(ReasonCode.SIGNATURE_INVALID));
        EncounterSubmission unknown = EncounterSignatures.signed(unsigned, other.getPrivate(), EncounterSignatures.keyId(other.getPublic()));
        assertThat(EncounterSignatures.problem(unknown, registry)).hasValueSatisfying(r -> assertThat(r.code()).isEqualTo(ReasonCode.STATION_UNKNOWN));
    }

    @Test
    void signaturesAreStandardEd25519TheJdkAgreesWith() throws Exception {
        EncounterSubmission s = signed();
        var jdk = java.security.Signature.getInstance("Ed25519");
        jdk.initVerify(station.getPublic());
        jdk.update(EncounterSignatures.canonical(s));
        assertThat(jdk.verify(EncounterSignatures.bytes(s.getSignature().getValue()))).isTrue();

        jdk.initSign(station.getPrivate());
        jdk.update(EncounterSignatures.canonical(s));
        s.getSignature().setValue(java.nio.ByteBuffer.wrap(jdk.sign()));
        assertThat(EncounterSignatures.verify(s, station.getPublic())).isTrue();
    }
}
