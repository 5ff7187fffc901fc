package org.caseflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import org.caseflow.schemas.Topics;
import org.caseflow.schemas.common.Role;
import org.caseflow.schemas.intake.EncounterSubmission;
import org.caseflow.schemas.removal.RemovalExecuted;
import org.caseflow.schemas.removal.RemovalScheduled;
import org.caseflow.schemas.removal.RemovalStayed;
import org.caseflow.schemas.removal.StayReason;
import org.caseflow.schemas.screening.OfficerAssigned;
import org.caseflow.schemas.screening.ReviewDecided;
import org.caseflow.schemas.screening.ReviewRequested;
import org.caseflow.schemas.screening.ReviewResult;
import org.caseflow.schemas.screening.ReviewWaived;
import org.caseflow.schemas.screening.ScreeningConcluded;
import org.caseflow.schemas.screening.ScreeningDecided;
import org.caseflow.schemas.screening.ScreeningQueued;
import org.caseflow.testsupport.SampleEvents;
import org.junit.jupiter.api.Test;

/** For each rule and each kind of violation, a crafted log that breaks it in a small way; the audit must name it. */
class SafeguardFindingsTest {

    static CraftedLog log(Consumer<CraftedLog> bend) {
        CraftedLog log = new CraftedLog();
        bend.accept(log);
        return log.clean();
    }

    static void assertCaught(String rule, AuditReport report) {
        assertThat(report.findings).as(report.text()).anySatisfy(f -> {
            assertThat(f.rule()).isEqualTo(rule);
            assertThat(f.offending().topic()).isNotBlank();
            assertThat(f.message()).isNotBlank();
        });
    }

    static void assertOnly(String rule, AuditReport report) {
        assertThat(report.findings).as(report.text()).isNotEmpty().allSatisfy(f -> assertThat(f.rule()).isEqualTo(rule));
    }

    @Test
    void aCleanCaseHasNoFindings() {
        AuditReport report = new CraftedLog().clean().audit();
        assertThat(report.findings).as(report.text()).isEmpty();
        assertThat(report.removalStages).containsOnlyKeys("EXECUTED");
        assertThat(report.screeningOutcomes).containsOnlyKeys("NO_CREDIBLE_FEAR");
    }

    @Test
    void reviewUpheldThenDepartureBeforeTheOriginalWindowIsClean() {
        CraftedLog log = new CraftedLog();
        log.departureHours = 30;
        log.flightDepartureHours = 30;
        log.registry(-24, 24 * 365);
        log.fact(Topics.REMOVAL_FLIGHTS, CraftedLog.FLIGHT, log.flight(org.caseflow.schemas.removal.FlightStatus.PLANNED), -1, "removal-service", "r",
                Role.REMOVAL_OFFICER);
        var opened = (org.caseflow.schemas.intake.CaseOpened) SampleEvents.caseOpened(log.caseId).getPayload();
        log.add(Topics.CASE_INTAKE_EVENTS, opened, 0, "LAJAS_BLANCAS", Role.FIELD_OFFICE, "sub");
        log.add(Topics.CASE_SCREENING_EVENTS, ScreeningQueued.newBuilder().setCaseId(log.caseId).setStationCode("S").build(), 0.1, "screening-service",
                Role.SYSTEM, "o");
        log.add(Topics.CASE_SCREENING_EVENTS, OfficerAssigned.newBuilder().setCaseId(log.caseId).setOfficerId(CraftedLog.OFFICER).build(), 1,
                "supervisor-1", Role.SUPERVISOR, "c1");
        log.add(Topics.CASE_SCREENING_EVENTS, org.caseflow.schemas.screening.InterviewRecorded.newBuilder().setCaseId(log.caseId)
                .setOfficerId(CraftedLog.OFFICER).setLanguage("es").setInterpreterUsed(false).setFearArticulated(false).build(), 2, CraftedLog.OFFICER,
                Role.SCREENING_OFFICER, "c2");
        log.add(Topics.CASE_SCREENING_EVENTS, log.decided(4), 4, CraftedLog.OFFICER, Role.SCREENING_OFFICER, "c3");
        log.add(Topics.CASE_SCREENING_EVENTS, ReviewRequested.newBuilder().setCaseId(log.caseId).setReason("asked").build(), 5, CraftedLog.OFFICER,
                Role.SCREENING_OFFICER, "c4");
        log.add(Topics.CASE_SCREENING_EVENTS, ReviewDecided.newBuilder().setCaseId(log.caseId).setSupervisorId("supervisor-2")
                .setResult(ReviewResult.UPHELD).setRationale("r").build(), 10, "supervisor-2", Role.SUPERVISOR, "c5");
        log.add(Topics.CASE_SCREENING_EVENTS, ScreeningConcluded.newBuilder().setCaseId(log.caseId)
                .setOutcome(org.caseflow.schemas.common.ScreeningOutcome.NO_CREDIBLE_FEAR).setEligibleForRemoval(true).build(), 10, "supervisor-2",
                Role.SUPERVISOR, "c5");
        log.removal(10.1);
        AuditReport report = log.audit();
        assertThat(report.findings).as(report.text()).isEmpty();
    }

