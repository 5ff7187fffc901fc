package org.caseflow.intake.domain;

import org.caseflow.submission.domain.Reason;

import java.util.List;

/**
 * What became of a submissionId: the first submission under an id decides it for good. Kept in a
 * state store (with changelog), so de-duplication survives restarts.
 */
public record SubmissionStatus(State state, String fingerprint, String caseId, String stationCode, List<Reason> reasons) {

    public enum State { ACCEPTED, REJECTED }

    public SubmissionStatus {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    public static SubmissionStatus accepted(String fingerprint, String caseId, String stationCode) {
        return new SubmissionStatus(State.ACCEPTED, fingerprint, caseId, stationCode, List.of());
    }

    public static SubmissionStatus rejected(String fingerprint, String stationCode, List<Reason> reasons) {
        return new SubmissionStatus(State.REJECTED, fingerprint, null, stationCode, reasons);
    }

    /** The same submission again (a retry over a bad link), as opposed to a different one reusing the id. */
    public boolean isSameSubmission(String otherFingerprint) {
        return fingerprint.equals(otherFingerprint);
    }
}
