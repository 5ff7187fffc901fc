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

    /**
     * After every partition: a seat held twice at once, or more holds at once than seats. Times are the log's
     * milliseconds, and events of different cases sit on different partitions, so two events of one removal transaction
     * carry the same instant in no knowable order: a hold that starts and ends at one instant (seated and re-queued in
     * the same transaction) never coexisted with anything, and holds are compared as half-open intervals.
     */
    void check(Registries registries, Findings findings) {
        for (var entry : byFlight.entrySet()) {
            String flightId = entry.getKey();
            List<Hold> holds = entry.getValue().stream().filter(h -> h.until > h.from)
                    .sorted(Comparator.comparingInt((Hold h) -> h.seat).thenComparingLong(h -> h.from)).toList();
            // per seat, each hold against the one reaching furthest among those before it (not only its neighbour)
            Hold holder = null;
            for (Hold h : holds) {
                if (holder != null && holder.seat == h.seat && h.from < holder.until && !holder.caseId.equals(h.caseId)) {
                    findings.add(Rules.S6, h.caseId, "Seat " + h.seat + " on flight " + flightId + " was given to this case while case "
                            + holder.caseId + " still held it.", h.record, Instant.ofEpochMilli(h.from), holder.record);
                }
                if (holder == null || holder.seat != h.seat || h.until > holder.until) {
                    holder = h;
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