    // ---- S1 ----

    @Test
    void s1RemovalWithoutANegativeDecision() {
        assertCaught(Rules.S1, log(l -> l.decision = "CREDIBLE_FEAR").audit());
    }

    @Test
    void s1TheRegistrySaysTheCertificationHadExpiredWhileTheDecisionsCopyLooksValid() {
        assertOnly(Rules.S1, log(l -> l.registryCertUntilHours = 3).audit());
    }

    @Test
    void s1TheDecisionsCopyOfTheCertificationDiffersFromTheRegistry() {
        assertOnly(Rules.S1, log(l -> l.copiedCertUntilHours = 24 * 999).audit());
    }

    @Test
    void s1AnOfficerTheRegistryNeverKnew() {
        CraftedLog log = new CraftedLog().clean();
        log.facts.removeIf(r -> r.topic().equals(Topics.SCREENING_OFFICERS));
        assertOnly(Rules.S1, log.audit());
    }

    @Test
    void s1ADecisionBackDatedIntoTheCertificationsValidity() {
        CraftedLog log = log(l -> {
            l.registryCertUntilHours = 3.5;
            l.copiedCertUntilHours = 3.5;
        });
        log.find(ScreeningDecided.class).metadata().setOccurredAt(log.at(3)); // claims 3 h; logged at 4 h, after expiry
        AuditReport report = log.audit();
        assertCaught(Rules.S1, report);
        assertCaught(Rules.LOG_TIME, report);
    }

    // ---- S2 ----

    @Test
    void s2RemovalOfAnUnaccompaniedMinor() {
        assertCaught(Rules.S2, log(l -> l.minor = true).audit());
    }

    // ---- S3 ----

    @Test
    void s3RemovalToAFearedCountry() {
        assertOnly(Rules.S3, log(l -> l.feared = List.of("VEN")).audit());
    }

    @Test
    void s3RemovalToACountryThatIsNeitherNationalityNorResidence() {
        assertCaught(Rules.S3, log(l -> {
            l.destination = "MEX";
            l.flightDestination = "MEX";
        }).audit());
    }

    @Test
    void s3TheFlightRecordGoesToAFearedCountryWhileTheScheduleSaysOtherwise() {
        AuditReport report = log(l -> {
            l.feared = List.of("COL");
            l.flightDestination = "COL";
        }).audit();
        assertCaught(Rules.S3, report);
        assertCaught(Rules.FLIGHT_MISMATCH, report);
    }

    @Test
    void s3AFearedCountryNamedInLowerCaseStillProtects() {
        AuditReport report = log(l -> l.interviewFeared = List.of("ven")).audit();
        assertCaught(Rules.S3, report);
        assertCaught(Rules.MALFORMED_RECORD, report);
    }

    // ---- S4 ----

    @Test
    void s4DepartureBeforeTheReviewWindowClosed() {
        assertCaught(Rules.S4, log(l -> {
            l.departureHours = 10;
            l.flightDepartureHours = 10;
        }).audit());
    }

    @Test
    void s4TheFlightRecordDepartsBeforeTheWindowClosedWhileTheScheduleSaysAfter() {
        AuditReport report = log(l -> l.flightDepartureHours = 10).audit();
        assertCaught(Rules.S4, report);
        assertCaught(Rules.FLIGHT_MISMATCH, report);
    }

