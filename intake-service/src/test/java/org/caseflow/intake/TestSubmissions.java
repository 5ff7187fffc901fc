package org.caseflow.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.caseflow.schemas.common.AccompanyingAdult;
import org.caseflow.schemas.common.Actor;
import org.caseflow.schemas.common.Coordinates;
import org.caseflow.schemas.common.DocumentType;
import org.caseflow.schemas.common.Encounter;
import org.caseflow.schemas.common.FearStatement;
import org.caseflow.schemas.common.IdentityDocument;
import org.caseflow.schemas.common.Metadata;
import org.caseflow.schemas.common.Person;
import org.caseflow.schemas.common.Relationship;
import org.caseflow.schemas.common.Role;
import org.caseflow.schemas.common.Sex;
import org.caseflow.schemas.common.VulnerabilityIndicators;
import org.caseflow.schemas.intake.EncounterSubmission;
import org.caseflow.schemas.intake.SubmissionEnvelope;

/** Valid synthetic submissions (fake names, fake documents) to be bent by each test. */
public final class TestSubmissions {

    /** The wall clock of topology tests. */
    public static final Instant NOW = Instant.parse("2026-11-01T12:00:00Z");
    public static final Instant ENCOUNTER_AT = NOW.minus(2, ChronoUnit.HOURS);

    private TestSubmissions() {
    }

    /** An adult Venezuelan with a passport, seen at Lajas Blancas two hours ago, fear expressed. */
    public static EncounterSubmission.Builder valid(String submissionId) {
        return EncounterSubmission.newBuilder()
                .setSubmissionId(submissionId)
                .setOfficeId("field-office")
                .setPerson(Person.newBuilder()
                        .setGivenNames("Ana").setFamilyNames("Prueba")
                        .setDateOfBirth(LocalDate.of(1994, 3, 2)).setEstimatedAge(null)
                        .setSex(Sex.FEMALE).setNationality("VEN")
                        .setLawfulResidenceCountries(List.of("COL")).setLanguages(List.of("es"))
                        .setDocuments(List.of(IdentityDocument.newBuilder()
                                .setType(DocumentType.PASSPORT).setNumber("P-" + submissionId).setIssuingCountry("VEN").build()))
                        .build())
                .setEncounter(Encounter.newBuilder()
                        .setStationCode("LAJAS_BLANCAS").setOccurredAt(ENCOUNTER_AT)
                        .setCoordinates(Coordinates.newBuilder().setLatitude(8.3).setLongitude(-77.6).build())
                        .setGroupId(null).setAccompanyingAdults(List.of())
                        .build())
                .setIndicators(VulnerabilityIndicators.newBuilder().build())
                .setFear(FearStatement.newBuilder().setFearExpressed(true).setFearedCountries(List.of("VEN")).build());
    }

    public static EncounterSubmission minor(String submissionId, boolean accompanied) {
        EncounterSubmission s = valid(submissionId).build();
        s.getPerson().setDateOfBirth(LocalDate.of(2012, 1, 1));
        if (accompanied) {
            s.getEncounter().setAccompanyingAdults(List.of(AccompanyingAdult.newBuilder().setRelationship(Relationship.PARENT).build()));
        }
        return s;
    }

    public static SubmissionEnvelope envelope(EncounterSubmission s) {
        return envelope(s, Role.FIELD_OFFICE);
    }

    /** Signed by its station's test key (unless already signed), as a station's client sends it. */
    public static SubmissionEnvelope envelope(EncounterSubmission s, Role actorRole) {
        return unsignedEnvelope(s.getSignature() == null ? org.caseflow.testsupport.TestStations.signed(s) : s, actorRole);
    }

    public static SubmissionEnvelope unsignedEnvelope(EncounterSubmission s, Role actorRole) {
        return SubmissionEnvelope.newBuilder()
                .setMetadata(Metadata.newBuilder()
                        .setEventId(UUID.randomUUID().toString()).setCaseId(null)
                        .setOccurredAt(s.getEncounter().getOccurredAt()).setRecordedAt(NOW.minusSeconds(5))
                        .setProducer("field-office").setActor(Actor.newBuilder().setId("field-office").setRole(actorRole).build())
                        .setCausationId(null).setCorrelationId(s.getSubmissionId())
                        .build())
                .setPayload(s)
                .build();
    }
}
