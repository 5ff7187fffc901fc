package org.caseflow.removal.domain;

/** The safeguards removal checks again on its own (defence in depth). */
public enum Safeguard {
    S1_SCREENED_BEFORE_REMOVED,
    S2_PROTECTION_FIRST,
    S3_NON_REFOULEMENT,
    S4_REVIEW_WINDOW
}
