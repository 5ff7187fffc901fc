package org.caseflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** S6 across cases from the schedule events' times: holds of one seat are half-open intervals of the log's milliseconds. */
class SeatsTest {

    static final String FLIGHT = "FL-ECU-1";

    private static List<Finding> check(Seats seats) {
        Findings findings = new Findings(null);
        seats.check(new Registries(), findings);
        return findings.kept();
    }

    private static Seats.Hold hold(Seats seats, String caseId, int seat, long from, long until) {
        Seats.Hold h = seats.hold(FLIGHT, seat, caseId, from, new AuditRecord.Ref("case.removal.events", 0, from, caseId + "-" + from, "RemovalScheduled"));
        h.until = until;
        return h;
    }

    /** Seen in a chaos run: removal seats A, re-queues it and gives the seat to B in one transaction (one instant, two partitions). */
    @Test
    void aSeatGivenAndTakenBackInOneInstantWasNeverHeldTwice() {
        for (boolean reqeuedFirst : List.of(true, false)) {
            Seats seats = new Seats();
            if (reqeuedFirst) {
                hold(seats, "case-a", 2, 1000, 1000);
                hold(seats, "case-b", 2, 1000, Long.MAX_VALUE);
            } else {
                hold(seats, "case-b", 2, 1000, Long.MAX_VALUE);
                hold(seats, "case-a", 2, 1000, 1000);
            }
            assertThat(check(seats)).as("re-queued first: " + reqeuedFirst).isEmpty();
        }
    }

    @Test
    void aSeatHandedOverAtTheInstantItWasFreedIsNotDoubled() {
        Seats seats = new Seats();
        hold(seats, "case-a", 2, 1000, 5000);
        hold(seats, "case-b", 2, 5000, Long.MAX_VALUE);
        assertThat(check(seats)).isEmpty();
    }

    @Test
    void everyHoldOverlappingALongerOneIsFoundNotOnlyItsNeighbour() {
        Seats seats = new Seats();
        hold(seats, "case-a", 2, 0, 10_000);
        hold(seats, "case-b", 2, 1000, 2000);
        hold(seats, "case-c", 2, 3000, 4000); // after b, still during a
        hold(seats, "case-d", 3, 3000, 4000); // another seat
        assertThat(check(seats)).extracting(Finding::caseId).containsExactly("case-b", "case-c");
        assertThat(check(seats)).allSatisfy(f -> assertThat(f.rule()).isEqualTo(Rules.S6));
    }

    @Test
    void twoCasesSeatedOnOneSeatAtTheSameInstantAreFound() {
        Seats seats = new Seats();
        hold(seats, "case-a", 2, 1000, Long.MAX_VALUE);
        hold(seats, "case-b", 2, 1000, 8000);
        assertThat(check(seats)).hasSize(1);
    }
}
