package org.caseflow.intake.stream;

import org.caseflow.schemas.intake.IntakeEventEnvelope;
import org.caseflow.schemas.intake.RejectionEnvelope;

/** What the submission step passes on: a rejection, or an opened case with the key that finds the person's earlier cases. */
record Outcome(RejectionEnvelope rejection, IntakeEventEnvelope opened, String personKey) {

    static Outcome rejected(RejectionEnvelope rejection) {
        return new Outcome(rejection, null, null);
    }

    static Outcome opened(IntakeEventEnvelope opened, String personKey) {
        return new Outcome(null, opened, personKey);
    }

    boolean isRejection() {
        return rejection != null;
    }
}
