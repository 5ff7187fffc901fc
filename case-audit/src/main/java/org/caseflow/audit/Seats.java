package org.caseflow.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * S6 across cases, judged from the schedule events themselves (never from flight snapshots): while a case
 * holds a seat (from its RemovalScheduled until it is released or flies) no other case holds the same seat,
 * and a flight never holds more cases than it has seats.
 */
final class Seats {

    /** One case holding one seat from one moment until it was released (or forever, once it flew). */
    static final class Hold {
        final String flightId;
        final int seat;
        final String caseId;
        final long from;
        final AuditRecord.Ref record;
        long until = Long.MAX_VALUE;

        Hold(String flightId, int seat, String caseId, long from, AuditRecord.Ref record) {
            this.flightId = flightId;
            this.seat = seat;
            this.caseId = caseId;
            this.from = from;
            this.record = record;
        }
    }

    private final Map<String, List<Hold>> byFlight = new HashMap<>();

    synchronized Hold hold(String flightId, int seat, String caseId, long from, AuditRecord.Ref record) {
        Hold h = new Hold(flightId, seat, caseId, from, record);
        byFlight.computeIfAbsent(flightId, k -> new ArrayList<>()).add(h);
        return h;
    }

    /** After every partition: a seat held twice at once, or more holds at once than seats. */
    void check(Registries registries, Findings findings) {
        for (var entry : byFlight.entrySet()) {
            String flightId = entry.getKey();
            List<Hold> holds = new ArrayList<>(entry.getValue());
            holds.sort(Comparator.comparingInt((Hold h) -> h.seat).thenComparingLong(h -> h.from));
            for (int i = 1; i < holds.size(); i++) {
                Hold before = holds.get(i - 1);
                Hold after = holds.get(i);
                if (before.seat == after.seat && after.from < before.until && !before.caseId.equals(after.caseId)) {
                    findings.add(Rules.S6, after.caseId, "Seat " + after.seat + " on flight " + flightId + " was given to this case while case "
                            + before.caseId + " still held it.", after.record, Instant.ofEpochMilli(after.from), before.record);
                }
            }
            var versions = registries.flight(flightId);
            if (versions.isEmpty()) {
                continue; // reported per schedule as FLIGHT_MISMATCH
            }
            int seats = versions.getLast().seats();
            List<long[]> changes = new ArrayList<>(); // [time, +1 | -1]
            for (Hold h : holds) {
                changes.add(new long[] {h.from, 1});
                if (h.until != Long.MAX_VALUE) {
                    changes.add(new long[] {h.until, -1});
                }
            }
            changes.sort(Comparator.<long[]>comparingLong(c -> c[0]).thenComparingLong(c -> c[1])); // releases first at the same instant
            int held = 0;
            for (long[] c : changes) {
                held += (int) c[1];
                if (held > seats) {
                    Hold last = holds.stream().filter(h -> h.from == c[0]).findFirst().orElse(holds.getLast());
                    findings.add(Rules.S6, last.caseId, "Flight " + flightId + " held " + held + " cases at once for " + seats + " seats.", last.record,
                            Instant.ofEpochMilli(last.from), versions.getLast().ref());
                    break;
                }
            }
        }
    }
}
