package org.caseflow.screening.domain;

import java.time.Instant;

/** A screening certification, valid from {@code validFrom} (inclusive) until {@code validUntil} (exclusive). */
public record Certification(String certificationId, Instant validFrom, Instant validUntil) {

    public boolean validAt(Instant moment) {
        return !moment.isBefore(validFrom) && moment.isBefore(validUntil);
    }
}
