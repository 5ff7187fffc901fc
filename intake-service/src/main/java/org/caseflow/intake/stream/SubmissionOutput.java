package org.caseflow.intake.stream;

import org.caseflow.schemas.intake.IntakeEventEnvelope;
import org.caseflow.schemas.intake.RejectionEnvelope;

/** What the submission step passes on: a rejection, or an opened case with the key that finds the person's earlier cases. */
record SubmissionOutput(RejectionEnvelope rejection, IntakeEventEnvelope opened, String personKey) {

    static SubmissionOutput rejected(RejectionEnvelope rejection) {
        return new SubmissionOutput(rejection, null, null);
    }

    static SubmissionOutput opened(IntakeEventEnvelope opened, String personKey) {
        return new SubmissionOutput(null, opened, personKey);
    }

    boolean isRejection() {
        return rejection != null;
    }
}
