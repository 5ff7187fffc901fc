package org.caseflow.simulators;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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

/** A field office's Kafka producer builds the same submission the HTTP API would, as Avro. */
final class AvroSubmissions {

    private AvroSubmissions() {
    }

    @SuppressWarnings("unchecked")
    static SubmissionEnvelope envelope(Map<String, Object> body, String officeId) {
        var p = (Map<String, Object>) body.get("person");
        var e = (Map<String, Object>) body.get("encounter");
        var i = (Map<String, Object>) body.get("indicators");
        var f = (Map<String, Object>) body.get("fear");
        var c = (Map<String, Object>) e.get("coordinates");
        var submission = EncounterSubmission.newBuilder()
                .setSubmissionId((String) body.get("submissionId")).setOfficeId(officeId)
                .setPerson(Person.newBuilder()
                        .setGivenNames((String) p.get("givenNames")).setFamilyNames((String) p.get("familyNames"))
                        .setDateOfBirth(LocalDate.parse((String) p.get("dateOfBirth"))).setEstimatedAge(null)
                        .setSex(Sex.valueOf((String) p.get("sex"))).setNationality((String) p.get("nationality"))
                        .setLawfulResidenceCountries((List<String>) p.get("lawfulResidenceCountries"))
                        .setLanguages((List<String>) p.get("languages"))
                        .setDocuments(((List<Map<String, String>>) p.get("documents")).stream().map(d -> IdentityDocument.newBuilder()
                                .setType(DocumentType.valueOf(d.get("type"))).setNumber(d.get("number")).setIssuingCountry(d.get("issuingCountry")).build())
                                .toList())
                        .build())
                .setEncounter(Encounter.newBuilder()
                        .setStationCode((String) e.get("stationCode")).setOccurredAt(Instant.parse((String) e.get("occurredAt")))
                        .setCoordinates(Coordinates.newBuilder().setLatitude((Double) c.get("latitude")).setLongitude((Double) c.get("longitude")).build())
                        .setGroupId((String) e.get("groupId"))
                        .setAccompanyingAdults(((List<Map<String, String>>) e.get("accompanyingAdults")).stream()
                                .map(a -> AccompanyingAdult.newBuilder().setRelationship(Relationship.valueOf(a.get("relationship"))).build()).toList())
                        .build())
                .setIndicators(VulnerabilityIndicators.newBuilder()
                        .setTraffickingIndicators((Boolean) i.get("traffickingIndicators")).setMedicalNeeds((Boolean) i.get("medicalNeeds"))
                        .setPregnant((Boolean) i.get("pregnant")).setDisability((Boolean) i.get("disability")).build())
                .setFear(FearStatement.newBuilder().setFearExpressed((Boolean) f.get("fearExpressed"))
                        .setFearedCountries((List<String>) f.get("fearedCountries")).build())
                .build();
        Instant now = Instant.now();
        return SubmissionEnvelope.newBuilder()
                .setMetadata(Metadata.newBuilder().setEventId(UUID.randomUUID().toString()).setCaseId(null)
                        .setOccurredAt(submission.getEncounter().getOccurredAt()).setRecordedAt(now).setProducer(officeId)
                        .setActor(Actor.newBuilder().setId(officeId).setRole(Role.FIELD_OFFICE).build())
                        .setCausationId(null).setCorrelationId(submission.getSubmissionId()).build())
                .setPayload(submission).build();
    }
}
