package org.caseflow.removal.stream;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.caseflow.removal.domain.DestinationSchedule;
import org.caseflow.removal.domain.Flight;
import org.caseflow.vocabulary.Safeguard;

/**
 * Removal's domain metrics: queue and seat gauges per destination, blocks by safeguard, decision-to-scheduled time.
 * Every counter exists at 0 for every safeguard and event type from the start, so {@code increase()} counts each
 * series' first event.
 */
public final class RemovalMetrics {

    private final MeterRegistry meters;
    private final Map<String, long[]> byDestination = new ConcurrentHashMap<>();

    public RemovalMetrics(MeterRegistry meters) {
        this.meters = meters;
        for (Safeguard safeguard : Safeguard.values()) {
            blocks(safeguard);
        }
        for (var type : org.caseflow.schemas.removal.RemovalEventEnvelope.getClassSchema().getField("payload").schema().getTypes()) {
            outcomes(type.getName());
        }
        decisionToScheduled();
    }

    private Counter blocks(Safeguard safeguard) {
        return Counter.builder("caseflow.removal.blocks").description("Removals refused by a safeguard")
                .tag("safeguard", safeguard.name()).register(meters);
    }

    private Counter outcomes(String event) {
        return Counter.builder("caseflow.removal.outcomes").description("Removal events by type").tag("event", event).register(meters);
    }

    /** The wait spans the review window (72 h by default) and the next flight: buckets from a second up to sixty days. */
    private Timer decisionToScheduled() {
        return Timer.builder("caseflow.removal.decision.to.scheduled").description("From the screening decision to RemovalScheduled")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofSeconds(1)).maximumExpectedValue(Duration.ofDays(60))
                .register(meters);
    }

    /** Waiting cases, seats taken and seats offered on planned flights of a destination. */
    void schedule(DestinationSchedule schedule) {
        long[] figures = byDestination.computeIfAbsent(schedule.destination(), destination -> {
            long[] f = new long[3];
            Gauge.builder("caseflow.removal.eligible.backlog", f, x -> x[0]).description("Eligible cases waiting for a seat")
                    .tag("destination", destination).register(meters);
            Gauge.builder("caseflow.removal.seats.taken", f, x -> x[1]).description("Seats taken on planned flights")
                    .tag("destination", destination).register(meters);
            Gauge.builder("caseflow.removal.seats.planned", f, x -> x[2]).description("Seats on planned flights")
                    .tag("destination", destination).register(meters);
            Gauge.builder("caseflow.removal.seat.utilisation", f, x -> x[2] == 0 ? 0 : (double) x[1] / x[2])
                    .description("Share of planned seats taken").tag("destination", destination).register(meters);
            return f;
        });
        figures[0] = schedule.waiting().size();
        figures[1] = schedule.flights().stream().filter(f -> f.status() == Flight.Status.PLANNED).mapToLong(f -> f.assigned().size()).sum();
        figures[2] = schedule.flights().stream().filter(f -> f.status() == Flight.Status.PLANNED).mapToLong(Flight::seats).sum();
    }

    void blocked(Safeguard safeguard) {
        blocks(safeguard).increment();
    }

    void scheduled(Duration sinceDecision) {
        decisionToScheduled().record(sinceDecision.isNegative() ? Duration.ZERO : sinceDecision);
    }

    void outcome(String what) {
        outcomes(what).increment();
    }

    void refused(String rule) {
        Counter.builder("caseflow.removal.commands.refused").description("Officer commands refused, by rule")
                .tag("rule", rule).register(meters).increment();
    }
}
