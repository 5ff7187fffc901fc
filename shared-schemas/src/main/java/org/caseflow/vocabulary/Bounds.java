package org.caseflow.vocabulary;

/**
 * Size bounds of everything a client sends and every record a service accepts (docs/operations.md lists them).
 * One record beyond them must never stop a service: HTTP answers 413/422, intake refuses with a reason, and a
 * Kafka record beyond {@link #RECORD_BYTES} goes to its topic's dead-letter topic. The largest record within
 * the bounds is far below the broker's 1 MiB limit, so no event or state a service writes can be refused.
 */
public final class Bounds {

    /** Identifiers: submission, case, officer, flight ids, station codes, group ids, document numbers. */
    public static final int ID = 100;
    /** A name part (given names, family names). */
    public static final int NAME = 200;
    /** Free text an officer writes: rationale, reason, note. */
    public static final int TEXT = 4_000;
    /** Entries in any list: languages, countries, documents, accompanying adults. */
    public static final int LIST = 20;
    /** An HTTP request body. */
    public static final int BODY_BYTES = 64 * 1024;
    /** A record value a service reads from a topic. */
    public static final int RECORD_BYTES = 256 * 1024;

    private Bounds() {
    }

    /** {@code s} cut to at most {@code max} characters, for echoing a client's value back safely. */
    public static String cut(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        return s.substring(0, max) + "…";
    }
}
