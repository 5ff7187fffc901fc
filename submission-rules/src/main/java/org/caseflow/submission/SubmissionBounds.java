package org.caseflow.submission;

import java.util.ArrayList;
import java.util.List;

import org.caseflow.submission.domain.Reason;
import org.caseflow.submission.domain.ReasonCode;
import org.caseflow.schemas.intake.EncounterSubmission;
import org.caseflow.vocabulary.Bounds;

/**
 * The size bounds of a submission, checked on the raw record before any rule or store sees it: a value beyond
 * them is refused with the field it concerns (never echoed back), so no oversized case, state or rejection is
 * ever written downstream.
 */
public final class SubmissionBounds {

    private SubmissionBounds() {
    }

    public static List<Reason> violations(EncounterSubmission s) {
        List<Reason> out = new ArrayList<>();
        text(out, s.getSubmissionId(), "submissionId", Bounds.ID);
        text(out, s.getOfficeId(), "officeId", Bounds.ID);
        var p = s.getPerson();
        text(out, p.getGivenNames(), "person.givenNames", Bounds.NAME);
        text(out, p.getFamilyNames(), "person.familyNames", Bounds.NAME);
        text(out, p.getNationality(), "person.nationality", Bounds.ID);
        list(out, p.getLawfulResidenceCountries(), "person.lawfulResidenceCountries");
        list(out, p.getLanguages(), "person.languages");
        if (p.getDocuments().size() > Bounds.LIST) {
            out.add(tooMany("person.documents", p.getDocuments().size()));
        } else {
            for (int i = 0; i < p.getDocuments().size(); i++) {
                text(out, p.getDocuments().get(i).getNumber(), "person.documents[" + i + "].number", Bounds.ID);
                text(out, p.getDocuments().get(i).getIssuingCountry(), "person.documents[" + i + "].issuingCountry", Bounds.ID);
            }
        }
        var e = s.getEncounter();
        text(out, e.getStationCode(), "encounter.stationCode", Bounds.ID);
        text(out, e.getGroupId(), "encounter.groupId", Bounds.ID);
        if (e.getAccompanyingAdults().size() > Bounds.LIST) {
            out.add(tooMany("encounter.accompanyingAdults", e.getAccompanyingAdults().size()));
        } else {
            e.getAccompanyingAdults().forEach(a -> text(out, a.getPersonRef(), "encounter.accompanyingAdults.personRef", Bounds.ID));
        }
        list(out, s.getFear().getFearedCountries(), "fear.fearedCountries");
        return out;
    }

    private static void list(List<Reason> out, List<String> values, String field) {
        if (values.size() > Bounds.LIST) {
            out.add(tooMany(field, values.size()));
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            text(out, values.get(i), field + "[" + i + "]", Bounds.ID);
        }
    }

    private static void text(List<Reason> out, String value, String field, int max) {
        if (value != null && value.length() > max) {
            out.add(new Reason(ReasonCode.FIELD_TOO_LONG, field, field + " has " + value.length() + " characters; at most " + max + " are accepted."));
        }
    }

    private static Reason tooMany(String field, int size) {
        return new Reason(ReasonCode.TOO_MANY_ENTRIES, field, field + " has " + size + " entries; at most " + Bounds.LIST + " are accepted.");
    }
}
