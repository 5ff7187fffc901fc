package org.caseflow.intake.domain;

import org.caseflow.submission.domain.Submission;
import org.caseflow.submission.domain.SubmissionRules;
import org.caseflow.submission.domain.Reason;
import org.caseflow.submission.domain.ReasonCode;
import org.caseflow.submission.domain.IntakeSettings;
import org.caseflow.submission.domain.Flags;

import java.time.Instant;
import java.util.List;

/** What intake does with one submission: a closed set of outcomes. */
public sealed interface IntakeDecision {

    /** A new case is opened. */
    record Open(String caseId, Flags flags, SubmissionStatus status) implements IntakeDecision {
    }

    /** Refused, with every reason. */
    record Reject(List<Reason> reasons, SubmissionStatus status) implements IntakeDecision {
    }

    /** The same submission again: nothing new happens, the first outcome stands. */
    record Repeat(SubmissionStatus original) implements IntakeDecision {
    }

    /** A different submission reusing an id: refused, the first outcome stands. */
    record Conflict(SubmissionStatus original, Reason reason) implements IntakeDecision {
    }

    /** A record must be keyed by its submissionId, or de-duplication could not see its repeats. */
    static java.util.Optional<Reason> keyMismatch(String recordKey, Submission s) {
        return java.util.Objects.equals(recordKey, s.submissionId()) ? java.util.Optional.empty()
                : java.util.Optional.of(new Reason(ReasonCode.KEY_NOT_SUBMISSION_ID, "key",
                        "The record key must be the submissionId, so a retry is recognised as one."));
    }

    /**
     * Decides a submission given what is known about its id. {@code actorIsFieldOffice} is false when
     * the record was written by anyone but a field office (S5); {@code unproven} is why its station's signature does
     * not prove who recorded it, if it does not. Rules are judged at {@code now}; the
     * caseId is derived from {@code receivedAt} (the record's own timestamp), so a replay yields the same id.
     */
    static IntakeDecision decide(Submission s, String fingerprint, SubmissionStatus known, boolean actorIsFieldOffice,
                                 java.util.Optional<Reason> unproven, IntakeSettings settings, Instant now, Instant receivedAt) {
        if (known != null) {
            return known.isSameSubmission(fingerprint)
                    ? new Repeat(known)
                    : new Conflict(known, new Reason(ReasonCode.SUBMISSION_ID_REUSED, "submissionId",
                            "This submissionId was already used for a different submission; the first one stands. Use a new id."));
        }
        String station = s.encounter() == null ? null : s.encounter().stationCode();
        List<Reason> reasons = new java.util.ArrayList<>(SubmissionRules.check(s, settings, now));
        // an unconfigured station is already refused as STATION_UNKNOWN; its unregistered key says nothing more
        unproven.filter(u -> reasons.stream().noneMatch(r -> r.code() == u.code())).ifPresent(reasons::add);
        if (!actorIsFieldOffice) {
            reasons.add(new Reason(ReasonCode.NOT_A_FIELD_OFFICE, "metadata.actor", "Only a field office may submit encounters."));
        }
        if (!reasons.isEmpty()) {
            return new Reject(List.copyOf(reasons), SubmissionStatus.rejected(fingerprint, station, reasons));
        }
        String caseId = CaseIds.forSubmission(s.submissionId(), receivedAt);
        return new Open(caseId, SubmissionRules.flags(s), SubmissionStatus.accepted(fingerprint, caseId, station));
    }
}
