package org.caseflow.removal.stream;

import org.caseflow.schemas.removal.RemovalEventEnvelope;

/** An event for case.removal.events (keyed by caseId), or a message for allocation (keyed by destination). */
record CaseOutput(RemovalEventEnvelope event, AllocationMessage allocation) {

    boolean isEvent() {
        return event != null;
    }
}
