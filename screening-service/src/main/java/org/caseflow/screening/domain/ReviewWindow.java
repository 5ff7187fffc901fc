package org.caseflow.screening.domain;

import java.time.Instant;

/** Opened by a negative decision (S4): no removal before it closes unless review was waived. */
public record ReviewWindow(Instant opensAt, Instant closesAt) {
}
