package org.caseflow.submission;

import java.util.Locale;
import java.util.Optional;

import org.caseflow.submission.domain.Submission;
import org.caseflow.schemas.common.DocumentType;
import org.caseflow.schemas.common.IdentityDocument;
import org.caseflow.schemas.intake.EncounterSubmission;

/** Translates the Avro contract into the domain's plain types. */
public final class SubmissionMapper {

    private SubmissionMapper() {
    }

    public static Submission toDomain(EncounterSubmission s) {
        var p = s.getPerson();
        var e = s.getEncounter();
        var coordinates = e.getCoordinates();
        var person = new Submission.Person(p.getGivenNames(), p.getFamilyNames(), p.getDateOfBirth(), p.getEstimatedAge(),
                p.getNationality(), p.getLawfulResidenceCountries(),
                p.getDocuments().stream().map(d -> new Submission.Document(d.getType().name(), d.getNumber(), d.getIssuingCountry())).toList());
        var encounter = new Submission.Encounter(e.getStationCode(), e.getOccurredAt(),
                coordinates == null ? null : coordinates.getLatitude(), coordinates == null ? null : coordinates.getLongitude(),
                e.getGroupId(), e.getAccompanyingAdults().size());
        var i = s.getIndicators();
        var indicators = new Submission.Indicators(i.getTraffickingIndicators(), i.getMedicalNeeds(), i.getPregnant(), i.getDisability());
        return new Submission(s.getSubmissionId(), s.getOfficeId(), person, encounter, indicators,
                s.getFear().getFearExpressed(), s.getFear().getFearedCountries());
    }

    /** Equal for a retry of the same submission, different otherwise (see {@link EncounterSignatures#fingerprint}). */
    public static String fingerprint(EncounterSubmission s) {
        return EncounterSignatures.fingerprint(s);
    }

    /**
     * The key that finds earlier cases of the same person: nationality and the number of the strongest
     * identity document (passport, then national id, then any), normalised. Empty without documents.
     */
    public static Optional<String> personKey(EncounterSubmission s) {
        return s.getPerson().getDocuments().stream()
                .filter(d -> d.getNumber() != null && !d.getNumber().isBlank())
                .min(java.util.Comparator.comparingInt(SubmissionMapper::strength))
                .map(d -> personKey(s.getPerson().getNationality(), d.getNumber()));
    }

    /** The person key of a nationality (normalised at the edge) and a document number, spaces and dashes ignored. */
    public static String personKey(String nationality, String documentNumber) {
        return nationality + ":" + documentNumber.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    private static int strength(IdentityDocument d) {
        return d.getType() == DocumentType.PASSPORT ? 0 : d.getType() == DocumentType.NATIONAL_ID ? 1 : 2;
    }
}
