package org.caseflow.submission.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import org.caseflow.vocabulary.CountryCode;

/** The intake rules as functions: what makes a submission acceptable, and what it says about the person. */
public final class SubmissionRules {

    /** Oldest plausible age; anything beyond is a data-entry error. */
    static final int MAX_AGE = 110;
    static final int ADULT_AGE = 18;

    private SubmissionRules() {
    }

    /** Every reason to refuse {@code s} at {@code now}; empty when it is acceptable. */
    public static List<Reason> check(Submission s, IntakeSettings settings, Instant now) {
        List<Reason> reasons = new ArrayList<>();
        required(reasons, s.submissionId(), "submissionId");
        required(reasons, s.officeId(), "officeId");
        if (s.person() == null) {
            reasons.add(missing("person"));
        } else {
            checkPerson(reasons, s.person(), s.encounter() == null ? null : s.encounter().occurredAt(), now);
        }
        if (s.encounter() == null) {
            reasons.add(missing("encounter"));
        } else {
            checkEncounter(reasons, s.encounter(), settings, now);
        }
        for (String feared : s.fearedCountries()) {
            if (!CountryCode.isNormalised(feared)) {
                reasons.add(new Reason(ReasonCode.FEARED_COUNTRY_INVALID, "fear.fearedCountries",
                        "Feared country '" + feared + "' is not an ISO 3166-1 alpha-3 code (e.g. VEN, COL)."));
            }
        }
        return List.copyOf(reasons);
    }

    /** Flags derived from the submission: a minor with no accompanying adult in the group is unaccompanied. */
    public static Flags flags(Submission s) {
        Instant at = s.encounter() == null ? null : s.encounter().occurredAt();
        boolean minor = s.person() != null && ageAt(s.person(), at).stream().anyMatch(age -> age < ADULT_AGE);
        boolean accompanied = s.encounter() != null && s.encounter().accompanyingAdults() > 0;
        Submission.Indicators i = s.indicators() == null ? new Submission.Indicators(false, false, false, false) : s.indicators();
        return new Flags(minor && !accompanied, i.trafficking(), i.medicalNeeds(), i.pregnant(), i.disability());
    }

    /** Age in whole years at the encounter (date of birth first, else the officer's estimate). */
    public static OptionalInt ageAt(Submission.Person person, Instant at) {
        if (person.dateOfBirth() != null && at != null) {
            LocalDate day = at.atZone(ZoneOffset.UTC).toLocalDate();
            return day.isBefore(person.dateOfBirth()) ? OptionalInt.empty() : OptionalInt.of(Period.between(person.dateOfBirth(), day).getYears());
        }
        return person.estimatedAge() == null ? OptionalInt.empty() : OptionalInt.of(person.estimatedAge());
    }

    private static void checkPerson(List<Reason> reasons, Submission.Person p, Instant encounterAt, Instant now) {
        required(reasons, p.givenNames(), "person.givenNames");
        required(reasons, p.familyNames(), "person.familyNames");
        if (isBlank(p.nationality())) {
            reasons.add(missing("person.nationality"));
        } else if (!CountryCode.isNormalised(p.nationality())) {
            reasons.add(new Reason(ReasonCode.NATIONALITY_INVALID, "person.nationality",
                    "Nationality '" + p.nationality() + "' is not an ISO 3166-1 alpha-3 code (e.g. VEN, HTI)."));
        }
        for (String country : p.lawfulResidenceCountries()) {
            if (!CountryCode.isNormalised(country)) {
                reasons.add(new Reason(ReasonCode.RESIDENCE_COUNTRY_INVALID, "person.lawfulResidenceCountries",
                        "Country of lawful residence '" + country + "' is not an ISO 3166-1 alpha-3 code."));
            }
        }
        for (int i = 0; i < p.documents().size(); i++) {
            Submission.Document d = p.documents().get(i);
            required(reasons, d.number(), "person.documents[" + i + "].number");
            if (!CountryCode.isNormalised(d.issuingCountry())) {
                reasons.add(new Reason(ReasonCode.DOCUMENT_COUNTRY_INVALID, "person.documents[" + i + "].issuingCountry",
                        "Issuing country '" + d.issuingCountry() + "' is not an ISO 3166-1 alpha-3 code."));
            }
        }
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        if (p.dateOfBirth() != null) {
            if (p.dateOfBirth().isAfter(today)) {
                reasons.add(new Reason(ReasonCode.DATE_OF_BIRTH_IN_FUTURE, "person.dateOfBirth", "The date of birth is in the future."));
            } else if (p.dateOfBirth().isBefore(today.minusYears(MAX_AGE))) {
                reasons.add(new Reason(ReasonCode.DATE_OF_BIRTH_IMPLAUSIBLE, "person.dateOfBirth",
                        "The date of birth makes the person older than " + MAX_AGE + "; check the year."));
            }
        } else if (p.estimatedAge() == null) {
            reasons.add(new Reason(ReasonCode.AGE_MISSING, "person.dateOfBirth", "Give a date of birth or an estimated age."));
        } else if (p.estimatedAge() < 0 || p.estimatedAge() > MAX_AGE) {
            reasons.add(new Reason(ReasonCode.AGE_IMPLAUSIBLE, "person.estimatedAge",
                    "An estimated age must be between 0 and " + MAX_AGE + "."));
        }
    }

    private static void checkEncounter(List<Reason> reasons, Submission.Encounter e, IntakeSettings settings, Instant now) {
        if (isBlank(e.stationCode())) {
            reasons.add(missing("encounter.stationCode"));
        } else if (!settings.stations().contains(e.stationCode())) {
            reasons.add(new Reason(ReasonCode.STATION_UNKNOWN, "encounter.stationCode",
                    "Station '" + e.stationCode() + "' is not a configured reception station."));
        }
        if (e.occurredAt() == null) {
            reasons.add(missing("encounter.occurredAt"));
        } else if (e.occurredAt().isAfter(now.plus(settings.clockSkew()))) {
            reasons.add(new Reason(ReasonCode.ENCOUNTER_IN_FUTURE, "encounter.occurredAt", "The encounter time is in the future; check the device clock."));
        } else if (e.occurredAt().isBefore(now.minus(settings.maxEncounterAge()))) {
            reasons.add(new Reason(ReasonCode.ENCOUNTER_TOO_OLD, "encounter.occurredAt",
                    "The encounter is older than " + settings.maxEncounterAge().toDays() + " days; record it as a new encounter."));
        }
        boolean latitudeBad = e.latitude() != null && (e.latitude().isNaN() || e.latitude() < -90 || e.latitude() > 90);
        boolean longitudeBad = e.longitude() != null && (e.longitude().isNaN() || e.longitude() < -180 || e.longitude() > 180);
        if (latitudeBad || longitudeBad) {
            reasons.add(new Reason(ReasonCode.COORDINATES_OUT_OF_RANGE, "encounter.coordinates",
                    "Coordinates must be latitude -90..90 and longitude -180..180."));
        }
        if (e.accompanyingAdults() < 0) {
            reasons.add(missing("encounter.accompanyingAdults"));
        }
    }

    private static void required(List<Reason> reasons, String value, String field) {
        if (isBlank(value)) {
            reasons.add(missing(field));
        }
    }

    private static Reason missing(String field) {
        return new Reason(ReasonCode.REQUIRED_FIELD_MISSING, field, "'" + field + "' is required.");
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