    @Test
    void s4ScreeningConcludedBeforeTheWindowClosedWithoutWaiverOrReview() {
        CraftedLog log = new CraftedLog().clean();
        AuditRecord concluded = log.find(ScreeningConcluded.class);
        log.records.remove(concluded);
        log.add(Topics.CASE_SCREENING_EVENTS, (ScreeningConcluded) concluded.payload(), 20, "screening-service", Role.SYSTEM, "early");
        assertOnly(Rules.S4, log.audit());
    }

    @Test
    void s4AWaiverBySomeoneOtherThanTheDecider() {
        AuditReport report = waiver("officer-2", 5);
        assertCaught(Rules.S4, report);
    }

    @Test
    void s4AWaiverAfterTheWindowClosedBeforeScreeningNoticed() {
        CraftedLog log = new CraftedLog().clean();
        AuditRecord concluded = log.find(ScreeningConcluded.class);
        log.records.remove(concluded);
        log.add(Topics.CASE_SCREENING_EVENTS, ReviewWaived.newBuilder().setCaseId(log.caseId).setReason("x").build(), 4 + 72 + 0.001,
                CraftedLog.OFFICER, Role.SCREENING_OFFICER, "late");
        log.add(Topics.CASE_SCREENING_EVENTS, (ScreeningConcluded) concluded.payload(), 4 + 72 + 0.002, CraftedLog.OFFICER, Role.SCREENING_OFFICER, "late");
        assertCaught(Rules.S4, log.audit());
    }

    @Test
    void s4AReviewDecidedByTheDecider() {
        CraftedLog log = new CraftedLog().clean();
        log.add(Topics.CASE_SCREENING_EVENTS, ReviewRequested.newBuilder().setCaseId(log.caseId).setReason("x").build(), 5, CraftedLog.OFFICER,
                Role.SCREENING_OFFICER, "c");
        log.add(Topics.CASE_SCREENING_EVENTS, ReviewDecided.newBuilder().setCaseId(log.caseId).setSupervisorId(CraftedLog.OFFICER)
                .setResult(ReviewResult.UPHELD).setRationale("r").build(), 6, CraftedLog.OFFICER, Role.SUPERVISOR, "c");
        assertCaught(Rules.S4, log.audit());
    }

    private static AuditReport waiver(String by, double hours) {
        CraftedLog log = new CraftedLog().clean();
        log.add(Topics.CASE_SCREENING_EVENTS, ReviewWaived.newBuilder().setCaseId(log.caseId).setReason("x").build(), hours, by,
                Role.SCREENING_OFFICER, "c");
        return log.audit();
    }

    // ---- S5 ----

    @Test
    void s5AnEventWithoutItsCause() {
        CraftedLog log = new CraftedLog().clean();
        log.records.get(2).metadata().setCausationId(null);
        assertOnly(Rules.S5, log.audit());
    }

    @Test
    void s5AnAssignmentRecordedByAnOfficerInsteadOfASupervisor() {
        CraftedLog log = new CraftedLog().clean();
        log.find(OfficerAssigned.class).metadata().getActor().setRole(Role.SCREENING_OFFICER);
        assertOnly(Rules.S5, log.audit());
    }

    @Test
    void s5ACaseOpenedForAnotherStationThanTheEncounterNames() {
        CraftedLog log = new CraftedLog().clean();
        log.find(org.caseflow.schemas.intake.CaseOpened.class).metadata().getActor().setId("SAN_VICENTE");
        assertOnly(Rules.S5, log.audit());
    }

    @Test
    void s5ACaseOpenedFromAnUnsignedSubmission() {
        CraftedLog log = new CraftedLog().clean();
        log.signCases = false;
        assertOnly(Rules.S5, log.audit());
    }

    @Test
    void s5ACaseWhoseRecordedContentWasChangedAfterTheStationSignedIt() {
        CraftedLog log = new CraftedLog().clean().signOpened();
        ((org.caseflow.schemas.intake.CaseOpened) log.find(org.caseflow.schemas.intake.CaseOpened.class).payload()).getPerson().setGivenNames("Other");
        assertOnly(Rules.S5, log.audit());
    }

