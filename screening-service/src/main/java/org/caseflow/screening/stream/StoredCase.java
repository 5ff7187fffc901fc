package org.caseflow.screening.stream;

import org.caseflow.screening.domain.ScreeningCase;

/** The case state plus what the log needs around it: the flow's correlation id and the decision's event id. */
public record StoredCase(ScreeningCase state, String correlationId, String decisionEventId) {
}
