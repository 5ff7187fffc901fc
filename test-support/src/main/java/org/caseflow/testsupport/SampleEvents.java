package org.caseflow.testsupport;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.caseflow.schemas.common.Actor;
import org.caseflow.schemas.common.Encounter;
import org.caseflow.schemas.common.FearStatement;
import org.caseflow.schemas.common.IdentityDocument;
import org.caseflow.schemas.common.DocumentType;
import org.caseflow.schemas.common.Metadata;
import org.caseflow.schemas.common.Person;
import org.caseflow.schemas.common.Role;
import org.caseflow.schemas.common.Sex;
import org.caseflow.schemas.common.VulnerabilityFlags;
import org.caseflow.schemas.intake.CaseOpened;
import org.caseflow.schemas.intake.IntakeEventEnvelope;

/** Synthetic, clearly fake records for tests (no real person's data). */
public final class SampleEvents {

    public static final Instant T0 = Instant.parse("2026-11-01T12:00:00Z");

    private SampleEvents() {
    }

    public static Person person() {
        return Person.newBuilder()
                .setGivenNames("Test").setFamilyNames("Person")
                .setDateOfBirth(LocalDate.of(1990, 5, 17)).setEstimatedAge(null)
                .setSex(Sex.FEMALE).setNationality("VEN")
                .setLawfulResidenceCountries(List.of()).setLanguages(List.of("es"))
                .setDocuments(List.of(IdentityDocument.newBuilder().setType(DocumentType.PASSPORT).setNumber("X0000001").setIssuingCountry("VEN").build()))
                .build();
    }

    public static Metadata metadata(String caseId, String causationId) {
        return Metadata.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setCaseId(caseId)
                .setOccurredAt(T0).setRecordedAt(T0.plus(1, ChronoUnit.SECONDS))
                .setProducer("test").setActor(Actor.newBuilder().setId("office-test").setRole(Role.FIELD_OFFICE).build())
                .setCausationId(causationId).setCorrelationId(causationId == null ? caseId : causationId)
                .build();
    }

    public static IntakeEventEnvelope caseOpened(String caseId) {
        String submissionId = "sub-" + caseId;
        CaseOpened opened = CaseOpened.newBuilder()
                .setCaseId(caseId).setSubmissionId(submissionId).setOfficeId("office-test")
                .setPerson(person())
                .setEncounter(Encounter.newBuilder().setStationCode("LAJAS_BLANCAS").setOccurredAt(T0).build())
                .setFear(FearStatement.newBuilder().setFearExpressed(false).build())
                .setFlags(VulnerabilityFlags.newBuilder().build())
                .build();
        Metadata metadata = metadata(caseId, submissionId);
        metadata.getActor().setId("LAJAS_BLANCAS"); // a case's actor is the station that signed its encounter
        return IntakeEventEnvelope.newBuilder().setMetadata(metadata).setPayload(opened).build();
    }
}
