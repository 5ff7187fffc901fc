package org.caseflow.screening.domain;

public enum ScreeningOutcome {
    CREDIBLE_FEAR,
    NO_CREDIBLE_FEAR,
    PROTECTION_REFERRAL,
    VOLUNTARY_RETURN
}
