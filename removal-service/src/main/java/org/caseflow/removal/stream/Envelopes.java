package org.caseflow.removal.stream;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import java.util.List;

import org.caseflow.removal.domain.Refusal;
import org.caseflow.schemas.common.Actor;
import org.caseflow.schemas.common.CommandOutcome;
import org.caseflow.schemas.common.CommandResult;
import org.caseflow.schemas.common.EmittedEvent;
import org.caseflow.schemas.common.Metadata;
import org.caseflow.schemas.common.Role;
import org.caseflow.schemas.removal.FlightEnvelope;
import org.caseflow.schemas.removal.FlightState;
import org.caseflow.schemas.removal.FlightStatus;
import org.caseflow.schemas.removal.RemovalCommandResultEnvelope;
import org.caseflow.schemas.removal.RemovalEventEnvelope;
import org.caseflow.schemas.removal.SeatAssignment;
import org.caseflow.removal.domain.Flight;

/** Builds removal's output envelopes; event ids derive from their cause, so a replay repeats them. */
final class Envelopes {

    static final String PRODUCER = "removal-service";
    static final AllocationMessage.Trace SYSTEM = new AllocationMessage.Trace(null, null, PRODUCER, "SYSTEM");

    private Envelopes() {
    }

    /** The event id derives from cause, kind, position and subject: unique across the case and allocation steps, repeated on replay. */
    static Metadata metadata(String caseId, String subject, String kind, int index, AllocationMessage.Trace trace, Instant occurredAt, Instant now) {
        String cause = trace.causationId() == null ? subject : trace.causationId();
        return Metadata.newBuilder()
                .setEventId(UUID.nameUUIDFromBytes((cause + "/" + kind + "/" + index + "/" + subject).getBytes(StandardCharsets.UTF_8)).toString())
                .setCaseId(caseId).setOccurredAt(occurredAt).setRecordedAt(now).setProducer(PRODUCER)
                .setActor(Actor.newBuilder().setId(trace.actorId() == null ? PRODUCER : trace.actorId()).setRole(role(trace.actorRole())).build())
                .setCausationId(trace.causationId())
                .setCorrelationId(trace.correlationId() == null ? subject : trace.correlationId())
                .build();
    }

    static RemovalEventEnvelope event(String caseId, Object payload, int index, AllocationMessage.Trace trace, Instant now) {
        return RemovalEventEnvelope.newBuilder().setMetadata(metadata(caseId, caseId, payload.getClass().getSimpleName(), index, trace, now, now))
                .setPayload(payload).build();
    }

    static FlightEnvelope flight(Flight f, int index, AllocationMessage.Trace trace, Instant now) {
        FlightState state = FlightState.newBuilder()
                .setFlightId(f.flightId()).setDestination(f.destination()).setDepartureAt(f.departureAt()).setCarrier(f.carrier())
                .setSeats(f.seats()).setStatus(FlightStatus.valueOf(f.status().name()))
                .setAssignments(f.assigned().stream().map(s -> SeatAssignment.newBuilder().setSeat(s.seat()).setCaseId(s.caseId()).build()).toList())
                .build();
        return FlightEnvelope.newBuilder().setMetadata(metadata(null, f.flightId(), "FlightState", index, trace, now, now)).setPayload(state).build();
    }

    /** The answer to a command: applied (with the events it led to) or refused (with the rule and why). */
    static RemovalCommandResultEnvelope answer(String commandId, String caseId, String flightId, Refusal refused, List<RemovalEventEnvelope> emitted,
                                               AllocationMessage.Trace trace, Instant now) {
        CommandResult result = CommandResult.newBuilder().setCommandId(commandId).setCaseId(caseId).setFlightId(flightId)
                .setOutcome(refused == null ? CommandOutcome.APPLIED : CommandOutcome.valueOf(refused.kind().name()))
                .setRule(refused == null ? null : refused.rule()).setDetail(refused == null ? null : refused.detail())
                .setEvents(emitted.stream().map(e -> EmittedEvent.newBuilder().setEventId(e.getMetadata().getEventId())
                        .setType(e.getPayload().getClass().getSimpleName()).build()).toList())
                .build();
        String subject = caseId != null ? caseId : flightId;
        return RemovalCommandResultEnvelope.newBuilder().setMetadata(metadata(caseId, subject, "CommandResult", 0, trace, now, now))
                .setPayload(result).build();
    }

    static Role role(String role) {
        if (role == null) {
            return Role.SYSTEM;
        }
        try {
            return Role.valueOf(role);
        } catch (IllegalArgumentException unknown) {
            return Role.SYSTEM;
        }
    }
}
