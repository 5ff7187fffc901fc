package org.caseflow.intake.api;

import java.util.List;

import org.caseflow.submission.domain.Reason;
import org.caseflow.intake.domain.SubmissionStatus;

/** What a station sees of its submission: PENDING, ACCEPTED (with the caseId) or REJECTED (with reasons). */
public record SubmissionView(String submissionId, String status, String caseId, List<Reason> reasons) {

    static SubmissionView pending(String submissionId) {
        return new SubmissionView(submissionId, "PENDING", null, List.of());
    }

    static SubmissionView of(String submissionId, SubmissionStatus status) {
        return new SubmissionView(submissionId, status.state().name(), status.caseId(), status.reasons());
    }
}
