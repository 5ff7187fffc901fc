package org.caseflow.removal.domain;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What removal knows of a case, from intake and screening events (never from screening's own verdict
 * alone), and where the case stands in removal.
 */
public record RemovalCase(String caseId, Intake intake, List<String> interviewFeared, Decision decision, boolean protectionReferred,
                          boolean reviewRequested, Boolean reviewUpheld, boolean reviewWaived, Instant reviewWindowClosesAt, Concluded concluded,
                          Stage stage, String destination, Instant notBefore, Booking booking) {

    public RemovalCase {
        interviewFeared = interviewFeared == null ? List.of() : List.copyOf(interviewFeared);
    }

    /** The seat a case holds (as allocation reported it), or null. */
    public record Booking(String flightId, int seat, Instant departureAt) {
    }

    /** Intake facts: nationality, lawful residence, feared countries, family group, protection flags. */
    public record Intake(String nationality, List<String> lawfulResidenceCountries, List<String> fearedCountries, String familyGroupId,
                         boolean unaccompaniedMinor, boolean trafficking, Instant openedAt) {
        public Intake {
            lawfulResidenceCountries = List.copyOf(lawfulResidenceCountries);
            fearedCountries = List.copyOf(fearedCountries);
        }
    }

    /** The screening decision as recorded: who, under which certification, when, what. */
    public record Decision(String officerId, String certificationId, Instant certificationValidFrom, Instant certificationValidUntil,
                           String outcome, Instant decidedAt, Instant windowClosesAt) {

        public boolean certifiedAtDecision() {
            return certificationId != null && certificationValidFrom != null && certificationValidUntil != null
                    && !decidedAt.isBefore(certificationValidFrom) && decidedAt.isBefore(certificationValidUntil);
        }
    }

    /** Screening's last conclusion. */
    public record Concluded(String outcome, boolean eligibleForRemoval, Instant at, Instant reviewWindowClosedAt, boolean reviewWaived) {
    }

    public enum Stage {
        /** Not (yet) eligible: screening not concluded, or concluded outside the removal track. */
        NOT_ELIGIBLE,
        /** Eligible and handed to allocation (waiting for a seat or scheduled). */
        IN_ALLOCATION,
        BLOCKED,
        STAYED,
        CANCELLED,
        EXECUTED
    }

    public static RemovalCase empty(String caseId) {
        return new RemovalCase(caseId, null, List.of(), null, false, false, null, false, null, null, Stage.NOT_ELIGIBLE, null, null, null);
    }

    /** Every country the person named as feared, at intake or in the interview. */
    public Set<String> fearedCountries() {
        Set<String> feared = new LinkedHashSet<>();
        if (intake != null) {
            feared.addAll(intake.fearedCountries());
        }
        feared.addAll(interviewFeared);
        return feared;
    }

    public RemovalCase withIntake(Intake i) {
        return new RemovalCase(caseId, i, interviewFeared, decision, protectionReferred, reviewRequested, reviewUpheld, reviewWaived,
                reviewWindowClosesAt, concluded, stage, destination, notBefore, booking);
    }

    public RemovalCase withInterviewFeared(List<String> feared) {
        return new RemovalCase(caseId, intake, feared, decision, protectionReferred, reviewRequested, reviewUpheld, reviewWaived,
                reviewWindowClosesAt, concluded, stage, destination, notBefore, booking);
    }

    public RemovalCase withDecision(Decision d) {
        return new RemovalCase(caseId, intake, interviewFeared, d, protectionReferred, reviewRequested, reviewUpheld, reviewWaived,
                d.windowClosesAt(), concluded, stage, destination, notBefore, booking);
    }

    public RemovalCase withProtectionReferred() {
        return new RemovalCase(caseId, intake, interviewFeared, decision, true, reviewRequested, reviewUpheld, reviewWaived,
                reviewWindowClosesAt, concluded, stage, destination, notBefore, booking);
    }

    public RemovalCase withReviewRequested() {
        return new RemovalCase(caseId, intake, interviewFeared, decision, protectionReferred, true, reviewUpheld, reviewWaived,
                reviewWindowClosesAt, concluded, stage, destination, notBefore, booking);
    }

    public RemovalCase withReviewDecided(boolean upheld) {
        return new RemovalCase(caseId, intake, interviewFeared, decision, protectionReferred, reviewRequested, upheld, reviewWaived,
                reviewWindowClosesAt, concluded, stage, destination, notBefore, booking);
    }

    public RemovalCase withReviewWaived() {
        return new RemovalCase(caseId, intake, interviewFeared, decision, protectionReferred, reviewRequested, reviewUpheld, true,
                reviewWindowClosesAt, concluded, stage, destination, notBefore, booking);
    }

    public RemovalCase withConcluded(Concluded c) {
        return new RemovalCase(caseId, intake, interviewFeared, decision, protectionReferred, reviewRequested, reviewUpheld, reviewWaived,
                reviewWindowClosesAt, c, stage, destination, notBefore, booking);
    }

    public RemovalCase withBooking(Booking b) {
        return new RemovalCase(caseId, intake, interviewFeared, decision, protectionReferred, reviewRequested, reviewUpheld, reviewWaived,
                reviewWindowClosesAt, concluded, stage, destination, notBefore, b);
    }

    public RemovalCase inStage(Stage s, String dest, Instant earliest) {
        return new RemovalCase(caseId, intake, interviewFeared, decision, protectionReferred, reviewRequested, reviewUpheld, reviewWaived,
                reviewWindowClosesAt, concluded, s, dest, earliest, booking);
    }

    public RemovalCase inStage(Stage s) {
        return inStage(s, destination, notBefore);
    }
}
