package org.caseflow.screening.domain;

/**
 * Where a case stands in screening. A decision is a moment, not a place: a negative one opens the
 * review window, every other one ends screening.
 */
public enum Status {
    AWAITING_SCREENING,
    ASSIGNED,
    INTERVIEWED,
    REVIEW_WINDOW_OPEN,
    REVIEW_REQUESTED,
    /** Screening is over; {@link ScreeningCase#eligibleForRemoval()} says which track follows. */
    FINAL,
    /** Referred to child protection or anti-trafficking (S2); final, never removal. */
    PROTECTION_REFERRED;

    public boolean isFinal() {
        return this == FINAL || this == PROTECTION_REFERRED;
    }
}
