package org.caseflow.screening.stream;

import java.util.List;

/**
 * The topology's answer to one command, kept in a state store by commandId: what HTTP answers with
 * (201, 404, 409, 422), also for a client that timed out and asks again later.
 */
public record CommandResult(String commandId, String caseId, Outcome outcome, String rule, String detail, List<EmittedEvent> events) {

    public enum Outcome { APPLIED, NOT_FOUND, CONFLICT, UNPROCESSABLE }

    public record EmittedEvent(String eventId, String type) {
    }

    public CommandResult {
        events = events == null ? List.of() : List.copyOf(events);
    }
}
