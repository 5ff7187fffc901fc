package org.caseflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.function.Consumer;

import org.caseflow.schemas.Topics;
import org.caseflow.schemas.common.Role;
import org.caseflow.schemas.removal.FlightState;
import org.caseflow.schemas.removal.FlightStatus;
import org.caseflow.schemas.screening.OfficerAssigned;
import org.caseflow.schemas.screening.ScreeningQueued;
import org.junit.jupiter.api.Test;

/** For each rule, a crafted log that breaks exactly that rule; the audit reports exactly that finding. */
class CaseCheckerTest {

    static final Instant AUDITED_AT = CraftedLog.T0.plus(Duration.ofDays(30));

    static List<Finding> audit(CraftedLog log) {
        return new CaseChecker(Duration.ofDays(7), AUDITED_AT).check(log.caseId, log.records, new HashSet<>()).findings();
    }

    static void assertOnly(String rule, CraftedLog log) {
        List<Finding> findings = audit(log);
        assertThat(findings).as(findings.toString()).isNotEmpty().allSatisfy(f -> {
            assertThat(f.rule()).isEqualTo(rule);
            assertThat(f.caseId()).isEqualTo(log.caseId);
            assertThat(f.offending().topic()).isNotBlank();
            assertThat(f.message()).isNotBlank();
        });
    }

    static CraftedLog log(Consumer<CraftedLog> bend) {
        CraftedLog log = new CraftedLog();
        bend.accept(log);
        return log;
    }

    @Test
    void aCleanCaseHasNoFindings() {
        assertThat(audit(new CraftedLog().clean())).isEmpty();
        var result = new CaseChecker(Duration.ofDays(7), AUDITED_AT).check(new CraftedLog().clean().caseId, new CraftedLog().clean().records, new HashSet<>());
        assertThat(result.screeningStatus()).isEqualTo("FINAL");
        assertThat(result.removalStage()).isEqualTo("EXECUTED");
    }

    @Test
    void s1RemovalWithoutANegativeDecision() {
        assertOnly(Rules.S1, log(l -> l.decision = "CREDIBLE_FEAR").clean());
    }

    @Test
    void s1DecisionByAnOfficerWhoseCertificationHadExpired() {
        assertOnly(Rules.S1, log(l -> l.certUntil = CraftedLog.T0.plus(Duration.ofHours(1))).clean());
    }

    @Test
    void s2RemovalOfAnUnaccompaniedMinor() {
        assertOnly(Rules.S2, log(l -> l.minor = true).clean());
    }

    @Test
    void s3RemovalToAFearedCountry() {
        assertOnly(Rules.S3, log(l -> l.feared = List.of("VEN")).clean());
    }

    @Test
    void s3RemovalToACountryThatIsNeitherNationalityNorResidence() {
        assertOnly(Rules.S3, log(l -> l.destination = "MEX").clean());
    }

    @Test
    void s4DepartureBeforeTheReviewWindowClosed() {
        CraftedLog log = log(l -> l.departure = CraftedLog.T0.plus(Duration.ofHours(10))).clean();
        // removal ran early: eligible and scheduled at 5 h, flown at 10 h, while the window stayed open until 76 h
        List<AuditRecord> removal = log.records.stream().filter(r -> r.topic().equals(Topics.CASE_REMOVAL_EVENTS)).toList();
        Instant[] times = {CraftedLog.T0.plus(Duration.ofHours(5)), CraftedLog.T0.plus(Duration.ofMinutes(301)), CraftedLog.T0.plus(Duration.ofMinutes(601))};
        for (int i = 0; i < removal.size(); i++) {
            removal.get(i).metadata().setRecordedAt(times[i]);
            removal.get(i).metadata().setOccurredAt(times[i]);
        }
        assertOnly(Rules.S4, log);
    }

    @Test
    void s5AnEventWithoutItsCause() {
        CraftedLog log = new CraftedLog().clean();
        log.records.get(2).metadata().setCausationId(null);
        assertOnly(Rules.S5, log);
    }

    @Test
    void s5AnAssignmentRecordedByAnOfficerInsteadOfASupervisor() {
        CraftedLog log = new CraftedLog().clean();
        log.records.get(2).metadata().getActor().setRole(Role.SCREENING_OFFICER);
        assertOnly(Rules.S5, log);
    }

    @Test
    void s6ScheduledTwiceWhileHoldingASeat() {
        CraftedLog log = new CraftedLog().clean();
        AuditRecord executed = log.records.removeLast();
        log.scheduled(400); // a second seat for a case that still holds one
        log.records.add(executed);
        executed.metadata().setRecordedAt(CraftedLog.T0.plus(Duration.ofHours(401)));
        assertOnly(Rules.S6, log);
    }

    @Test
    void stuckACaseThatStoppedMovingLongAgo() {
        CraftedLog log = new CraftedLog().clean();
        log.records.subList(3, log.records.size()).clear(); // stops after the assignment
        assertOnly(Rules.STUCK, log);
    }

    @Test
    void outOfOrderAScreeningEventBeforeTheCaseWasOpened() {
        CraftedLog log = new CraftedLog().clean();
        log.add(Topics.CASE_SCREENING_EVENTS, OfficerAssigned.newBuilder().setCaseId(log.caseId).setOfficerId("officer-1").build(), -1,
                "supervisor", Role.SUPERVISOR, "cmd-early");
        assertOnly(Rules.OUT_OF_ORDER, log);
    }

    @Test
    void unknownEventTypeOnACaseTopic() {
        CraftedLog log = new CraftedLog().clean();
        log.add(Topics.CASE_REMOVAL_EVENTS, FlightState.newBuilder().setFlightId("FL-x").setDestination("VEN").setDepartureAt(CraftedLog.T0)
                .setCarrier("c").setSeats(1).setStatus(FlightStatus.PLANNED).build(), 500, "removal-service", Role.SYSTEM, "x");
        assertOnly(Rules.UNKNOWN_EVENT_TYPE, log);
    }

    @Test
    void duplicateEventId() {
        CraftedLog log = new CraftedLog().clean();
        log.records.get(5).metadata().setEventId(log.records.get(4).metadata().getEventId());
        assertOnly(Rules.DUPLICATE_EVENT_ID, log);
    }

    @Test
    void eventsForACaseThatWasNeverOpened() {
        CraftedLog log = new CraftedLog();
        log.add(Topics.CASE_SCREENING_EVENTS, ScreeningQueued.newBuilder().setCaseId(log.caseId).setStationCode("X").build(), 600,
                "screening-service", Role.SYSTEM, "nothing");
        assertOnly(Rules.NEVER_OPENED, log);
    }
}
