package org.caseflow.removal.stream;

import java.time.Instant;

/**
 * What the case step (keyed by caseId or flightId) sends to allocation (keyed by destination), over an
 * internal repartition topic. JSON: it never leaves the service.
 */
public record AllocationMessage(Kind kind, String destination, String caseId, Instant notBefore, String familyGroupId, Instant eligibleAt,
                                Instant decidedAt, String reason, String flightId, Instant departureAt, Integer seats, String carrier,
                                Instant departedAt, String causationId, String correlationId, String actorId, String actorRole) {

    public enum Kind { REQUEST, STAY, CANCEL, PLAN_FLIGHT, CANCEL_FLIGHT, DEPART }

    static AllocationMessage forCase(Kind kind, String destination, String caseId, String reason, Trace trace) {
        return new AllocationMessage(kind, destination, caseId, null, null, null, null, reason, null, null, null, null, null,
                trace.causationId(), trace.correlationId(), trace.actorId(), trace.actorRole());
    }

    /** Who and what caused a message, carried into the metadata of the events it leads to (S5). */
    record Trace(String causationId, String correlationId, String actorId, String actorRole) {
    }

    Trace trace() {
        return new Trace(causationId, correlationId, actorId, actorRole);
    }
}
