package org.caseflow.intake.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.UUID;

/**
 * Case ids are UUIDv7: time-ordered by when the case was opened. The random part is derived from the
 * submissionId, so reprocessing the same submission yields the same caseId (exactly one case, S6).
 */
public final class CaseIds {

    private CaseIds() {
    }

    public static String forSubmission(String submissionId, Instant openedAt) {
        byte[] hash = sha256(submissionId);
        long millis = openedAt.toEpochMilli() & 0xFFFF_FFFF_FFFFL;
        long high = (millis << 16) | 0x7000L | (ByteBuffer.wrap(hash, 0, 2).getShort() & 0x0FFFL);
        long low = (ByteBuffer.wrap(hash, 2, 8).getLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
