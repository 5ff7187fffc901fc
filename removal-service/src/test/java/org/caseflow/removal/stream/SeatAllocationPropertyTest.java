package org.caseflow.removal.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.caseflow.schemas.removal.FlightState;
import org.caseflow.schemas.removal.FlightStatus;
import org.caseflow.schemas.removal.RemovalCancelled;
import org.caseflow.schemas.removal.RemovalEventEnvelope;
import org.caseflow.schemas.removal.RemovalExecuted;
import org.caseflow.schemas.removal.RemovalScheduled;
import org.caseflow.schemas.removal.RemovalStayed;
import org.caseflow.schemas.removal.SeatAssignment;
import org.caseflow.schemas.removal.StayReason;

/**
 * Whatever flights, cases, families, stays, cancellations and departures arrive in whatever order:
 * a seat is never given twice, a flight never holds more than its seats, a case holds at most one seat,
 * and nothing is scheduled or executed for a case after its stay or cancellation.
 */
class SeatAllocationPropertyTest {

    static RemovalHarness h;
    static final AtomicInteger tries = new AtomicInteger();
    static final List<String> COUNTRIES = java.util.Locale.getISOCountries(java.util.Locale.IsoCountryCode.PART1_ALPHA3).stream()
            .sorted().toList();

    sealed interface Op {
    }

    record Plan(int seats, int hoursAhead) implements Op {
    }

    record Eligible(int family) implements Op {
    }

    record Stay(int caseIndex) implements Op {
    }

    record Overturn(int caseIndex) implements Op {
    }

    record CancelFlight(int flightIndex) implements Op {
    }

    record Depart(int flightIndex) implements Op {
    }

    record Wait(int hours) implements Op {
    }

    @BeforeContainer
    static void start() {
        h = new RemovalHarness();
    }

    @AfterContainer
    static void stop() {
        h.close();
    }

    @Property(tries = 100)
    void seatsAreNeverDoubleBookedAndStaysAlwaysWin(@ForAll("operations") List<Op> ops) {
        int n = tries.incrementAndGet();
        // each try its own destination (a real country: removal only sends people to countries), so tries do not share seats
        String destination = COUNTRIES.get(n % COUNTRIES.size());
        List<String> cases = new ArrayList<>();
        List<String> flights = new ArrayList<>();
        int start = h.seenEvents.size();
        for (Op op : ops) {
            switch (op) {
                case Plan p -> {
                    String flightId = destination + "-F" + flights.size();
                    flights.add(flightId);
                    h.plan(flightId, destination, h.now().plus(Duration.ofHours(p.hoursAhead())), p.seats());
                }
                case Eligible e -> {
                    String caseId = destination + "-C" + cases.size();
                    cases.add(caseId);
                    h.eligible(caseId, destination, e.family() == 0 ? null : destination + "-fam" + e.family());
                }
                case Stay s -> {
                    if (!cases.isEmpty()) {
                        h.stay(cases.get(s.caseIndex() % cases.size()), StayReason.COURT_ORDER);
                    }
                }
                case Overturn o -> {
                    if (!cases.isEmpty()) {
                        h.overturned(cases.get(o.caseIndex() % cases.size()));
                    }
                }
                case CancelFlight c -> {
                    if (!flights.isEmpty()) {
                        h.cancelFlight(flights.get(c.flightIndex() % flights.size()));
                    }
                }
                case Depart d -> {
                    if (!flights.isEmpty()) {
                        String flightId = flights.get(d.flightIndex() % flights.size());
                        FlightState state = h.lastFlightState(flightId);
                        if (state != null) {
                            h.depart(flightId, state.getDepartureAt());
                        }
                    }
                }
                case Wait w -> h.advance(Duration.ofHours(w.hours()));
            }
        }
        h.newEvents();

        // every published flight state respects its capacity, with distinct seats in range
        Map<String, FlightState> latest = new HashMap<>();
        for (FlightState f : h.seenFlights) {
            if (!f.getDestination().equals(destination)) {
                continue;
            }
            latest.put(f.getFlightId(), f);
            assertThat(f.getAssignments().size()).as("flight over capacity").isLessThanOrEqualTo(f.getSeats());
            Set<Integer> seats = new HashSet<>();
            for (SeatAssignment a : f.getAssignments()) {
                assertThat(seats.add(a.getSeat())).as("seat given twice on " + f.getFlightId()).isTrue();
                assertThat(a.getSeat()).isBetween(1, f.getSeats());
            }
        }
        // a case holds at most one seat across the destination's planned flights
        Set<String> seated = new HashSet<>();
        latest.values().stream().filter(f -> f.getStatus() == FlightStatus.PLANNED).flatMap(f -> f.getAssignments().stream())
                .forEach(a -> assertThat(seated.add(a.getCaseId())).as("case seated twice: " + a.getCaseId()).isTrue());

        // after a stay or a cancellation, nothing more is scheduled or executed for that case; executed at most once
        Set<String> out = new HashSet<>();
        Set<String> executed = new HashSet<>();
        for (RemovalEventEnvelope e : h.seenEvents.subList(start, h.seenEvents.size())) {
            String caseId = e.getMetadata().getCaseId();
            switch (e.getPayload()) {
                case RemovalStayed s -> out.add(caseId);
                case RemovalCancelled c -> out.add(caseId);
                case RemovalScheduled s -> assertThat(out).as("scheduled after a stay or cancellation").doesNotContain(caseId);
                case RemovalExecuted x -> {
                    assertThat(out).as("executed after a stay or cancellation").doesNotContain(caseId);
                    assertThat(executed.add(caseId)).as("executed twice").isTrue();
                }
                default -> { }
            }
        }
        Statistics.label("seated").collect(seated.isEmpty() && executed.isEmpty() ? "nobody seated" : "some seated");
        Statistics.label("seated").coverage(c -> c.check("some seated").count(k -> k >= 30));
    }

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<Op> plan = Combinators.combine(Arbitraries.integers().between(1, 4), Arbitraries.integers().between(1, 72)).as(Plan::new);
        Arbitrary<Op> eligible = Arbitraries.integers().between(0, 2).map(Eligible::new);
        Arbitrary<Integer> index = Arbitraries.integers().between(0, 50);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, plan), net.jqwik.api.Tuple.of(8, eligible),
                net.jqwik.api.Tuple.of(2, index.map(i -> (Op) new Stay(i))), net.jqwik.api.Tuple.of(1, index.map(i -> (Op) new Overturn(i))),
                net.jqwik.api.Tuple.of(1, index.map(i -> (Op) new CancelFlight(i))), net.jqwik.api.Tuple.of(2, index.map(i -> (Op) new Depart(i))),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1, 24).map(Wait::new)))
                .list().ofMinSize(2).ofMaxSize(30);
    }
}
