package org.caseflow.removal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** One destination's seats and queue, on plain domain values. */
class DestinationScheduleTest {

    static final Instant NOW = Instant.parse("2026-11-01T12:00:00Z");
    static final Instant TOMORROW = NOW.plus(Duration.ofDays(1));

    static Flight flight(String id, int seats, Instant departure) {
        return new Flight(id, "VEN", departure, seats, "Test Air", Flight.Status.PLANNED, List.of());
    }

    static DestinationSchedule.Waiting waiting(String caseId, String family, Instant notBefore) {
        return new DestinationSchedule.Waiting(caseId, notBefore, family, NOW, NOW);
    }

    @Test
    void casesAreSeatedInEligibilityOrderAndNeverBeyondTheSeats() {
        var s = DestinationSchedule.empty("VEN").plan(flight("FL-1", 2, TOMORROW), NOW).schedule();
        for (String c : List.of("a", "b", "c")) {
            s = s.request(waiting(c, null, NOW), NOW).schedule();
        }
        assertThat(s.flight("FL-1").orElseThrow().assigned()).extracting(Flight.Seat::caseId).containsExactly("a", "b");
        assertThat(s.waiting()).extracting(DestinationSchedule.Waiting::caseId).containsExactly("c");
    }

    @Test
    void noOneIsSeatedOnAFlightLeavingBeforeTheirReviewWindowClosed() {
        var s = DestinationSchedule.empty("VEN").plan(flight("FL-1", 5, TOMORROW), NOW).schedule()
                .request(waiting("late", null, TOMORROW.plus(Duration.ofHours(1))), NOW).schedule();
        assertThat(s.seatOf("late")).isEmpty();
        s = s.plan(flight("FL-2", 5, TOMORROW.plus(Duration.ofDays(1))), NOW).schedule();
        assertThat(s.seatOf("late")).map(e -> e.getKey().flightId()).contains("FL-2");
    }

    @Test
    void aFamilyTravelsTogetherOrWaitsTogether() {
        var s = DestinationSchedule.empty("VEN").plan(flight("FL-1", 2, TOMORROW), NOW).schedule()
                .request(waiting("single", null, NOW), NOW).schedule();
        s = s.request(waiting("parent", "fam", NOW), NOW).schedule().request(waiting("child", "fam", NOW), NOW).schedule();
        assertThat(s.seatOf("parent")).isEmpty();
        assertThat(s.seatOf("child")).isEmpty();
        s = s.plan(flight("FL-2", 2, TOMORROW), NOW).schedule();
        assertThat(s.seatOf("parent").orElseThrow().getKey().flightId()).isEqualTo(s.seatOf("child").orElseThrow().getKey().flightId());
    }

    @Test
    void aStayFreesTheSeatForTheNextInLine() {
        var s = DestinationSchedule.empty("VEN").plan(flight("FL-1", 1, TOMORROW), NOW).schedule()
                .request(waiting("a", null, NOW), NOW).schedule().request(waiting("b", null, NOW), NOW).schedule();
        var stayed = s.withdraw("a", true, "COURT_ORDER", NOW);
        assertThat(stayed.refused()).isNull();
        assertThat(stayed.events()).first().isInstanceOf(AllocationEvent.Stayed.class);
        assertThat(stayed.schedule().seatOf("b")).isPresent();
    }

    @Test
    void aCaseWhoseFlightLeftCannotBeStayedAndAFlightLeavesOnce() {
        var s = DestinationSchedule.empty("VEN").plan(flight("FL-1", 1, TOMORROW), NOW).schedule()
                .request(waiting("a", null, NOW), NOW).schedule();
        var departed = s.depart("FL-1", TOMORROW, NOW);
        assertThat(departed.events()).first().isEqualTo(new AllocationEvent.Executed("a", "FL-1", TOMORROW));
        s = departed.schedule();

        var lateStay = s.withdraw("a", true, "MEDICAL", NOW);
        assertThat(lateStay.refused().rule()).isEqualTo("ALREADY_EXECUTED");
        assertThat(lateStay.events()).isEmpty();
        assertThat(s.depart("FL-1", TOMORROW, NOW).refused().rule()).isEqualTo("FLIGHT_NOT_PLANNED");
        assertThat(s.cancelFlight("FL-1", NOW).refused().rule()).isEqualTo("FLIGHT_NOT_PLANNED");
        assertThat(s.depart("FL-none", TOMORROW, NOW).refused().kind()).isEqualTo(Refusal.Kind.NOT_FOUND);
    }

    @Test
    void aDepartureBeforeSomeonesWindowClosedLeavesThemBehind() {
        var s = DestinationSchedule.empty("VEN").plan(flight("FL-1", 2, TOMORROW), NOW).schedule()
                .request(waiting("a", null, NOW), NOW).schedule();
        var early = s.depart("FL-1", NOW.minus(Duration.ofHours(1)), NOW);
        assertThat(early.events()).anySatisfy(e -> assertThat(e).isInstanceOf(AllocationEvent.Blocked.class));
        assertThat(early.events()).noneSatisfy(e -> assertThat(e).isInstanceOf(AllocationEvent.Executed.class));
    }

    @Test
    void aFlightThatCannotBePlannedIsRefused() {
        var s = DestinationSchedule.empty("VEN");
        assertThat(s.plan(flight("FL-1", 2, NOW.minusSeconds(1)), NOW).refused().rule()).isEqualTo("DEPARTURE_NOT_IN_FUTURE");
        assertThat(s.plan(flight("FL-1", 0, TOMORROW), NOW).refused().rule()).isEqualTo("NO_SEATS");
        var planned = s.plan(flight("FL-1", 2, TOMORROW), NOW).schedule();
        assertThat(planned.plan(flight("FL-1", 2, TOMORROW), NOW).refused().rule()).isEqualTo("FLIGHT_EXISTS");
    }
}
