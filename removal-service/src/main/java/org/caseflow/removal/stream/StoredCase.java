package org.caseflow.removal.stream;

import org.caseflow.removal.domain.RemovalCase;

/** The case as removal knows it, plus the flow's correlation id. */
public record StoredCase(RemovalCase state, String correlationId) {

    StoredCase with(RemovalCase next) {
        return new StoredCase(next, correlationId);
    }
}
