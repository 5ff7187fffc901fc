package org.caseflow.removal.stream;

import org.caseflow.schemas.removal.FlightEnvelope;
import org.caseflow.schemas.removal.RemovalCommandResultEnvelope;
import org.caseflow.schemas.removal.RemovalEventEnvelope;

/** What a removal step writes: a case event, a flight's state, a command's answer, or a message for allocation. */
sealed interface StepOutput {

    /** To case.removal.events, keyed by caseId. */
    record Event(RemovalEventEnvelope envelope) implements StepOutput {
    }

    /** To removal.flights, keyed by flightId. */
    record Flight(FlightEnvelope envelope) implements StepOutput {
    }

    /** To removal.command-results, keyed by commandId. */
    record Answer(RemovalCommandResultEnvelope envelope) implements StepOutput {
    }

    /** To allocation, keyed by destination. */
    record ToAllocation(AllocationMessage message) implements StepOutput {
    }
}
