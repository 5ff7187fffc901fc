package org.caseflow.audit;

import java.util.ArrayList;
import java.util.List;

import org.caseflow.vocabulary.Safeguard;

/**
 * What the audit checks: the safeguards S1–S6 (named as in {@link Safeguard}, the vocabulary shared with the
 * services and the Avro enum) and the integrity of the log itself.
 */
public final class Rules {

    public static final String S1 = Safeguard.S1_SCREENED_BEFORE_REMOVED.name();
    public static final String S2 = Safeguard.S2_PROTECTION_FIRST.name();
    public static final String S3 = Safeguard.S3_NON_REFOULEMENT.name();
    public static final String S4 = Safeguard.S4_REVIEW_WINDOW.name();
    public static final String S5 = Safeguard.S5_ACTOR_AND_CAUSE.name();
    public static final String S6 = Safeguard.S6_NOTHING_LOST_NOTHING_DOUBLED.name();

    /** A record that cannot be decoded, has no key, or contradicts itself (key, metadata and payload disagree). */
    public static final String MALFORMED_RECORD = "MALFORMED_RECORD";
    /** An event type on a topic that does not carry it, or written by a producer other than the topic's single writer. */
    public static final String WRONG_WRITER = "WRONG_WRITER";
    /** A claimed time (recordedAt, occurredAt) that runs against the log: its position or the broker's own timestamp. */
    public static final String LOG_TIME = "LOG_TIME";
    /** An event its case's state machine does not allow at that point (a second decision, a stay after execution, ...). */
    public static final String ILLEGAL_TRANSITION = "ILLEGAL_TRANSITION";
    public static final String DUPLICATE_EVENT_ID = "DUPLICATE_EVENT_ID";
    public static final String NEVER_OPENED = "NEVER_OPENED";
    /** A schedule or execution that disagrees with the flight record (removal.flights) or with the schedule it follows. */
    public static final String FLIGHT_MISMATCH = "FLIGHT_MISMATCH";
    public static final String STUCK = "STUCK";

    public static final List<String> ALL;

    static {
        List<String> all = new ArrayList<>();
        for (Safeguard s : Safeguard.values()) {
            all.add(s.name());
        }
        all.addAll(List.of(MALFORMED_RECORD, WRONG_WRITER, LOG_TIME, ILLEGAL_TRANSITION, DUPLICATE_EVENT_ID, NEVER_OPENED, FLIGHT_MISMATCH, STUCK));
        ALL = List.copyOf(all);
    }

    private Rules() {
    }
}
