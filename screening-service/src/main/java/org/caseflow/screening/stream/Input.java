package org.caseflow.screening.stream;

import org.caseflow.schemas.intake.IntakeEventEnvelope;
import org.caseflow.schemas.screening.ScreeningCommandEnvelope;

/** What reaches the screening processor for a case: an intake event or an officer command. */
sealed interface Input {

    record FromIntake(IntakeEventEnvelope envelope) implements Input {
    }

    record FromCommand(ScreeningCommandEnvelope envelope) implements Input {
    }
}
