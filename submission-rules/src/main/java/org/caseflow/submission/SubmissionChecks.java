package org.caseflow.submission;

import java.time.Instant;
import java.util.List;

import org.caseflow.schemas.intake.EncounterSubmission;
import org.caseflow.submission.domain.IntakeSettings;
import org.caseflow.submission.domain.Reason;
import org.caseflow.submission.domain.SubmissionRules;

/** Every reason intake's rules would refuse a submission for, in the order intake applies them: size bounds, then the rules on the normalised form. */
public final class SubmissionChecks {

    private SubmissionChecks() {
    }

    public static List<Reason> refusals(EncounterSubmission submission, IntakeSettings settings, Instant now) {
        List<Reason> beyondBounds = SubmissionBounds.violations(submission);
        if (!beyondBounds.isEmpty()) {
            return beyondBounds;
        }
        return SubmissionRules.check(SubmissionMapper.toDomain(SubmissionNormaliser.normalised(submission)), settings, now);
    }
}
