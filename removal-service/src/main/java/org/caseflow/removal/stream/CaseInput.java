package org.caseflow.removal.stream;

import org.caseflow.schemas.intake.IntakeEventEnvelope;
import org.caseflow.schemas.removal.RemovalCommandEnvelope;
import org.caseflow.schemas.removal.RemovalEventEnvelope;
import org.caseflow.schemas.screening.ScreeningEventEnvelope;

/** What reaches the case step: intake and screening facts, removal commands, and allocation's own outcomes. */
sealed interface CaseInput {

    record FromIntake(IntakeEventEnvelope envelope) implements CaseInput {
    }

    record FromScreening(ScreeningEventEnvelope envelope) implements CaseInput {
    }

    record FromCommand(RemovalCommandEnvelope envelope) implements CaseInput {
    }

    record FromRemoval(RemovalEventEnvelope envelope) implements CaseInput {
    }
}
