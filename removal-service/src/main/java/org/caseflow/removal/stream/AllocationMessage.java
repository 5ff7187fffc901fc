package org.caseflow.removal.stream;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What the case step and the flight desk (keyed by caseId or flightId) send to allocation (keyed by destination),
 * over an internal repartition topic. JSON: it never leaves the service. Messages a command caused carry its
 * commandId, so allocation — which decides them — records the command's result.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "kind")
@JsonSubTypes({@JsonSubTypes.Type(AllocationMessage.Request.class), @JsonSubTypes.Type(AllocationMessage.Withdraw.class),
        @JsonSubTypes.Type(AllocationMessage.PlanFlight.class), @JsonSubTypes.Type(AllocationMessage.CancelFlight.class),
        @JsonSubTypes.Type(AllocationMessage.Depart.class)})
public sealed interface AllocationMessage {

    /** Who and what caused a message, carried into the metadata of the events it leads to (S5). */
    record Trace(String causationId, String correlationId, String actorId, String actorRole) {
    }

    Trace trace();

    /** An eligible case asks for a seat. */
    record Request(String caseId, Instant notBefore, String familyGroupId, Instant eligibleAt, Instant decidedAt, Trace trace)
            implements AllocationMessage {
    }

    /** A case leaves removal: a stay (an officer's command, or a review request) or a cancellation. */
    record Withdraw(String caseId, boolean stay, String reason, String commandId, Trace trace) implements AllocationMessage {
    }

    record PlanFlight(String flightId, String destination, Instant departureAt, int seats, String carrier, String commandId, Trace trace)
            implements AllocationMessage {
    }

    record CancelFlight(String flightId, String reason, String commandId, Trace trace) implements AllocationMessage {
    }

    record Depart(String flightId, Instant departedAt, String commandId, Trace trace) implements AllocationMessage {
    }
}