    @Test
    void s5ACaseSignedWithAKeyTheRegistryNeverHeldOrHadRevoked() {
        CraftedLog unknown = new CraftedLog().clean();
        var stranger = org.caseflow.submission.EncounterSignatures.newKeyPair();
        var opened = (org.caseflow.schemas.intake.CaseOpened) unknown.find(org.caseflow.schemas.intake.CaseOpened.class).payload();
        opened.setSignature(org.caseflow.submission.EncounterSignatures.signed(org.caseflow.submission.EncounterSignatures.submissionOf(opened),
                stranger.getPrivate(), org.caseflow.submission.EncounterSignatures.keyId(stranger.getPublic())).getSignature());
        assertOnly(Rules.S5, unknown.audit());

        CraftedLog revoked = new CraftedLog().clean();
        revoked.fact(Topics.INTAKE_STATIONS, org.caseflow.testsupport.TestStations.registryKey(CraftedLog.STATION),
                org.caseflow.submission.StationRegistrations.revoked(CraftedLog.STATION,
                        org.caseflow.testsupport.TestStations.keyPair(CraftedLog.STATION).getPublic().getEncoded(), "lost", "supervisor-1",
                        java.time.Instant.EPOCH).getPayload() instanceof org.apache.avro.specific.SpecificRecord p ? p : null, -1, "intake-http", "supervisor-1", Role.SUPERVISOR);
        assertOnly(Rules.S5, revoked.audit());
    }

    // ---- transitions and S6 ----

    @Test
    void aSecondDecisionDoesNotSilentlyReplaceTheFirst() {
        CraftedLog log = new CraftedLog().clean();
        log.add(Topics.CASE_SCREENING_EVENTS, log.decided(5), 5, CraftedLog.OFFICER, Role.SCREENING_OFFICER, "again");
        assertCaught(Rules.ILLEGAL_TRANSITION, log.audit());
    }

    @Test
    void aSecondReviewDecisionDoesNotSilentlyReplaceTheFirst() {
        CraftedLog log = new CraftedLog().clean();
        log.add(Topics.CASE_SCREENING_EVENTS, ReviewRequested.newBuilder().setCaseId(log.caseId).setReason("x").build(), 5, CraftedLog.OFFICER,
                Role.SCREENING_OFFICER, "c");
        for (double h : new double[] {6, 7}) {
            log.add(Topics.CASE_SCREENING_EVENTS, ReviewDecided.newBuilder().setCaseId(log.caseId).setSupervisorId("supervisor-2")
                    .setResult(ReviewResult.UPHELD).setRationale("r").build(), h, "supervisor-2", Role.SUPERVISOR, "c" + h);
        }
        assertCaught(Rules.ILLEGAL_TRANSITION, log.audit());
    }

    @Test
    void aStayAfterExecution() {
        CraftedLog log = new CraftedLog().clean();
        log.add(Topics.CASE_REMOVAL_EVENTS, RemovalStayed.newBuilder().setCaseId(log.caseId).setReason(StayReason.COURT_ORDER).build(),
                log.departureHours + 1, "removal-officer-1", Role.REMOVAL_OFFICER, "stay");
        assertOnly(Rules.ILLEGAL_TRANSITION, log.audit());
    }

    @Test
    void aCaseRemovedTwice() {
        CraftedLog log = new CraftedLog().clean();
        log.executed(log.departureHours + 2, CraftedLog.FLIGHT);
        assertOnly(Rules.S6, log.audit());
    }

    @Test
    void anExecutionOnAnotherFlightThanTheOneScheduled() {
        CraftedLog log = new CraftedLog().clean();
        log.records.remove(log.find(RemovalExecuted.class));
        log.add(Topics.CASE_REMOVAL_EVENTS, RemovalExecuted.newBuilder().setCaseId(log.caseId).setFlightId("FL-OTHER")
                .setDepartedAt(log.at(log.departureHours)).build(), log.departureHours + 0.2, "removal-officer-1", Role.REMOVAL_OFFICER, "d");
        assertCaught(Rules.FLIGHT_MISMATCH, log.audit());
    }

    @Test
    void twoCasesOnOneSeatJudgedFromTheScheduleEvents() {
        CraftedLog first = new CraftedLog().clean();
        CraftedLog second = new CraftedLog().clean();
        AuditReport report = CraftedLog.audit(first.t0.plus(Duration.ofDays(30)), first, second);
        assertOnly(Rules.S6, report);
    }

    @Test
    void moreCasesThanSeats() {
        CraftedLog first = log(l -> l.flightSeats = 1);
        CraftedLog second = log(l -> {
            l.flightSeats = 1;
            l.seat = 1;
        });
        first.seat = 2;
        AuditReport report = CraftedLog.audit(first.t0.plus(Duration.ofDays(30)), first, second);
        assertCaught(Rules.S6, report);
    }

