package org.caseflow.removal.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseflow.removal.stream.RemovalHarness.NOW;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.caseflow.schemas.common.ScreeningOutcome;
import org.caseflow.schemas.removal.RemovalBlocked;
import org.caseflow.schemas.removal.Safeguard;
import org.caseflow.schemas.removal.SeatAssignment;
import org.caseflow.schemas.removal.StayReason;
import org.caseflow.testsupport.Interleavings;
import org.junit.jupiter.api.Test;

/**
 * A case's facts reach removal on three topics (intake's record, screening's events, officers' stays), and the
 * services do not idle waiting for a lagging topic ({@code max.task.idle.ms=0}). Whatever order they arrive in, the
 * outcome is the same. Screening's own events keep their order (one topic partition, one writer); everything else
 * is interleaved in every possible way.
 */
class EveryArrivalOrderTest {

    static final Instant CERT_FROM = NOW.minus(Duration.ofDays(100));
    static final Instant CERT_UNTIL = NOW.plus(Duration.ofDays(100));
    static final Instant TOMORROW = NOW.plus(Duration.ofDays(1));

    /** One input of the case, as a step the harness can take. */
    record Input(String name, Consumer<RemovalHarness> step) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final Input DECIDED = new Input("decided", h -> h.decided("case-1", ScreeningOutcome.NO_CREDIBLE_FEAR, CERT_FROM, CERT_UNTIL,
            Duration.ofHours(-1)));
    static final Input CONCLUDED = new Input("concluded", h -> h.concluded("case-1", ScreeningOutcome.NO_CREDIBLE_FEAR, true, NOW, false));
    static final Input OPENED = new Input("opened", h -> h.open("case-1", "VEN", List.of(), List.of(), null, false));
    static final Input OPENED_MINOR = new Input("opened (unaccompanied minor)", h -> h.open("case-1", "VEN", List.of(), List.of(), null, true));
    static final Input OPENED_FEARING_VEN = new Input("opened (fears VEN)", h -> h.open("case-1", "VEN", List.of(), List.of("VEN"), null, false));
    static final Input STAY = new Input("stay", h -> h.stay("case-1", StayReason.COURT_ORDER));

    @Test
    void anEligibleCaseIsSeatedOnceWhereverItsIntakeRecordArrives() {
        List<List<Input>> orders = Interleavings.of(List.of(DECIDED, CONCLUDED), List.of(OPENED));
        assertThat(orders).hasSize(3);
        for (List<Input> order : orders) {
            try (RemovalHarness h = run(order)) {
                assertThat(h.seenEvents).as(order.toString()).extracting(e -> e.getPayload().getClass().getSimpleName())
                        .containsExactly("RemovalEligible", "RemovalScheduled");
                assertThat(h.lastFlightState("FL-1").getAssignments()).as(order.toString()).extracting(SeatAssignment::getCaseId)
                        .containsExactly("case-1");
            }
        }
    }

    @Test
    void aProtectedCaseIsNeverSeatedWhateverTheOrder() {
        for (Input opened : List.of(OPENED_MINOR, OPENED_FEARING_VEN)) {
            Safeguard expected = opened == OPENED_MINOR ? Safeguard.S2_PROTECTION_FIRST : Safeguard.S3_NON_REFOULEMENT;
            for (List<Input> order : Interleavings.of(List.of(DECIDED, CONCLUDED), List.of(opened))) {
                try (RemovalHarness h = run(order)) {
                    assertThat(h.seenEvents).as(order.toString()).extracting(e -> e.getPayload().getClass().getSimpleName())
                            .containsExactly("RemovalBlocked");
                    assertThat(((RemovalBlocked) h.seenEvents.getFirst().getPayload()).getSafeguard()).as(order.toString()).isEqualTo(expected);
                    assertThat(h.lastFlightState("FL-1").getAssignments()).as(order.toString()).isEmpty();
                }
            }
        }
    }

    /**
     * A stay wins in every order. A stay that arrives before removal has any fact of the case is refused as
     * CASE_NOT_FOUND (removal cannot stay what it has never heard of, and a typo must not create a case): the officer
     * is told so, and the stay sent again once the case is known wins like any other.
     */
    @Test
    void aStayWinsInEveryOrder() {
        // the intake record and the stay, each anywhere around screening's two events: 12 orders
        List<List<Input>> orders = new ArrayList<>();
        for (List<Input> withOpened : Interleavings.of(List.of(DECIDED, CONCLUDED), List.of(OPENED))) {
            orders.addAll(Interleavings.of(withOpened, List.of(STAY)));
        }
        assertThat(orders).hasSize(12);
        int refusedFirst = 0;
        for (List<Input> order : orders) {
            try (RemovalHarness h = new RemovalHarness()) {
                h.plan("FL-1", "VEN", TOMORROW, 5);
                boolean refused = false;
                for (Input input : order) {
                    if (input == STAY) {
                        var answer = h.answer(h.stay("case-1", StayReason.COURT_ORDER));
                        refused = answer != null && "CASE_NOT_FOUND".equals(answer.getRule());
                        assertThat(refused).as(order + ": only a stay before any fact of the case is refused").isEqualTo(order.getFirst() == STAY);
                    } else {
                        input.step().accept(h);
                    }
                    h.advance(Duration.ofMillis(10));
                }
                if (refused) {
                    refusedFirst++;
                    h.stay("case-1", StayReason.COURT_ORDER); // the officer, told the case is not known yet, sends it again
                }
                var types = h.newEvents().stream().map(e -> e.getPayload().getClass().getSimpleName()).toList();
                assertThat(types).as(order.toString()).last().isEqualTo("RemovalStayed");
                assertThat(h.lastFlightState("FL-1").getAssignments()).as(order.toString()).isEmpty();
                h.depart("FL-1", TOMORROW);
                assertThat(h.newEventTypes()).as(order.toString()).doesNotContainKey("case-1");
            }
        }
        assertThat(refusedFirst).isEqualTo(3);
    }

    /** A fresh topology with one flight to VEN, fed {@code order}, its output read. */
    private static RemovalHarness run(List<Input> order) {
        RemovalHarness h = new RemovalHarness();
        h.plan("FL-1", "VEN", TOMORROW, 5);
        for (Input input : order) {
            input.step().accept(h);
            h.advance(Duration.ofMillis(10));
        }
        h.newEvents();
        return h;
    }
}
