package org.caseflow.removal.domain;

import java.time.Instant;

import org.caseflow.vocabulary.Safeguard;

/** What allocation decides, as a closed set. */
public sealed interface AllocationEvent {

    record Scheduled(String caseId, String flightId, int seat, Instant departureAt, Instant decidedAt) implements AllocationEvent {
    }

    /** Back in the queue for a seat (its flight was cancelled, or to keep a family together). */
    record Requeued(String caseId, Instant notBefore, String familyGroupId, String reason) implements AllocationEvent {
    }

    record Stayed(String caseId, String reason, String flightId, Integer seat) implements AllocationEvent {
    }

    record Cancelled(String caseId, String reason, String flightId) implements AllocationEvent {
    }

    record Executed(String caseId, String flightId, Instant departedAt) implements AllocationEvent {
    }

    record Blocked(String caseId, Safeguard safeguard, String reason) implements AllocationEvent {
    }

    record FlightChanged(Flight flight) implements AllocationEvent {
    }
}
