package org.caseflow.vocabulary;

/**
 * The safeguards S1–S6 of the whole pipeline, in one vocabulary for the services, the Avro enum
 * ({@code org.caseflow.schemas.removal.Safeguard} carries S1–S4, the ones removal can block on) and the
 * audit. A test fails if they drift.
 */
public enum Safeguard {
    S1_SCREENED_BEFORE_REMOVED("No removal without a standing NO_CREDIBLE_FEAR (or voluntary return) decided by an officer certified at that moment."),
    S2_PROTECTION_FIRST("An unaccompanied minor or a case with trafficking indicators is never removed."),
    S3_NON_REFOULEMENT("No removal to a feared country; only to the nationality or a country of lawful residence."),
    S4_REVIEW_WINDOW("No departure before the review window closes (unless waived by the decider or upheld on review); a review stays removal."),
    S5_ACTOR_AND_CAUSE("Every event records who (from the authenticated principal), when, and what caused it."),
    S6_NOTHING_LOST_NOTHING_DOUBLED("Every accepted submission is exactly one case, in exactly one state; no seat is given twice.");

    private final String rule;

    Safeguard(String rule) {
        this.rule = rule;
    }

    /** The safeguard in one sentence, as DESIGN states it. */
    public String rule() {
        return rule;
    }
}
