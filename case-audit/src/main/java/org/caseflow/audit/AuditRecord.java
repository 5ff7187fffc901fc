package org.caseflow.audit;

import java.time.Instant;

import org.caseflow.schemas.common.Metadata;

/**
 * One record of the log, decoded: where it is (topic, partition, offset), the broker's timestamp, and the
 * envelope's type (schema full name), metadata and payload. {@code logAppendTime} says whether the broker stamped the time itself.
 */
public record AuditRecord(String topic, int partition, long offset, long timestamp, boolean logAppendTime, String key, String envelope,
                          Metadata metadata, Object payload) {

    public Ref ref() {
        return new Ref(topic, partition, offset, metadata == null ? null : metadata.getEventId(), type());
    }

    public String type() {
        return payload == null ? "unreadable" : payload.getClass().getSimpleName();
    }

    public Instant recordedAt() {
        return metadata.getRecordedAt();
    }

    public Instant loggedAt() {
        return Instant.ofEpochMilli(timestamp);
    }

    /** Where a record is in the log, so an auditor can fetch it. */
    public record Ref(String topic, int partition, long offset, String eventId, String type) {
    }
}
