package org.caseflow.removal.stream;

import org.caseflow.schemas.removal.FlightEnvelope;
import org.caseflow.schemas.removal.RemovalEventEnvelope;

/** Allocation writes case events (keyed by caseId) and flight states (keyed by flightId). */
record AllocationOutput(RemovalEventEnvelope event, FlightEnvelope flight) {

    boolean isEvent() {
        return event != null;
    }
}
