package org.caseflow.submission.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SubmissionRulesTest {

    static final Instant NOW = Instant.parse("2026-11-01T12:00:00Z");
    static final IntakeSettings POLICY = new IntakeSettings(Set.of("LAJAS_BLANCAS", "SAN_VICENTE"), Duration.ofDays(30), Duration.ofMinutes(5));

    static Submission valid() {
        return new Submission("sub-1", "field-office",
                new Submission.Person("Ana", "Prueba", LocalDate.of(1994, 3, 2), null, "VEN", List.of("COL"),
                        List.of(new Submission.Document("PASSPORT", "P123", "VEN"))),
                new Submission.Encounter("LAJAS_BLANCAS", NOW.minus(2, ChronoUnit.HOURS), 8.3, -77.6, null, 0),
                new Submission.Indicators(false, false, false, false), true, List.of("VEN"));
    }

    static Submission withPerson(Submission s, UnaryOperator<Submission.Person> change) {
        return new Submission(s.submissionId(), s.officeId(), change.apply(s.person()), s.encounter(), s.indicators(), s.fearExpressed(), s.fearedCountries());
    }

    static Submission withEncounter(Submission s, UnaryOperator<Submission.Encounter> change) {
        return new Submission(s.submissionId(), s.officeId(), s.person(), change.apply(s.encounter()), s.indicators(), s.fearExpressed(), s.fearedCountries());
    }

    static Submission.Person person(Submission.Person p, LocalDate dob, Integer estimatedAge, String nationality, List<String> residence,
                                    List<Submission.Document> documents) {
        return new Submission.Person(p.givenNames(), p.familyNames(), dob, estimatedAge, nationality, residence, documents);
    }

    static Submission.Encounter encounter(Submission.Encounter e, String station, Instant at, Double lat, Double lon) {
        return new Submission.Encounter(station, at, lat, lon, e.groupId(), e.accompanyingAdults());
    }

    @Test
    void aCompleteSubmissionIsAcceptable() {
        assertThat(SubmissionRules.check(valid(), POLICY, NOW)).isEmpty();
    }

    /** One broken field per row, and the one reason code it must yield. */
    static Stream<Arguments> brokenSubmissions() {
        Submission v = valid();
        return Stream.of(
                Arguments.of("blank submissionId", new Submission(" ", v.officeId(), v.person(), v.encounter(), v.indicators(), true, v.fearedCountries()), ReasonCode.REQUIRED_FIELD_MISSING, "submissionId"),
                Arguments.of("no person", new Submission(v.submissionId(), v.officeId(), null, v.encounter(), v.indicators(), true, v.fearedCountries()), ReasonCode.REQUIRED_FIELD_MISSING, "person"),
                Arguments.of("no encounter", new Submission(v.submissionId(), v.officeId(), v.person(), null, v.indicators(), true, v.fearedCountries()), ReasonCode.REQUIRED_FIELD_MISSING, "encounter"),
                Arguments.of("blank family names", withPerson(v, p -> new Submission.Person(p.givenNames(), "", p.dateOfBirth(), null, p.nationality(), p.lawfulResidenceCountries(), p.documents())), ReasonCode.REQUIRED_FIELD_MISSING, "person.familyNames"),
                Arguments.of("encounter in the future", withEncounter(v, e -> encounter(e, e.stationCode(), NOW.plus(1, ChronoUnit.HOURS), 8.3, -77.6)), ReasonCode.ENCOUNTER_IN_FUTURE, "encounter.occurredAt"),
                Arguments.of("encounter too old", withEncounter(v, e -> encounter(e, e.stationCode(), NOW.minus(31, ChronoUnit.DAYS), 8.3, -77.6)), ReasonCode.ENCOUNTER_TOO_OLD, "encounter.occurredAt"),
                Arguments.of("date of birth in the future", withPerson(v, p -> person(p, LocalDate.of(2027, 1, 1), null, "VEN", List.of(), p.documents())), ReasonCode.DATE_OF_BIRTH_IN_FUTURE, "person.dateOfBirth"),
                Arguments.of("date of birth 1850", withPerson(v, p -> person(p, LocalDate.of(1850, 1, 1), null, "VEN", List.of(), p.documents())), ReasonCode.DATE_OF_BIRTH_IMPLAUSIBLE, "person.dateOfBirth"),
                Arguments.of("estimated age 140", withPerson(v, p -> person(p, null, 140, "VEN", List.of(), p.documents())), ReasonCode.AGE_IMPLAUSIBLE, "person.estimatedAge"),
                Arguments.of("no age at all", withPerson(v, p -> person(p, null, null, "VEN", List.of(), p.documents())), ReasonCode.AGE_MISSING, "person.dateOfBirth"),
                Arguments.of("nationality not alpha-3", withPerson(v, p -> person(p, p.dateOfBirth(), null, "VE", List.of(), p.documents())), ReasonCode.NATIONALITY_INVALID, "person.nationality"),
                Arguments.of("nationality unknown code", withPerson(v, p -> person(p, p.dateOfBirth(), null, "XYZ", List.of(), p.documents())), ReasonCode.NATIONALITY_INVALID, "person.nationality"),
                Arguments.of("residence country invalid", withPerson(v, p -> person(p, p.dateOfBirth(), null, "VEN", List.of("Colombia"), p.documents())), ReasonCode.RESIDENCE_COUNTRY_INVALID, "person.lawfulResidenceCountries"),
                Arguments.of("document country invalid", withPerson(v, p -> person(p, p.dateOfBirth(), null, "VEN", List.of(), List.of(new Submission.Document("PASSPORT", "P1", "ven")))), ReasonCode.DOCUMENT_COUNTRY_INVALID, "person.documents[0].issuingCountry"),
                Arguments.of("feared country invalid", new Submission(v.submissionId(), v.officeId(), v.person(), v.encounter(), v.indicators(), true, List.of("Venezuela")), ReasonCode.FEARED_COUNTRY_INVALID, "fear.fearedCountries"),
                Arguments.of("unknown station", withEncounter(v, e -> encounter(e, "PANAMA_CITY", e.occurredAt(), 8.3, -77.6)), ReasonCode.STATION_UNKNOWN, "encounter.stationCode"),
                Arguments.of("latitude out of range", withEncounter(v, e -> encounter(e, e.stationCode(), e.occurredAt(), 95.0, -77.6)), ReasonCode.COORDINATES_OUT_OF_RANGE, "encounter.coordinates"),
                Arguments.of("longitude NaN", withEncounter(v, e -> encounter(e, e.stationCode(), e.occurredAt(), 8.3, Double.NaN)), ReasonCode.COORDINATES_OUT_OF_RANGE, "encounter.coordinates"));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("brokenSubmissions")
    void eachBrokenFieldYieldsItsReason(String description, Submission submission, ReasonCode expected, String field) {
        assertThat(SubmissionRules.check(submission, POLICY, NOW))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.code()).isEqualTo(expected);
                    assertThat(r.field()).isEqualTo(field);
                    assertThat(r.message()).isNotBlank();
                });
    }

    @Test
    void reasonsDoNotRepeatPersonalDataBeyondTheOffendingCode() {
        var reasons = SubmissionRules.check(withPerson(valid(), p -> person(p, p.dateOfBirth(), null, "XX", List.of(), p.documents())), POLICY, NOW);
        assertThat(reasons).allSatisfy(r -> assertThat(r.message()).doesNotContain("Ana").doesNotContain("Prueba"));
    }

    @Test
    void everyProblemIsReportedNotJustTheFirst() {
        Submission s = withEncounter(withPerson(valid(), p -> person(p, null, null, "XX", List.of(), p.documents())),
                e -> encounter(e, "NOWHERE", e.occurredAt(), 8.3, -77.6));
        assertThat(SubmissionRules.check(s, POLICY, NOW)).extracting(Reason::code)
                .containsExactlyInAnyOrder(ReasonCode.AGE_MISSING, ReasonCode.NATIONALITY_INVALID, ReasonCode.STATION_UNKNOWN);
    }

    @Test
    void aClockRunningSlightlyAheadIsTolerated() {
        Submission s = withEncounter(valid(), e -> encounter(e, e.stationCode(), NOW.plus(4, ChronoUnit.MINUTES), null, null));
        assertThat(SubmissionRules.check(s, POLICY, NOW)).isEmpty();
    }

    @Test
    void aMinorWithoutAnAccompanyingAdultIsUnaccompanied() {
        Submission minor = withPerson(valid(), p -> person(p, LocalDate.of(2012, 6, 1), null, "VEN", List.of(), p.documents()));
        assertThat(SubmissionRules.flags(minor).unaccompaniedMinor()).isTrue();
        assertThat(SubmissionRules.flags(minor).protectionRequired()).isTrue();

        Submission accompanied = withEncounter(minor, e -> new Submission.Encounter(e.stationCode(), e.occurredAt(), null, null, "fam-1", 1));
        assertThat(SubmissionRules.flags(accompanied).unaccompaniedMinor()).isFalse();
    }

    @Test
    void ageIsTakenAtTheEncounterAndFallsBackToTheEstimate() {
        // 18th birthday on the day after the encounter: still a minor then.
        Submission almostAdult = withPerson(valid(), p -> person(p, LocalDate.of(2008, 11, 2), null, "VEN", List.of(), p.documents()));
        assertThat(SubmissionRules.flags(almostAdult).unaccompaniedMinor()).isTrue();
        Submission estimatedChild = withPerson(valid(), p -> person(p, null, 12, "VEN", List.of(), p.documents()));
        assertThat(SubmissionRules.flags(estimatedChild).unaccompaniedMinor()).isTrue();
        assertThat(SubmissionRules.flags(valid()).unaccompaniedMinor()).isFalse();
    }

    @Test
    void recordedIndicatorsBecomeFlags() {
        Submission s = new Submission("sub-1", "field-office", valid().person(), valid().encounter(),
                new Submission.Indicators(true, true, true, true), false, List.of());
        assertThat(SubmissionRules.flags(s)).isEqualTo(new Flags(false, true, true, true, true));
        assertThat(SubmissionRules.flags(s).protectionRequired()).isTrue();
    }
}
