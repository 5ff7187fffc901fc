package org.caseflow.submission;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;

import org.caseflow.schemas.common.AccompanyingAdult;
import org.caseflow.schemas.common.Coordinates;
import org.caseflow.schemas.common.Encounter;
import org.caseflow.schemas.common.FearStatement;
import org.caseflow.schemas.common.IdentityDocument;
import org.caseflow.schemas.common.Person;
import org.caseflow.schemas.common.VulnerabilityIndicators;
import org.caseflow.schemas.intake.EncounterSubmission;
import org.caseflow.schemas.intake.StationSignature;

/**
 * JSON request → Avro submission, deterministically (equal bodies give equal fingerprints), and back: intake's HTTP
 * API and a station's client build the same record from the same form, so the signature made on one verifies on the other.
 */
public final class SubmissionRequests {

    private SubmissionRequests() {
    }

    public static EncounterSubmission toAvro(SubmissionRequest r, String officeId) {
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
                .setSignature(r.signature() == null ? null : StationSignature.newBuilder().setKeyId(r.signature().keyId())
                        .setAlgorithm(r.signature().algorithm() == null ? EncounterSignatures.ALGORITHM : r.signature().algorithm())
                        .setValue(ByteBuffer.wrap(decode(r.signature().value()))).build())
                .build();
    }

    /** The request a client sends for a recorded (and signed) submission. */
    public static SubmissionRequest toRequest(EncounterSubmission s) {
        var p = s.getPerson();
        var e = s.getEncounter();
        var i = s.getIndicators();
        var signature = s.getSignature();
        return new SubmissionRequest(s.getSubmissionId(),
                new SubmissionRequest.PersonRequest(p.getGivenNames(), p.getFamilyNames(), p.getDateOfBirth(), p.getEstimatedAge(), p.getSex(),
                        p.getNationality(), p.getLawfulResidenceCountries(), p.getLanguages(), p.getDocuments().stream()
                        .map(d -> new SubmissionRequest.DocumentRequest(d.getType(), d.getNumber(), d.getIssuingCountry())).toList()),
                new SubmissionRequest.EncounterRequest(e.getStationCode(), e.getOccurredAt(), e.getCoordinates() == null ? null
                        : new SubmissionRequest.CoordinatesRequest(e.getCoordinates().getLatitude(), e.getCoordinates().getLongitude()),
                        e.getGroupId(), e.getAccompanyingAdults().stream()
                        .map(a -> new SubmissionRequest.AccompanyingAdultRequest(a.getRelationship(), a.getPersonRef())).toList()),
                new SubmissionRequest.IndicatorsRequest(i.getTraffickingIndicators(), i.getMedicalNeeds(), i.getPregnant(), i.getDisability()),
                new SubmissionRequest.FearRequest(s.getFear().getFearExpressed(), s.getFear().getFearedCountries()),
                signature == null ? null : new SubmissionRequest.SignatureRequest(signature.getKeyId(), signature.getAlgorithm(),
                        Base64.getEncoder().encodeToString(EncounterSignatures.bytes(signature.getValue()))));
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return new byte[0]; // no signature; the topology refuses it as SIGNATURE_INVALID
        }
    }


    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }
}
