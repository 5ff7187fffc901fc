package org.caseflow.removal.stream;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.caseflow.removal.domain.Refusal;
import org.caseflow.schemas.common.Metadata;
import org.caseflow.schemas.removal.CancelFlight;
import org.caseflow.schemas.removal.PlanFlight;
import org.caseflow.schemas.removal.RecordDeparture;
import org.caseflow.schemas.removal.RemovalCommandEnvelope;
import org.caseflow.vocabulary.CountryCode;

/**
 * Flight commands, keyed by flightId: each goes to the allocation task of its flight's destination, which decides
 * and answers it. Refused here, with an answer, is only what allocation cannot be asked about: a plan whose
 * destination is no country or whose flight id is taken, a departure or cancellation of a flight never planned.
 */
final class FlightDeskProcessor implements Processor<String, RemovalCommandEnvelope, String, StepOutput> {

    /** The commands decided through the flight desk (every other removal command is a stay, for the case step). */
    static final java.util.Set<Class<?>> COMMANDS = java.util.Set.of(PlanFlight.class, RecordDeparture.class, CancelFlight.class);

    private ProcessorContext<String, StepOutput> context;
    private KeyValueStore<String, String> flightDestinations;
    private CommandIds commandIds;
    private final RemovalMetrics metrics;

    FlightDeskProcessor(RemovalMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, StepOutput> context) {
        this.context = context;
        this.flightDestinations = context.getStateStore(RemovalTopology.FLIGHT_DESTINATIONS_STORE);
        this.commandIds = new CommandIds(context);
    }

    @Override
    public void process(Record<String, RemovalCommandEnvelope> record) {
        Metadata metadata = record.value().getMetadata();
        String commandId = metadata.getEventId();
        if (!commandIds.firstDelivery(commandId)) {
            return;
        }
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        AllocationMessage.Trace trace = RemovalCaseProcessor.commandTrace(metadata);
        switch (record.value().getPayload()) {
            case PlanFlight plan -> {
                Optional<CountryCode> destination = CountryCode.parse(plan.getDestination());
                if (destination.isEmpty()) {
                    refuse(commandId, plan.getFlightId(), Refusal.unprocessable("INVALID_DESTINATION",
                            "The destination is not an ISO 3166-1 alpha-3 country code."), trace, now);
                } else if (flightDestinations.get(plan.getFlightId()) != null) {
                    refuse(commandId, plan.getFlightId(), Refusal.conflict("FLIGHT_EXISTS", "Flight " + plan.getFlightId() + " is already planned."),
                            trace, now);
                } else {
                    String alpha3 = destination.get().alpha3();
                    flightDestinations.put(plan.getFlightId(), alpha3);
                    forward(alpha3, new AllocationMessage.PlanFlight(plan.getFlightId(), alpha3, plan.getDepartureAt(), plan.getSeats(),
                            plan.getCarrier(), commandId, trace), now);
                }
            }
            case RecordDeparture departure -> routed(commandId, departure.getFlightId(), trace, now,
                    destination -> new AllocationMessage.Depart(departure.getFlightId(), departure.getDepartedAt(), commandId, trace));
            case CancelFlight cancel -> routed(commandId, cancel.getFlightId(), trace, now,
                    destination -> new AllocationMessage.CancelFlight(cancel.getFlightId(), cancel.getReason(), commandId, trace));
            default -> refuse(commandId, record.key(), Refusal.unprocessable("NOT_A_FLIGHT_COMMAND",
                    record.value().getPayload().getClass().getSimpleName() + " is not a flight command."), trace, now);
        }
    }

    private void routed(String commandId, String flightId, AllocationMessage.Trace trace, Instant now,
                        java.util.function.Function<String, AllocationMessage> message) {
        String destination = flightDestinations.get(flightId);
        if (destination == null) {
            refuse(commandId, flightId, Refusal.notFound("FLIGHT_NOT_FOUND", "Flight " + flightId + " does not exist."), trace, now);
        } else {
            forward(destination, message.apply(destination), now);
        }
    }

    private void forward(String destination, AllocationMessage message, Instant now) {
        context.forward(new Record<>(destination, new StepOutput.ToAllocation(message), now.toEpochMilli()));
    }

    private void refuse(String commandId, String flightId, Refusal refusal, AllocationMessage.Trace trace, Instant now) {
        metrics.refused(refusal.rule());
        context.forward(new Record<>(commandId, new StepOutput.Answer(Envelopes.answer(commandId, null, flightId, refusal, List.of(), trace, now)),
                now.toEpochMilli()));
    }
}
