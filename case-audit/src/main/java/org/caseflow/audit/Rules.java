package org.caseflow.audit;

import java.util.List;

/** The rules the audit checks: the safeguards S1–S6 and the log's own integrity. */
public final class Rules {

    public static final String S1 = "S1_SCREENED_BEFORE_REMOVED";
    public static final String S2 = "S2_PROTECTION_FIRST";
    public static final String S3 = "S3_NON_REFOULEMENT";
    public static final String S4 = "S4_REVIEW_WINDOW";
    public static final String S5 = "S5_ACTOR_AND_CAUSE";
    public static final String S6 = "S6_NOTHING_LOST_NOTHING_DOUBLED";
    public static final String STUCK = "STUCK";
    public static final String OUT_OF_ORDER = "OUT_OF_ORDER";
    public static final String UNKNOWN_EVENT_TYPE = "UNKNOWN_EVENT_TYPE";
    public static final String DUPLICATE_EVENT_ID = "DUPLICATE_EVENT_ID";
    public static final String NEVER_OPENED = "NEVER_OPENED";

    public static final List<String> ALL = List.of(S1, S2, S3, S4, S5, S6, STUCK, OUT_OF_ORDER, UNKNOWN_EVENT_TYPE, DUPLICATE_EVENT_ID, NEVER_OPENED);

    private Rules() {
    }
}
