package org.caseflow.screening.domain;

import java.util.List;

/** The answer to a command: the events it causes, or why it is refused. */
public sealed interface Verdict {

    record Accepted(List<Event> events) implements Verdict {
        public Accepted {
            events = List.copyOf(events);
        }
    }

    /** {@code rule} names what refused it; {@code kind} maps to 404, 409 or 422. */
    record Refused(Kind kind, String rule, String detail) implements Verdict {
    }

    enum Kind { NOT_FOUND, CONFLICT, UNPROCESSABLE }
}
