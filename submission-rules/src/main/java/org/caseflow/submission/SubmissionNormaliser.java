package org.caseflow.submission;

import java.util.List;

import org.caseflow.schemas.intake.EncounterSubmission;
import org.caseflow.vocabulary.CountryCode;

/**
 * Country codes normalised at the edge, before any rule, store or event sees them: {@code ven} becomes VEN
 * wherever the submission names a country. A value that is no country code is left as given, for the rules to
 * refuse with its reason. Normalising first also makes a retry that differs only in case the same submission.
 */
public final class SubmissionNormaliser {

    private SubmissionNormaliser() {
    }

    public static EncounterSubmission normalised(EncounterSubmission raw) {
        EncounterSubmission s = EncounterSubmission.newBuilder(raw).build();
        var person = s.getPerson();
        person.setNationality(country(person.getNationality()));
        person.setLawfulResidenceCountries(countries(person.getLawfulResidenceCountries()));
        person.getDocuments().forEach(d -> d.setIssuingCountry(country(d.getIssuingCountry())));
        s.getFear().setFearedCountries(countries(s.getFear().getFearedCountries()));
        return s;
    }

    private static String country(String raw) {
        return CountryCode.parse(raw).map(CountryCode::alpha3).orElse(raw);
    }

    private static List<String> countries(List<String> raw) {
        return raw.stream().map(SubmissionNormaliser::country).toList();
    }
}
