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
        return with(c -> c.intake(i));
    }

    public RemovalCase withInterviewFeared(List<String> feared) {
        return with(c -> c.interviewFeared(feared));
    }

    /** The decision, and the review window it opened. */
    public RemovalCase withDecision(Decision d) {
        return with(c -> c.decision(d).reviewWindowClosesAt(d.windowClosesAt()));
    }

    public RemovalCase withProtectionReferred() {
        return with(c -> c.protectionReferred(true));
    }

    public RemovalCase withReviewRequested() {
        return with(c -> c.reviewRequested(true));
    }

    public RemovalCase withReviewDecided(boolean upheld) {
        return with(c -> c.reviewUpheld(upheld));
    }

    public RemovalCase withReviewWaived() {
        return with(c -> c.reviewWaived(true));
    }

    public RemovalCase withConcluded(Concluded concluded) {
        return with(c -> c.concluded(concluded));
    }

    public RemovalCase withBooking(Booking b) {
        return with(c -> c.booking(b));
    }

    /** In a stage, for a destination, not before a moment. */
    public RemovalCase inStage(Stage s, String dest, Instant earliest) {
        return with(c -> c.stage(s).destination(dest).notBefore(earliest));
    }

    public RemovalCase inStage(Stage s) {
        return with(c -> c.stage(s));
    }

    /** A copy with some fields changed; every copy goes through {@link Copy}, so a new field is added in one place. */
    private RemovalCase with(java.util.function.UnaryOperator<Copy> change) {
        return change.apply(new Copy(this)).build();
    }

    private static final class Copy {
        private final String caseId;
        private Intake intake;
        private List<String> interviewFeared;
        private Decision decision;
        private boolean protectionReferred;
        private boolean reviewRequested;
        private Boolean reviewUpheld;
        private boolean reviewWaived;
        private Instant reviewWindowClosesAt;
        private Concluded concluded;
        private Stage stage;
        private String destination;
        private Instant notBefore;
        private Booking booking;

        Copy(RemovalCase c) {
            caseId = c.caseId;
            intake = c.intake;
            interviewFeared = c.interviewFeared;
            decision = c.decision;
            protectionReferred = c.protectionReferred;
            reviewRequested = c.reviewRequested;
            reviewUpheld = c.reviewUpheld;
            reviewWaived = c.reviewWaived;
            reviewWindowClosesAt = c.reviewWindowClosesAt;
            concluded = c.concluded;
            stage = c.stage;
            destination = c.destination;
            notBefore = c.notBefore;
            booking = c.booking;
        }

        Copy intake(Intake v) { intake = v; return this; }
        Copy interviewFeared(List<String> v) { interviewFeared = v; return this; }
        Copy decision(Decision v) { decision = v; return this; }
        Copy protectionReferred(boolean v) { protectionReferred = v; return this; }
        Copy reviewRequested(boolean v) { reviewRequested = v; return this; }
        Copy reviewUpheld(Boolean v) { reviewUpheld = v; return this; }
        Copy reviewWaived(boolean v) { reviewWaived = v; return this; }
        Copy reviewWindowClosesAt(Instant v) { reviewWindowClosesAt = v; return this; }
        Copy concluded(Concluded v) { concluded = v; return this; }
        Copy stage(Stage v) { stage = v; return this; }
        Copy destination(String v) { destination = v; return this; }
        Copy notBefore(Instant v) { notBefore = v; return this; }
        Copy booking(Booking v) { booking = v; return this; }

        RemovalCase build() {
            return new RemovalCase(caseId, intake, interviewFeared, decision, protectionReferred, reviewRequested, reviewUpheld, reviewWaived,
                    reviewWindowClosesAt, concluded, stage, destination, notBefore, booking);
        }
    }
}
