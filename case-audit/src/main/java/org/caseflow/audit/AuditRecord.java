package org.caseflow.audit;

import java.time.Instant;

import org.caseflow.schemas.common.Metadata;

/** One record of the log, decoded: where it is, its envelope metadata and its payload. */
public record AuditRecord(String topic, int partition, long offset, String key, Metadata metadata, Object payload) {

    public Ref ref() {
        return new Ref(topic, partition, offset, metadata == null ? null : metadata.getEventId(), type());
    }

    public String type() {
        return payload == null ? "unreadable" : payload.getClass().getSimpleName();
    }

    public Instant recordedAt() {
        return metadata.getRecordedAt();
    }

    /** Where a record is in the log, so an auditor can fetch it. */
    public record Ref(String topic, int partition, long offset, String eventId, String type) {
    }
}
