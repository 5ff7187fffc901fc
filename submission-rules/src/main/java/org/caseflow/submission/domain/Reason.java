package org.caseflow.submission.domain;

/** One reason a submission was refused: a code, the field it concerns (or null) and a sentence to act on. */
public record Reason(ReasonCode code, String field, String message) {
}
