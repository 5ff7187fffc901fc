package org.caseflow.removal.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseflow.removal.stream.RemovalHarness.NOW;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.caseflow.removal.domain.RemovalCase;
import org.caseflow.schemas.common.ScreeningOutcome;
import org.caseflow.schemas.removal.FlightStatus;
import org.caseflow.schemas.removal.RemovalBlocked;
import org.caseflow.schemas.removal.RemovalEligible;
import org.caseflow.schemas.removal.RemovalEventEnvelope;
import org.caseflow.schemas.removal.RemovalScheduled;
import org.caseflow.schemas.removal.RemovalStayed;
import org.caseflow.schemas.removal.Safeguard;
import org.caseflow.schemas.removal.SeatAssignment;
import org.caseflow.schemas.removal.StayReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RemovalTopologyTest {

    static final Instant CERT_FROM = NOW.minus(Duration.ofDays(100));
    static final Instant CERT_UNTIL = NOW.plus(Duration.ofDays(100));
    static final Instant TOMORROW = NOW.plus(Duration.ofDays(1));

    RemovalHarness h;

    @BeforeEach
    void start() {
        h = new RemovalHarness();
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private RemovalEventEnvelope only(String caseId, Class<?> type) {
        return h.seenEvents.stream().filter(e -> e.getMetadata().getCaseId().equals(caseId) && type.isInstance(e.getPayload()))
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " for " + caseId));
    }

    private Safeguard blockedBy(String caseId) {
        h.newEvents();
        return ((RemovalBlocked) only(caseId, RemovalBlocked.class).getPayload()).getSafeguard();
    }

    // ---- eligibility and every block --------------------------------------------------------------

    @Test
    void anEligibleCaseIsScheduledOnTheFlightToItsNationality() {
        h.plan("FL-1", "VEN", TOMORROW, 10);
        h.eligible("case-1", "VEN", null);
        assertThat(h.newEventTypes().get("case-1")).containsExactly("RemovalEligible", "RemovalScheduled");
        RemovalScheduled scheduled = (RemovalScheduled) only("case-1", RemovalScheduled.class).getPayload();
        assertThat(scheduled.getFlightId()).isEqualTo("FL-1");
        assertThat(scheduled.getSeat()).isEqualTo(1);
        assertThat(scheduled.getDestination()).isEqualTo("VEN");
        assertThat(h.lastFlightState("FL-1").getAssignments()).extracting(SeatAssignment::getCaseId).containsExactly("case-1");
        assertThat(h.stored("case-1").state().booking().flightId()).isEqualTo("FL-1");
        assertThat(h.meters.get("caseflow.removal.seat.utilisation").tag("destination", "VEN").gauge().value()).isEqualTo(0.1);
    }

    @Test
    void s1BlocksWhenNoNegativeDecisionStands() {
        h.open("case-1", "VEN", List.of(), List.of(), null, false);
        h.decided("case-1", ScreeningOutcome.CREDIBLE_FEAR, CERT_FROM, CERT_UNTIL, Duration.ZERO);
        h.concluded("case-1", ScreeningOutcome.NO_CREDIBLE_FEAR, true, NOW, false); // a wrong upstream verdict
        assertThat(blockedBy("case-1")).isEqualTo(Safeguard.S1_SCREENED_BEFORE_REMOVED);
    }

    @Test
    void s1BlocksWithoutAnyDecision() {
        h.open("case-1", "VEN", List.of(), List.of(), null, false);
        h.concluded("case-1", ScreeningOutcome.NO_CREDIBLE_FEAR, true, NOW, false);
        assertThat(blockedBy("case-1")).isEqualTo(Safeguard.S1_SCREENED_BEFORE_REMOVED);
    }

    @Test
    void s1BlocksADecisionByAnOfficerWhoseCertificationHadExpired() {
        h.open("case-1", "VEN", List.of(), List.of(), null, false);
        h.decided("case-1", ScreeningOutcome.NO_CREDIBLE_FEAR, CERT_FROM, NOW.minusSeconds(1), Duration.ofHours(-1));
        h.concluded("case-1", ScreeningOutcome.NO_CREDIBLE_FEAR, true, NOW, false);
        assertThat(blockedBy("case-1")).isEqualTo(Safeguard.S1_SCREENED_BEFORE_REMOVED);
    }

    @Test
    void s2BlocksAProtectedCaseWhateverScreeningSaid() {
        h.plan("FL-1", "VEN", TOMORROW, 10);
        h.open("case-1", "VEN", List.of(), List.of(), null, true);
        h.decided("case-1", ScreeningOutcome.NO_CREDIBLE_FEAR, CERT_FROM, CERT_UNTIL, Duration.ofHours(-1));
        h.concluded("case-1", ScreeningOutcome.NO_CREDIBLE_FEAR, true, NOW, false);
        assertThat(blockedBy("case-1")).isEqualTo(Safeguard.S2_PROTECTION_FIRST);
        assertThat(h.lastFlightState("FL-1").getAssignments()).isEmpty();
        assertThat(h.meters.get("caseflow.removal.blocks").tag("safeguard", "S2_PROTECTION_FIRST").counter().count()).isEqualTo(1.0);
    }

    @Test
    void s3BlocksWhenEveryPossibleDestinationIsFeared() {
        h.open("case-1", "VEN", List.of("COL"), List.of("VEN", "COL"), null, false);
        h.decided("case-1", ScreeningOutcome.NO_CREDIBLE_FEAR, CERT_FROM, CERT_UNTIL, Duration.ofHours(-1));
        h.concluded("case-1", ScreeningOutcome.NO_CREDIBLE_FEAR, true, NOW, false);
        assertThat(blockedBy("case-1")).isEqualTo(Safeguard.S3_NON_REFOULEMENT);
    }

    @Test
    void s3SendsToALawfulResidenceWhenTheNationalityIsFeared() {
        h.plan("FL-VEN", "VEN", TOMORROW, 10);
        h.plan("FL-COL", "COL", TOMORROW, 10);
        h.open("case-1", "VEN", List.of("COL"), List.of("VEN"), null, false);
        h.decided("case-1", ScreeningOutcome.NO_CREDIBLE_FEAR, CERT_FROM, CERT_UNTIL, Duration.ofHours(-1));
        h.concluded("case-1", ScreeningOutcome.NO_CREDIBLE_FEAR, true, NOW, false);
        h.newEvents();
        assertThat(((RemovalScheduled) only("case-1", RemovalScheduled.class).getPayload()).getFlightId()).isEqualTo("FL-COL");
    }

    @Test
    void s4BlocksWhileTheReviewWindowIsOpen() {
        h.open("case-1", "VEN", List.of(), List.of(), null, false);
        h.decided("case-1", ScreeningOutcome.NO_CREDIBLE_FEAR, CERT_FROM, CERT_UNTIL, Duration.ofHours(48));
        h.concluded("case-1", ScreeningOutcome.NO_CREDIBLE_FEAR, true, null, false); // screening concluded too early
        assertThat(blockedBy("case-1")).isEqualTo(Safeguard.S4_REVIEW_WINDOW);
    }

    @Test
    void aWaivedReviewAllowsRemovalBeforeTheWindowWouldHaveClosed() {
        h.plan("FL-1", "VEN", NOW.plus(Duration.ofHours(2)), 10);
        h.open("case-1", "VEN", List.of(), List.of(), null, false);
        h.decided("case-1", ScreeningOutcome.NO_CREDIBLE_FEAR, CERT_FROM, CERT_UNTIL, Duration.ofHours(48));
        h.screening("case-1", org.caseflow.schemas.screening.ReviewWaived.newBuilder().setCaseId("case-1").setReason("waived").build());
        h.concluded("case-1", ScreeningOutcome.NO_CREDIBLE_FEAR, true, null, true);
        assertThat(h.newEventTypes().get("case-1")).containsExactly("RemovalEligible", "RemovalScheduled");
    }

    @Test
    void aCaseOutsideTheRemovalTrackIsNeverEligible() {
        h.plan("FL-1", "VEN", TOMORROW, 10);
        h.open("case-1", "VEN", List.of(), List.of(), null, false);
        h.decided("case-1", ScreeningOutcome.CREDIBLE_FEAR, CERT_FROM, CERT_UNTIL, Duration.ZERO);
        h.concluded("case-1", ScreeningOutcome.CREDIBLE_FEAR, false, null, false);
        assertThat(h.newEventTypes()).doesNotContainKey("case-1");
    }

    // ---- allocation ---------------------------------------------------------------------------------

    @Test
    void theEarliestFlightLeavingAfterTheWindowClosesIsChosen() {
        h.plan("FL-LATE", "VEN", NOW.plus(Duration.ofDays(5)), 10);
        h.plan("FL-EARLY", "VEN", NOW.plus(Duration.ofHours(10)), 10);
        h.plan("FL-TOO-EARLY", "VEN", NOW.plus(Duration.ofHours(1)), 10);
        h.open("case-1", "VEN", List.of(), List.of(), null, false);
        h.decided("case-1", ScreeningOutcome.NO_CREDIBLE_FEAR, CERT_FROM, CERT_UNTIL, Duration.ofHours(-1));
        // screening reports a later close than removal saw: the later one counts, so no departure before now + 5h
        h.concluded("case-1", ScreeningOutcome.NO_CREDIBLE_FEAR, true, NOW.plus(Duration.ofHours(5)), false);
        h.newEvents();
        assertThat(((RemovalScheduled) only("case-1", RemovalScheduled.class).getPayload()).getFlightId()).isEqualTo("FL-EARLY");
    }

    @Test
    void aFlightThatLeavesBeforeTheReviewWindowClosesIsSkipped() {
        h.plan("FL-EARLY", "VEN", NOW.plus(Duration.ofHours(1)), 10);
        h.plan("FL-LATER", "VEN", NOW.plus(Duration.ofHours(10)), 10);
        h.open("case-1", "VEN", List.of(), List.of(), null, false);
        h.decided("case-1", ScreeningOutcome.NO_CREDIBLE_FEAR, CERT_FROM, CERT_UNTIL, Duration.ofHours(3));
        h.advance(Duration.ofMinutes(1));
        h.screening("case-1", org.caseflow.schemas.screening.ReviewRequested.newBuilder().setCaseId("case-1").setReason("r").build());
        h.screening("case-1", org.caseflow.schemas.screening.ReviewDecided.newBuilder().setCaseId("case-1").setSupervisorId("s")
                .setResult(org.caseflow.schemas.screening.ReviewResult.UPHELD).setRationale("r").build());
        h.concluded("case-1", ScreeningOutcome.NO_CREDIBLE_FEAR, true, h.now(), false);
        h.newEvents();
        var scheduled = (RemovalScheduled) only("case-1", RemovalScheduled.class).getPayload();
        var eligible = (RemovalEligible) only("case-1", RemovalEligible.class).getPayload();
        assertThat(scheduled.getDepartureAt()).isAfter(eligible.getNotBefore());
    }

    @Test
    void casesAreSeatedInTheOrderTheyBecameEligibleAndNeverBeyondCapacity() {
        h.plan("FL-1", "VEN", TOMORROW, 2);
        h.eligible("case-1", "VEN", null);
        h.eligible("case-2", "VEN", null);
        h.eligible("case-3", "VEN", null);
        var types = h.newEventTypes();
        assertThat(types.get("case-1")).containsExactly("RemovalEligible", "RemovalScheduled");
        assertThat(types.get("case-2")).containsExactly("RemovalEligible", "RemovalScheduled");
        assertThat(types.get("case-3")).containsExactly("RemovalEligible");
        assertThat(h.lastFlightState("FL-1").getAssignments()).hasSize(2);
        assertThat(h.meters.get("caseflow.removal.eligible.backlog").tag("destination", "VEN").gauge().value()).isEqualTo(1.0);

        h.plan("FL-2", "VEN", TOMORROW.plus(Duration.ofDays(1)), 2);
        assertThat(h.newEventTypes().get("case-3")).containsExactly("RemovalScheduled");
    }

    @Test
    void aFamilyTravelsTogetherOrWaitsTogether() {
        h.plan("FL-SMALL", "VEN", TOMORROW, 2);
        h.eligible("mother", "VEN", "fam-1");
        h.eligible("father", "VEN", "fam-1");
        var first = h.newEventTypes();
        assertThat(first.get("mother")).containsExactly("RemovalEligible", "RemovalScheduled");
        assertThat(first.get("father")).containsExactly("RemovalEligible", "RemovalScheduled");
        h.eligible("child", "VEN", "fam-1"); // the flight is full: the family moves together or waits
        var second = h.newEventTypes();
        assertThat(second.get("mother")).containsExactly("RemovalEligible");
        assertThat(second.get("father")).containsExactly("RemovalEligible");
        assertThat(h.lastFlightState("FL-SMALL").getAssignments()).isEmpty();

        h.plan("FL-BIG", "VEN", TOMORROW.plus(Duration.ofDays(1)), 3);
        var third = h.newEventTypes();
        assertThat(third.keySet()).containsExactlyInAnyOrder("mother", "father", "child");
        assertThat(h.lastFlightState("FL-BIG").getAssignments()).extracting(SeatAssignment::getCaseId)
                .containsExactlyInAnyOrder("mother", "father", "child");
    }

    // ---- stays, cancellations, departures ----------------------------------------------------------

    @Test
    void aStayFreesTheSeatForTheNextCase() {
        h.plan("FL-1", "VEN", TOMORROW, 1);
        h.eligible("case-1", "VEN", null);
        h.eligible("case-2", "VEN", null);
        h.newEvents();
        h.stay("case-1", StayReason.COURT_ORDER);
        var types = h.newEventTypes();
        assertThat(types.get("case-1")).containsExactly("RemovalStayed");
        assertThat(types.get("case-2")).containsExactly("RemovalScheduled");
        RemovalStayed stayed = (RemovalStayed) only("case-1", RemovalStayed.class).getPayload();
        assertThat(stayed.getFlightId()).isEqualTo("FL-1");
        assertThat(stayed.getSeat()).isEqualTo(1);
        assertThat(stayed.getReason()).isEqualTo(StayReason.COURT_ORDER);
        assertThat(h.stored("case-1").state().stage()).isEqualTo(RemovalCase.Stage.STAYED);
    }

    @Test
    void aStayBeforeEligibilityMeansTheCaseIsNeverScheduled() {
        h.plan("FL-1", "VEN", TOMORROW, 5);
        h.open("case-1", "VEN", List.of(), List.of(), null, false);
        h.stay("case-1", StayReason.MEDICAL);
        h.decided("case-1", ScreeningOutcome.NO_CREDIBLE_FEAR, CERT_FROM, CERT_UNTIL, Duration.ofHours(-1));
        h.concluded("case-1", ScreeningOutcome.NO_CREDIBLE_FEAR, true, NOW, false);
        assertThat(h.newEventTypes().get("case-1")).containsExactly("RemovalStayed");
        assertThat(h.lastFlightState("FL-1").getAssignments()).isEmpty();
    }

    @Test
    void aStayArrivingAtTheSameMomentAsSchedulingWinsInEitherOrder() {
        h.plan("FL-1", "VEN", TOMORROW, 5);
        // eligibility, then the stay, same timestamp
        h.eligible("case-a", "VEN", null);
        h.stay("case-a", StayReason.COURT_ORDER);
        // the stay, then eligibility, same timestamp
        h.open("case-b", "VEN", List.of(), List.of(), null, false);
        h.stay("case-b", StayReason.COURT_ORDER);
        h.decided("case-b", ScreeningOutcome.NO_CREDIBLE_FEAR, CERT_FROM, CERT_UNTIL, Duration.ofHours(-1));
        h.concluded("case-b", ScreeningOutcome.NO_CREDIBLE_FEAR, true, NOW, false);
        var types = h.newEventTypes();
        assertThat(types.get("case-a")).last().isEqualTo("RemovalStayed");
        assertThat(types.get("case-b")).containsExactly("RemovalStayed");
        assertThat(h.lastFlightState("FL-1").getAssignments()).isEmpty();
        h.depart("FL-1", TOMORROW);
        assertThat(h.newEventTypes()).doesNotContainKeys("case-a", "case-b");
    }

    @Test
    void anOverturnedDecisionOrALateProtectionReferralCancelsAndFreesTheSeat() {
        h.plan("FL-1", "VEN", TOMORROW, 5);
        h.eligible("case-1", "VEN", null);
        h.eligible("case-2", "VEN", null);
        h.newEvents();
        h.overturned("case-1");
        h.protectionReferred("case-2");
        var types = h.newEventTypes();
        assertThat(types.get("case-1")).containsExactly("RemovalCancelled");
        assertThat(types.get("case-2")).containsExactly("RemovalCancelled");
        assertThat(h.lastFlightState("FL-1").getAssignments()).isEmpty();
    }

    @Test
    void aCancelledFlightsCasesReturnToAllocation() {
        h.plan("FL-1", "VEN", TOMORROW, 5);
        h.plan("FL-2", "VEN", TOMORROW.plus(Duration.ofDays(2)), 5);
        h.eligible("case-1", "VEN", null);
        h.newEvents();
        h.cancelFlight("FL-1");
        assertThat(h.newEventTypes().get("case-1")).containsExactly("RemovalEligible", "RemovalScheduled");
        assertThat(h.lastFlightState("FL-1").getStatus()).isEqualTo(FlightStatus.CANCELLED);
        assertThat(h.lastFlightState("FL-2").getAssignments()).extracting(SeatAssignment::getCaseId).containsExactly("case-1");
    }

    @Test
    void aDepartureExecutesTheBoardedRemovals() {
        h.plan("FL-1", "VEN", TOMORROW, 5);
        h.eligible("case-1", "VEN", null);
        h.eligible("case-2", "VEN", null);
        h.newEvents();
        h.depart("FL-1", TOMORROW);
        var types = h.newEventTypes();
        assertThat(types.get("case-1")).containsExactly("RemovalExecuted");
        assertThat(types.get("case-2")).containsExactly("RemovalExecuted");
        assertThat(h.lastFlightState("FL-1").getStatus()).isEqualTo(FlightStatus.DEPARTED);
        assertThat(h.stored("case-1").state().stage()).isEqualTo(RemovalCase.Stage.EXECUTED);
        h.stay("case-1", StayReason.COURT_ORDER);
        assertThat(h.newEventTypes()).as("too late for a stay").doesNotContainKey("case-1");
    }

    @Test
    void noOneBoardsAFlightThatLeavesBeforeTheirReviewWindowClosed() {
        h.plan("FL-1", "VEN", NOW.plus(Duration.ofHours(10)), 5);
        h.open("case-1", "VEN", List.of(), List.of(), null, false);
        h.decided("case-1", ScreeningOutcome.NO_CREDIBLE_FEAR, CERT_FROM, CERT_UNTIL, Duration.ofHours(-1));
        h.concluded("case-1", ScreeningOutcome.NO_CREDIBLE_FEAR, true, NOW, false);
        h.newEvents();
        var notBefore = ((RemovalEligible) only("case-1", RemovalEligible.class).getPayload()).getNotBefore();
        h.depart("FL-1", notBefore.minusSeconds(60)); // recorded as leaving before the window closed
        var types = h.newEventTypes();
        assertThat(types.get("case-1")).containsExactly("RemovalBlocked", "RemovalEligible");
        assertThat(blockedBy("case-1")).isEqualTo(Safeguard.S4_REVIEW_WINDOW);
    }

    @Test
    void everyEventHasItsOwnEventIdAcrossTheCaseAndAllocationSteps() {
        h.plan("FL-1", "VEN", TOMORROW, 1);
        h.eligible("case-1", "VEN", null);
        h.eligible("case-2", "VEN", null);
        h.stay("case-1", StayReason.MEDICAL);
        h.depart("FL-1", TOMORROW);
        h.newEvents();
        var ids = h.seenEvents.stream().map(e -> e.getMetadata().getEventId()).toList();
        assertThat(ids).hasSizeGreaterThan(5).doesNotHaveDuplicates();
    }

    @Test
    void screeningsConclusionArrivingBeforeTheIntakeRecordIsAssessedWhenTheFactsArrive() {
        h.plan("FL-1", "VEN", TOMORROW, 5);
        h.decided("case-1", ScreeningOutcome.NO_CREDIBLE_FEAR, CERT_FROM, CERT_UNTIL, Duration.ofHours(-1));
        h.concluded("case-1", ScreeningOutcome.NO_CREDIBLE_FEAR, true, NOW, false);
        assertThat(h.newEventTypes()).doesNotContainKey("case-1");
        h.open("case-1", "VEN", List.of(), List.of(), null, false);
        assertThat(h.newEventTypes().get("case-1")).containsExactly("RemovalEligible", "RemovalScheduled");
    }

    @Test
    void aFlightIdIsPlannedOnce() {
        h.plan("FL-1", "VEN", TOMORROW, 5);
        h.plan("FL-1", "COL", TOMORROW, 50);
        assertThat(h.lastFlightState("FL-1").getDestination()).isEqualTo("VEN");
        assertThat(h.lastFlightState("FL-1").getSeats()).isEqualTo(5);
    }
}
