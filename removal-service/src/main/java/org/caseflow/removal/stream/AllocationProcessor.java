package org.caseflow.removal.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.caseflow.removal.domain.AllocationEvent;
import org.caseflow.removal.domain.DestinationSchedule;
import org.caseflow.removal.domain.Flight;
import org.caseflow.schemas.removal.RemovalBlocked;
import org.caseflow.schemas.removal.RemovalCancelled;
import org.caseflow.schemas.removal.RemovalEligible;
import org.caseflow.schemas.removal.RemovalExecuted;
import org.caseflow.schemas.removal.RemovalScheduled;
import org.caseflow.schemas.removal.RemovalStayed;
import org.caseflow.schemas.removal.StayReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One destination's seats, keyed by destination: a single task decides every seat of a destination,
 * one message at a time, so a seat is never given twice and a flight never holds more than its seats.
 */
final class AllocationProcessor implements Processor<String, AllocationMessage, String, AllocationOutput> {

    private static final Logger log = LoggerFactory.getLogger(AllocationProcessor.class);

    private final RemovalMetrics metrics;
    private ProcessorContext<String, AllocationOutput> context;
    private KeyValueStore<String, DestinationSchedule> schedules;

    AllocationProcessor(RemovalMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, AllocationOutput> context) {
        this.context = context;
        this.schedules = context.getStateStore(RemovalTopology.SCHEDULES_STORE);
        try (var all = schedules.all()) {
            all.forEachRemaining(kv -> metrics.schedule(kv.value));
        }
    }

    @Override
    public void process(Record<String, AllocationMessage> record) {
        AllocationMessage m = record.value();
        if (m == null || record.key() == null) {
            return;
        }
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        DestinationSchedule schedule = schedules.get(record.key());
        if (schedule == null) {
            schedule = DestinationSchedule.empty(record.key());
        }
        DestinationSchedule.Result result = switch (m.kind()) {
            case REQUEST -> schedule.request(new DestinationSchedule.Waiting(m.caseId(), m.notBefore(), m.familyGroupId(), m.eligibleAt(), m.decidedAt()), now);
            case STAY -> schedule.withdraw(m.caseId(), true, m.reason(), now);
            case CANCEL -> schedule.withdraw(m.caseId(), false, m.reason(), now);
            case PLAN_FLIGHT -> schedule.plan(new Flight(m.flightId(), m.destination(), m.departureAt(), m.seats(), m.carrier(), Flight.Status.PLANNED,
                    List.of()), now);
            case CANCEL_FLIGHT -> schedule.cancelFlight(m.flightId(), now);
            case DEPART -> schedule.depart(m.flightId(), m.departedAt(), now);
        };
        schedules.put(record.key(), result.schedule());
        metrics.schedule(result.schedule());
        publish(record.key(), result.events(), m.trace(), now);
    }

    private void publish(String destination, List<AllocationEvent> events, AllocationMessage.Trace trace, Instant now) {
        int index = 0;
        Map<String, Flight> flights = new LinkedHashMap<>();
        for (AllocationEvent e : events) {
            Object payload = switch (e) {
                case AllocationEvent.Scheduled s -> {
                    if (s.decidedAt() != null) {
                        metrics.scheduled(Duration.between(s.decidedAt(), now));
                    }
                    yield RemovalScheduled.newBuilder().setCaseId(s.caseId()).setFlightId(s.flightId()).setSeat(s.seat())
                            .setDestination(destination).setDepartureAt(s.departureAt()).build();
                }
                case AllocationEvent.Requeued r -> RemovalEligible.newBuilder().setCaseId(r.caseId()).setDestination(destination)
                        .setFamilyGroupId(r.familyGroupId()).setNotBefore(r.notBefore()).build();
                case AllocationEvent.Stayed s -> RemovalStayed.newBuilder().setCaseId(s.caseId()).setReason(stayReason(s.reason()))
                        .setFlightId(s.flightId()).setSeat(s.seat()).build();
                case AllocationEvent.Cancelled c -> RemovalCancelled.newBuilder().setCaseId(c.caseId()).setReason(c.reason()).setFlightId(c.flightId()).build();
                case AllocationEvent.Executed x -> RemovalExecuted.newBuilder().setCaseId(x.caseId()).setFlightId(x.flightId()).setDepartedAt(x.departedAt()).build();
                case AllocationEvent.Blocked b -> {
                    metrics.blocked(b.safeguard());
                    yield RemovalBlocked.newBuilder().setCaseId(b.caseId())
                            .setSafeguard(org.caseflow.schemas.removal.Safeguard.valueOf(b.safeguard().name())).setReason(b.reason()).build();
                }
                case AllocationEvent.FlightChanged f -> {
                    flights.put(f.flight().flightId(), f.flight()); // only a flight's last state in this step is published
                    yield null;
                }
            };
            if (payload != null) {
                String caseId = caseOf(e);
                metrics.outcome(payload.getClass().getSimpleName());
                context.forward(new Record<>(caseId, new AllocationOutput(Envelopes.event(caseId, payload, index++, trace, now), null), now.toEpochMilli()));
                log.debug("case {}: {}", caseId, payload.getClass().getSimpleName());
            }
        }
        for (Flight f : flights.values()) {
            context.forward(new Record<>(f.flightId(), new AllocationOutput(null, Envelopes.flight(f, index++, trace, now)), now.toEpochMilli()));
        }
    }

    private static String caseOf(AllocationEvent e) {
        return switch (e) {
            case AllocationEvent.Scheduled s -> s.caseId();
            case AllocationEvent.Requeued r -> r.caseId();
            case AllocationEvent.Stayed s -> s.caseId();
            case AllocationEvent.Cancelled c -> c.caseId();
            case AllocationEvent.Executed x -> x.caseId();
            case AllocationEvent.Blocked b -> b.caseId();
            case AllocationEvent.FlightChanged f -> null;
        };
    }

    private static StayReason stayReason(String reason) {
        try {
            return StayReason.valueOf(reason);
        } catch (IllegalArgumentException | NullPointerException e) {
            return StayReason.OTHER;
        }
    }
}
