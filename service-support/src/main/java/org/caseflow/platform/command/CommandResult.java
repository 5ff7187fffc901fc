package org.caseflow.platform.command;

import java.util.List;

/**
 * A topology's answer to one command, by commandId: what HTTP answers with (201, 404, 409, 422), also for a
 * client that timed out (202) and asks again later. {@code caseId} or {@code flightId} names what it was about.
 */
public record CommandResult(String commandId, String caseId, String flightId, Outcome outcome, String rule, String detail,
                            List<EmittedEvent> events) {

    public enum Outcome { APPLIED, NOT_FOUND, CONFLICT, UNPROCESSABLE }

    public record EmittedEvent(String eventId, String type) {
    }

    public CommandResult {
        events = events == null ? List.of() : List.copyOf(events);
    }

    public boolean applied() {
        return outcome == Outcome.APPLIED;
    }
}