    @Test
    void scheduledTwiceWhileHoldingASeat() {
        CraftedLog log = new CraftedLog().clean();
        log.scheduled(4 + 72 + 0.5);
        assertCaught(Rules.S6, log.audit());
    }

    // ---- the record itself ----

    @Test
    void anEventFiledUnderAnotherCasesKey() {
        CraftedLog log = new CraftedLog().clean();
        log.find(RemovalScheduled.class).metadata().setCaseId("case-someone-else");
        assertCaught(Rules.MALFORMED_RECORD, log.audit());
    }

    @Test
    void anEventOnTheWrongTopicForItsType() {
        CraftedLog log = new CraftedLog().clean();
        AuditRecord scheduled = log.find(RemovalScheduled.class);
        int i = log.records.indexOf(scheduled);
        log.records.set(i, new AuditRecord(Topics.CASE_SCREENING_EVENTS, 0, 99, scheduled.timestamp(), true, scheduled.key(), scheduled.envelope(),
                scheduled.metadata(), scheduled.payload()));
        assertCaught(Rules.WRONG_WRITER, log.audit());
    }

    @Test
    void anEventWrittenByTheWrongProducer() {
        CraftedLog log = new CraftedLog().clean();
        log.find(ScreeningDecided.class).metadata().setProducer("intake-service");
        assertOnly(Rules.WRONG_WRITER, log.audit());
    }

    @Test
    void anEventBackDatedSoThatSortingByRecordedAtWouldHideItsOrder() {
        CraftedLog log = new CraftedLog().clean();
        AuditRecord executed = log.find(RemovalExecuted.class);
        executed.metadata().setRecordedAt(log.at(1));
        executed.metadata().setOccurredAt(log.at(1));
        assertCaught(Rules.LOG_TIME, log.audit());
    }

    @Test
    void duplicateEventId() {
        CraftedLog log = new CraftedLog().clean();
        log.records.get(5).metadata().setEventId(log.records.get(4).metadata().getEventId());
        assertOnly(Rules.DUPLICATE_EVENT_ID, log.audit());
    }

    @Test
    void eventsForACaseThatWasNeverOpened() {
        CraftedLog log = new CraftedLog();
        log.add(Topics.CASE_SCREENING_EVENTS, ScreeningQueued.newBuilder().setCaseId(log.caseId).setStationCode("X").build(), 600,
                "screening-service", Role.SYSTEM, "nothing");
        assertCaught(Rules.NEVER_OPENED, log.audit());
    }

    @Test
    void stuckACaseThatStoppedMovingLongAgo() {
        CraftedLog log = new CraftedLog().clean();
        log.records.subList(3, log.records.size()).clear();
        assertOnly(Rules.STUCK, log.audit());
    }

    @Test
    void aSubmissionThatNeverBecameACaseIsLost() {
        CraftedLog log = new CraftedLog().clean().signOpened();
        Replay replay = CraftedLog.replay(log.t0.plus(Duration.ofDays(30)));
        log.facts.forEach(replay::fact);
        var state = new Replay.PartitionState();
        log.records.forEach(r -> replay.caseRecord(r, state));
        replay.finishPartition(state);
        var opened = SampleEvents.caseOpened(log.caseId).getPayload();
        for (String id : List.of("sub-" + log.caseId, "sub-lost")) {
            var submission = EncounterSubmission.newBuilder().setSubmissionId(id).setOfficeId("office-1")
                    .setPerson(((org.caseflow.schemas.intake.CaseOpened) opened).getPerson())
                    .setEncounter(((org.caseflow.schemas.intake.CaseOpened) opened).getEncounter())
                    .setIndicators(org.caseflow.schemas.common.VulnerabilityIndicators.newBuilder().build())
                    .setFear(org.caseflow.schemas.common.FearStatement.newBuilder().build()).build();
            AuditRecord r = log.fact(Topics.INTAKE_SUBMISSIONS, id, submission, -0.5, "office-1", "office-1", Role.FIELD_OFFICE);
            replay.submission(r);
        }
        AuditReport report = replay.finish();
        assertOnly(Rules.S6, report);
        assertThat(report.findings).singleElement().satisfies(f -> assertThat(f.message()).contains("sub-lost"));
    }
}
