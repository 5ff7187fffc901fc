package org.caseflow.removal.domain;

import java.time.Instant;
import java.util.List;

/** A planned removal flight and who holds which seat. */
public record Flight(String flightId, String destination, Instant departureAt, int seats, String carrier, Status status, List<Seat> assigned) {

    public enum Status { PLANNED, DEPARTED, CANCELLED }

    /** A seat held by a case; {@code notBefore} is the case's earliest departure (S4). */
    public record Seat(int seat, String caseId, Instant notBefore, Instant decidedAt, String familyGroupId) {
    }

    public Flight {
        assigned = assigned == null ? List.of() : List.copyOf(assigned);
    }

    public int freeSeats() {
        return seats - assigned.size();
    }

    /** Whether this flight can take {@code count} more people who may not leave before {@code notBefore}. */
    boolean canTake(int count, Instant notBefore, Instant now) {
        return status == Status.PLANNED && departureAt.isAfter(now) && departureAt.isAfter(notBefore) && freeSeats() >= count;
    }

    Flight with(Status s, List<Seat> seatsHeld) {
        return new Flight(flightId, destination, departureAt, seats, carrier, s, seatsHeld);
    }
}
