package org.caseflow.intake.api;

import java.util.List;

import org.caseflow.schemas.common.AccompanyingAdult;
import org.caseflow.schemas.common.Coordinates;
import org.caseflow.schemas.common.Encounter;
import org.caseflow.schemas.common.FearStatement;
import org.caseflow.schemas.common.IdentityDocument;
import org.caseflow.schemas.common.Person;
import org.caseflow.schemas.common.VulnerabilityIndicators;
import org.caseflow.schemas.intake.EncounterSubmission;

/** JSON request → Avro submission, deterministically (equal bodies give equal fingerprints). */
final class SubmissionRequestMapper {

    private SubmissionRequestMapper() {
    }

    static EncounterSubmission toAvro(SubmissionRequest r, String officeId) {
        var p = r.person();
        var e = r.encounter();
        var i = r.indicators() == null ? new SubmissionRequest.IndicatorsRequest(false, false, false, false) : r.indicators();
        var f = r.fear() == null ? new SubmissionRequest.FearRequest(false, List.of()) : r.fear();
        return EncounterSubmission.newBuilder()
                .setSubmissionId(r.submissionId())
                .setOfficeId(officeId)
                .setPerson(Person.newBuilder()
                        .setGivenNames(p.givenNames()).setFamilyNames(p.familyNames())
                        .setDateOfBirth(p.dateOfBirth()).setEstimatedAge(p.estimatedAge())
                        .setSex(p.sex()).setNationality(p.nationality())
                        .setLawfulResidenceCountries(orEmpty(p.lawfulResidenceCountries()))
                        .setLanguages(orEmpty(p.languages()))
                        .setDocuments(p.documents() == null ? List.of() : p.documents().stream()
                                .map(d -> IdentityDocument.newBuilder().setType(d.type()).setNumber(d.number()).setIssuingCountry(d.issuingCountry()).build())
                                .toList())
                        .build())
                .setEncounter(Encounter.newBuilder()
                        .setStationCode(e.stationCode()).setOccurredAt(e.occurredAt())
                        .setCoordinates(e.coordinates() == null ? null
                                : Coordinates.newBuilder().setLatitude(e.coordinates().latitude()).setLongitude(e.coordinates().longitude()).build())
                        .setGroupId(e.groupId())
                        .setAccompanyingAdults(e.accompanyingAdults() == null ? List.of() : e.accompanyingAdults().stream()
                                .map(a -> AccompanyingAdult.newBuilder().setRelationship(a.relationship()).setPersonRef(a.personRef()).build())
                                .toList())
                        .build())
                .setIndicators(VulnerabilityIndicators.newBuilder()
                        .setTraffickingIndicators(i.traffickingIndicators()).setMedicalNeeds(i.medicalNeeds())
                        .setPregnant(i.pregnant()).setDisability(i.disability()).build())
                .setFear(FearStatement.newBuilder().setFearExpressed(f.fearExpressed()).setFearedCountries(orEmpty(f.fearedCountries())).build())
                .build();
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }
}
