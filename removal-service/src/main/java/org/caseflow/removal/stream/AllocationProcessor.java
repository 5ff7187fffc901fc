package org.caseflow.removal.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import org.caseflow.schemas.removal.RemovalEventEnvelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One destination's seats, keyed by destination: a single task decides every seat of a destination,
 * one message at a time, so a seat is never given twice and a flight never holds more than its seats.
 * Flight commands and stays of cases held here are decided here, and answered.
 */
final class AllocationProcessor implements Processor<String, AllocationMessage, String, StepOutput> {

    private static final Logger log = LoggerFactory.getLogger(AllocationProcessor.class);

    private final RemovalMetrics metrics;
    private ProcessorContext<String, StepOutput> context;
    private KeyValueStore<String, DestinationSchedule> schedules;

    AllocationProcessor(RemovalMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, StepOutput> context) {
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
        String destination = record.key();
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        DestinationSchedule schedule = schedules.get(destination);
        if (schedule == null) {
            schedule = DestinationSchedule.empty(destination);
        }
        DestinationSchedule.Result result = switch (m) {
            case AllocationMessage.Request r -> schedule.request(new DestinationSchedule.Waiting(r.caseId(), r.notBefore(), r.familyGroupId(),
                    r.eligibleAt(), r.decidedAt()), now);
            case AllocationMessage.Withdraw w -> schedule.withdraw(w.caseId(), w.stay(), w.reason(), now);
            case AllocationMessage.PlanFlight p -> schedule.plan(new Flight(p.flightId(), destination, p.departureAt(), p.seats(), p.carrier(),
                    Flight.Status.PLANNED, List.of()), now);
            case AllocationMessage.CancelFlight c -> schedule.cancelFlight(c.flightId(), now);
            case AllocationMessage.Depart d -> schedule.depart(d.flightId(), d.departedAt(), now);
        };
        schedules.put(destination, result.schedule());
        metrics.schedule(result.schedule());
        List<RemovalEventEnvelope> events = publish(destination, result.events(), m.trace(), now);
        answer(m, result, events, now);
    }

    private List<RemovalEventEnvelope> publish(String destination, List<AllocationEvent> decided, AllocationMessage.Trace trace, Instant now) {
        int index = 0;
        List<RemovalEventEnvelope> events = new ArrayList<>();
        Map<String, Flight> flights = new LinkedHashMap<>();
        for (AllocationEvent e : decided) {
            if (e instanceof AllocationEvent.FlightChanged f) {
                flights.put(f.flight().flightId(), f.flight()); // only a flight's last state in this step is published
                continue;
            }
            if (e instanceof AllocationEvent.Scheduled s && s.decidedAt() != null) {
                metrics.scheduled(Duration.between(s.decidedAt(), now));
            }
            if (e instanceof AllocationEvent.Blocked b) {
                metrics.blocked(b.safeguard());
            }
            Object payload = AvroMapping.payload(e, destination);
            String caseId = AvroMapping.caseOf(e);
            metrics.outcome(payload.getClass().getSimpleName());
            RemovalEventEnvelope event = Envelopes.event(caseId, payload, index++, trace, now);
            events.add(event);
            context.forward(new Record<>(caseId, new StepOutput.Event(event), now.toEpochMilli()));
            log.debug("case {}: {}", caseId, payload.getClass().getSimpleName());
        }
        for (Flight f : flights.values()) {
            context.forward(new Record<>(f.flightId(), new StepOutput.Flight(Envelopes.flight(f, index++, trace, now)), now.toEpochMilli()));
        }
        return events;
    }

    /** Messages a command caused get the command's answer: applied with what it led to, or refused with why. */
    private void answer(AllocationMessage m, DestinationSchedule.Result result, List<RemovalEventEnvelope> events, Instant now) {
        String commandId = switch (m) {
            case AllocationMessage.Request r -> null;
            case AllocationMessage.Withdraw w -> w.commandId();
            case AllocationMessage.PlanFlight p -> p.commandId();
            case AllocationMessage.CancelFlight c -> c.commandId();
            case AllocationMessage.Depart d -> d.commandId();
        };
        if (commandId == null) {
            return;
        }
        String caseId = m instanceof AllocationMessage.Withdraw w ? w.caseId() : null;
        String flightId = switch (m) {
            case AllocationMessage.PlanFlight p -> p.flightId();
            case AllocationMessage.CancelFlight c -> c.flightId();
            case AllocationMessage.Depart d -> d.flightId();
            default -> null;
        };
        if (result.refused() != null) {
            metrics.refused(result.refused().rule());
        }
        context.forward(new Record<>(commandId, new StepOutput.Answer(Envelopes.answer(commandId, caseId, flightId, result.refused(), events,
                m.trace(), now)), now.toEpochMilli()));
    }
}
