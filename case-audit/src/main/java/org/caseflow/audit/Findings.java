package org.caseflow.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the checks report. Thread-safe (partitions are replayed in parallel); counts every finding per rule,
 * keeps the first {@link #KEPT} in full so a badly broken log cannot exhaust memory.
 */
final class Findings {

    static final int KEPT = 10_000;

    private final List<Finding> kept = new ArrayList<>();
    private final Map<String, Long> perRule = new TreeMap<>();
    private long total;
    /** Findings about records logged before this are not reported (--from); null reports all. */
    private final Instant from;

    Findings(Instant from) {
        this.from = from;
    }

    synchronized void add(Finding f) {
        total++;
        perRule.merge(f.rule(), 1L, Long::sum);
        if (kept.size() < KEPT) {
            kept.add(f);
        }
    }

    void add(String rule, String caseId, String message, AuditRecord offending, AuditRecord.Ref... evidence) {
        if (from != null && offending.loggedAt().isBefore(from)) {
            return;
        }
        List<AuditRecord.Ref> refs = new ArrayList<>();
        for (AuditRecord.Ref e : evidence) {
            if (e != null) {
                refs.add(e);
            }
        }
        add(new Finding(rule, caseId, message, offending.ref(), refs));
    }

    /** The same, for a record known only by its reference (a case's compact state keeps no records). */
    void add(String rule, String caseId, String message, AuditRecord.Ref offending, Instant loggedAt, AuditRecord.Ref... evidence) {
        if (from != null && loggedAt != null && loggedAt.isBefore(from)) {
            return;
        }
        List<AuditRecord.Ref> refs = new ArrayList<>();
        for (AuditRecord.Ref e : evidence) {
            if (e != null) {
                refs.add(e);
            }
        }
        add(new Finding(rule, caseId, message, offending, refs));
    }

    synchronized List<Finding> kept() {
        return List.copyOf(kept);
    }

    synchronized long total() {
        return total;
    }

    synchronized long count(String rule) {
        return perRule.getOrDefault(rule, 0L);
    }
}
