package org.caseflow.screening.stream;

import java.time.Instant;

import org.caseflow.screening.domain.ScreeningCase;
import org.caseflow.screening.domain.Status;

/**
 * The worklist index's keys and values: {@code STATUS/openedAt(ms, 15 digits)/caseId} → {@code station\tofficer}, so the
 * entries of one status are a prefix scan, oldest first.
 */
public final class WorklistIndex {

    /** One worklist line, read back from the index. */
    public record Entry(String caseId, Status status, String stationCode, String assignedOfficer, Instant openedAt) {
    }

    private WorklistIndex() {
    }

    static String key(ScreeningCase c) {
        long opened = c.facts() == null || c.facts().openedAt() == null ? 0 : c.facts().openedAt().toEpochMilli();
        return String.format("%s/%015d/%s", c.status().name(), opened, c.caseId());
    }

    static String value(ScreeningCase c) {
        return (c.facts() == null || c.facts().stationCode() == null ? "" : c.facts().stationCode()) + "\t"
                + (c.assignedOfficer() == null ? "" : c.assignedOfficer());
    }

    /** The prefix of every entry of a status. */
    public static String prefix(Status status) {
        return status.name() + "/";
    }

    public static Entry entry(String key, String value) {
        String[] k = key.split("/", 3);
        String[] v = value.split("\t", -1);
        long opened = Long.parseLong(k[1]);
        return new Entry(k[2], Status.valueOf(k[0]), v[0].isEmpty() ? null : v[0], v.length < 2 || v[1].isEmpty() ? null : v[1],
                opened == 0 ? null : Instant.ofEpochMilli(opened));
    }
}
