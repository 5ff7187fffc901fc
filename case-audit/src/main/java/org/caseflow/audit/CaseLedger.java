package org.caseflow.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.caseflow.schemas.common.Role;
import org.caseflow.schemas.common.ScreeningOutcome;
import org.caseflow.schemas.intake.CaseOpened;
import org.caseflow.schemas.intake.IntakeAmended;
import org.caseflow.schemas.removal.FlightStatus;
import org.caseflow.schemas.removal.RemovalBlocked;
import org.caseflow.schemas.removal.RemovalCancelled;
import org.caseflow.schemas.removal.RemovalEligible;
import org.caseflow.schemas.removal.RemovalExecuted;
import org.caseflow.schemas.removal.RemovalScheduled;
import org.caseflow.schemas.removal.RemovalStayed;
import org.caseflow.schemas.screening.InterviewRecorded;
import org.caseflow.schemas.screening.OfficerAssigned;
import org.caseflow.schemas.screening.ProtectionReferred;
import org.caseflow.schemas.screening.ReviewDecided;
import org.caseflow.schemas.screening.ReviewRequested;
import org.caseflow.schemas.screening.ReviewResult;
import org.caseflow.schemas.screening.ReviewWaived;
import org.caseflow.schemas.screening.ScreeningConcluded;
import org.caseflow.schemas.screening.ScreeningDecided;
import org.caseflow.schemas.screening.ScreeningQueued;
import org.caseflow.vocabulary.CountryCode;

/**
 * One case, replayed in log order with the audit's own state machines, written from DESIGN's words and
 * independent of the services' code:
 * <pre>
 * screening: opened → queued → assigned (→ re-assigned) → interviewed → decided → review window open
 *            → review requested → review decided → concluded;   protection referral from any open state
 * removal:   eligible → scheduled → executed | stayed | cancelled | blocked   (re-queued: scheduled → eligible)
 * </pre>
 * Every event is checked against the state before it; a removal (schedule or execution) is checked against
 * every safeguard from the facts the log holds, including the officer registry and the flight records.
 * Compact: what a case holds is a few fields and record references, never its records.
 */
final class CaseLedger {

    /** What every case shares: the facts read before the case topics, and where findings go. */
    record Context(Registries registries, Seats seats, Findings findings, Duration tolerance) {
    }

    enum Screening { NONE, AWAITING_SCREENING, ASSIGNED, INTERVIEWED, REVIEW_WINDOW_OPEN, REVIEW_REQUESTED, CONCLUDING, FINAL, PROTECTION_REFERRED }

    enum Removal { NOT_ELIGIBLE, ELIGIBLE, SCHEDULED, EXECUTED, STAYED, CANCELLED, BLOCKED }

    /** Every payload type of the case topics the ledger handles; a test compares it with the schemas' unions. */
    static final Set<Class<?>> HANDLED = Set.of(CaseOpened.class, IntakeAmended.class, ScreeningQueued.class, OfficerAssigned.class,
            InterviewRecorded.class, ScreeningDecided.class, ReviewRequested.class, ReviewDecided.class, ReviewWaived.class,
            ProtectionReferred.class, ScreeningConcluded.class, RemovalEligible.class, RemovalScheduled.class, RemovalStayed.class,
            RemovalCancelled.class, RemovalExecuted.class, RemovalBlocked.class);

    private final String caseId;
    private final Context ctx;
    private final List<AuditRecord> timeline;

    // intake facts
    private AuditRecord.Ref openedRef;
    private CountryCode nationality;
    private final Set<CountryCode> residence = new HashSet<>(2);
    private final Set<CountryCode> feared = new HashSet<>(2);
    private Set<String> personLanguages = Set.of();
    private boolean protectedCase;
    private boolean reportedUnopened;

    // screening
    private Screening screening = Screening.NONE;
    private String assignedOfficer;
    private String interviewLanguage;
    private boolean interpreterUsed;
    private AuditRecord.Ref decisionRef;
    private String decider;
    private ScreeningOutcome decided;
    private Instant windowClosesAt;
    private boolean certifiedDecision;
    private boolean reviewPending;
    private Boolean reviewUpheld;
    private Instant reviewDecidedAt;
    private boolean waived;
    private ScreeningOutcome concludedOutcome;
    private boolean concludedEligible;
    private ScreeningOutcome expectedConclusion;

    // removal
    private Removal removal = Removal.NOT_ELIGIBLE;
    private RemovalScheduled schedule;
    private AuditRecord.Ref scheduledRef;
    private Seats.Hold hold;
    private int executions;

    private Instant openedAt;
    private Instant decidedAt;
    private Instant concludedAt;
    private Instant scheduledAt;
    private Instant executedAt;
    private AuditRecord.Ref lastRef;
    private Instant lastLoggedAt;

    CaseLedger(String caseId, Context ctx, boolean keepTimeline) {
        this.caseId = caseId;
        this.ctx = ctx;
        this.timeline = keepTimeline ? new ArrayList<>() : null;
    }

    /** Applies one record of this case (already checked for integrity), reporting what it breaks. */
    void accept(AuditRecord r) {
        lastRef = r.ref();
        lastLoggedAt = r.loggedAt();
        if (timeline != null) {
            timeline.add(r);
        }
        if (openedRef == null && !(r.payload() instanceof CaseOpened) && !reportedUnopened) {
            reportedUnopened = true;
            finding(Rules.NEVER_OPENED, r.type() + " for a case that was not opened before it in the log.", r);
        }
        checkActor(r);
        switch (r.payload()) {
            case CaseOpened o -> onOpened(r, o);
            case IntakeAmended a -> onAmended(r, a);
            case ScreeningQueued q -> expect(r, screening == Screening.NONE, "queued twice or after screening began", () -> screening = Screening.AWAITING_SCREENING);
            case OfficerAssigned a -> expect(r, screening == Screening.AWAITING_SCREENING || screening == Screening.ASSIGNED, "assigned while " + screening, () -> {
                screening = Screening.ASSIGNED;
                assignedOfficer = a.getOfficerId();
            });
            case InterviewRecorded i -> onInterview(r, i);
            case ScreeningDecided d -> onDecided(r, d);
            case ReviewRequested q -> onReviewRequested(r);
            case ReviewWaived w -> onWaived(r);
            case ReviewDecided d -> onReviewDecided(r, d);
            case ProtectionReferred p -> {
                protectedCase = true;
                if (screening == Screening.PROTECTION_REFERRED) {
                    illegal(r, "referred to protection twice");
                }
                screening = Screening.PROTECTION_REFERRED;
                expectedConclusion = ScreeningOutcome.PROTECTION_REFERRAL;
            }
            case ScreeningConcluded c -> onConcluded(r, c);
            case RemovalEligible e -> onEligible(r, e);
            case RemovalScheduled s -> onScheduled(r, s);
            case RemovalExecuted x -> onExecuted(r, x);
            case RemovalStayed s -> onWithdrawn(r, Removal.STAYED);
            case RemovalCancelled c -> onWithdrawn(r, Removal.CANCELLED);
            case RemovalBlocked b -> {
                if (removal == Removal.EXECUTED) {
                    illegal(r, "blocked after the removal was carried out");
                }
                release(r);
                removal = Removal.BLOCKED;
            }
            default -> finding(Rules.WRONG_WRITER, r.type() + " is not an event of a case topic.", r);
        }
    }

    // ---- intake ----

    private void onOpened(AuditRecord r, CaseOpened o) {
        if (openedRef != null) {
            finding(Rules.S6, "The case was opened twice.", r, openedRef);
            return;
        }
        openedRef = r.ref();
        openedAt = r.loggedAt();
        checkStationSignature(r, o);
        protectedCase = o.getFlags().getUnaccompaniedMinor() || o.getFlags().getTrafficking();
        nationality = country(r, o.getPerson().getNationality(), "nationality");
        o.getPerson().getLawfulResidenceCountries().forEach(c -> add(residence, country(r, c, "lawful residence")));
        o.getFear().getFearedCountries().forEach(c -> add(feared, country(r, c, "feared country")));
        personLanguages = Set.copyOf(o.getPerson().getLanguages());
    }

    /**
     * S5 for the station: the case carries its station's signature, by a key registered for the station its encounter
     * names and not revoked when the case was logged, over exactly what the case records (EncounterSignatures, the
     * contract stations sign to — not intake's code).
     */
    private void checkStationSignature(AuditRecord r, CaseOpened o) {
        String station = o.getEncounter().getStationCode();
        if (o.getSignature() == null) {
            finding(Rules.S5, "The case was opened from an unsigned submission: nothing proves station " + station + " recorded it.", r);
            return;
        }
        String keyId = o.getSignature().getKeyId();
        Registries.StationKeyVersion key = ctx.registries().stationKeyAt(station, keyId, r.timestamp());
        if (key == null) {
            finding(Rules.S5, "Signed with key " + keyId + ", which the station registry did not hold for " + station + " when the case was logged.", r);
            return;
        }
        if (key.revoked()) {
            finding(Rules.S5, "Signed with key " + keyId + " of " + station + ", revoked before the case was logged.", r);
            return;
        }
        boolean verified;
        try {
            verified = org.caseflow.submission.EncounterSignatures.verify(org.caseflow.submission.EncounterSignatures.submissionOf(o),
                    org.caseflow.submission.EncounterSignatures.publicKey(key.publicKey()));
        } catch (java.security.GeneralSecurityException e) {
            verified = false;
        }
        if (!verified) {
            finding(Rules.S5, "The station's signature does not match what the case records: changed after " + station + " signed it.", r);
        }
    }

    private void onAmended(AuditRecord r, IntakeAmended a) {
        if (a.getFlags() != null && (a.getFlags().getUnaccompaniedMinor() || a.getFlags().getTrafficking())) {
            protectedCase = true;
        }
        if (a.getFear() != null) {
            a.getFear().getFearedCountries().forEach(c -> add(feared, country(r, c, "feared country")));
        }
        if (a.getPerson() != null) {
            a.getPerson().getLawfulResidenceCountries().forEach(c -> add(residence, country(r, c, "lawful residence")));
        }
    }

    // ---- screening ----

    private void onInterview(AuditRecord r, InterviewRecorded i) {
        if (screening != Screening.ASSIGNED) {
            illegal(r, "an interview recorded while " + screening);
        }
        if (!i.getOfficerId().equals(assignedOfficer) || !i.getOfficerId().equals(r.metadata().getActor().getId())) {
            finding(Rules.S5, "Interview recorded by " + r.metadata().getActor().getId() + " for officer " + i.getOfficerId()
                    + ", but the case is assigned to " + assignedOfficer + ".", r);
        }
        i.getFearedCountries().forEach(c -> add(feared, country(r, c, "feared country")));
        interviewLanguage = i.getLanguage();
        interpreterUsed = i.getInterpreterUsed();
        if (screening == Screening.ASSIGNED) {
            screening = Screening.INTERVIEWED;
        }
    }

    private void onDecided(AuditRecord r, ScreeningDecided d) {
        if (decisionRef != null) {
            illegal(r, "a second screening decision (" + d.getOutcome() + ") after " + decided + "; a decision is never replaced");
            return; // the first decision stands for every later check
        }
        if (screening != Screening.INTERVIEWED) {
            illegal(r, "decided while " + screening + " (a decision needs a recorded interview)");
        }
        decisionRef = r.ref();
        decided = d.getOutcome();
        decider = d.getOfficerId();
        decidedAt = r.loggedAt();
        if (!decider.equals(r.metadata().getActor().getId()) || (assignedOfficer != null && !decider.equals(assignedOfficer))) {
            finding(Rules.S5, "Decision for officer " + decider + " recorded by " + r.metadata().getActor().getId() + " on a case assigned to "
                    + assignedOfficer + ".", r);
        }
        certifiedDecision = checkCertification(r, d);
        if (!interpreterUsed && interviewLanguage != null) {
            var officer = ctx.registries().officerAt(decider, r.timestamp());
            boolean shared = officer != null && officer.languages().contains(interviewLanguage) && personLanguages.contains(interviewLanguage);
            if (!shared) {
                finding(Rules.S1, "The interview in '" + interviewLanguage + "' had no interpreter and is not a language both officer "
                        + decider + " (per the registry) and the person speak.", r);
            }
        }
        if (d.getOutcome() == ScreeningOutcome.NO_CREDIBLE_FEAR) {
            if (d.getReviewWindow() == null) {
                finding(Rules.S4, "A negative decision opened no review window.", r);
            } else {
                windowClosesAt = d.getReviewWindow().getClosesAt();
            }
            screening = Screening.REVIEW_WINDOW_OPEN;
        } else {
            screening = Screening.CONCLUDING;
            expectedConclusion = d.getOutcome();
        }
    }

    /**
     * S1's certification: the decision's own copy must be the officer's certification in the registry at the
     * time the decision was logged, and valid at the claimed, the recorded and the broker's time alike (so a
     * back-dated decision is caught).
     */
    private boolean checkCertification(AuditRecord r, ScreeningDecided d) {
        var copy = d.getCertification();
        var registered = ctx.registries().officerAt(d.getOfficerId(), r.timestamp());
        if (registered == null) {
            finding(Rules.S1, "Officer " + d.getOfficerId() + " is not in the officer registry (screening.officers).", r);
            return false;
        }
        // the claimed and recorded times exactly; the broker's within the clock tolerance (it appends a moment later)
        boolean certified = registered.certificationId() != null && registered.certifiedAt(r.metadata().getOccurredAt())
                && registered.certifiedAt(r.recordedAt()) && !r.loggedAt().plus(ctx.tolerance()).isBefore(registered.validFrom())
                && r.loggedAt().minus(ctx.tolerance()).isBefore(registered.validUntil());
        if (!certified) {
            finding(Rules.S1, "Per the officer registry, " + d.getOfficerId() + " held no valid screening certification when the decision was logged"
                    + " (registry: " + registered.certificationId() + " " + registered.validFrom() + " – " + registered.validUntil() + ").", r);
            return false;
        }
        if (copy == null || !copy.getCertificationId().equals(registered.certificationId()) || !copy.getValidFrom().equals(registered.validFrom())
                || !copy.getValidUntil().equals(registered.validUntil())) {
            finding(Rules.S1, "The certification copied into the decision does not match officer " + d.getOfficerId() + "'s registry record.", r);
            return false;
        }
        return true;
    }

    private void onReviewRequested(AuditRecord r) {
        if (screening != Screening.REVIEW_WINDOW_OPEN) {
            illegal(r, "review requested while " + screening);
        } else if (windowClosesAt != null && !r.recordedAt().isBefore(windowClosesAt)) {
            finding(Rules.S4, "Review requested after the window closed at " + windowClosesAt + ".", r, decisionRef);
        }
        reviewPending = true;
        if (screening == Screening.REVIEW_WINDOW_OPEN) {
            screening = Screening.REVIEW_REQUESTED;
        }
    }

    private void onWaived(AuditRecord r) {
        String actor = r.metadata().getActor().getId();
        if (screening != Screening.REVIEW_WINDOW_OPEN) {
            illegal(r, "review waived while " + screening + " (only while the window is open)");
            return;
        }
        if (windowClosesAt != null && !r.recordedAt().isBefore(windowClosesAt)) {
            finding(Rules.S4, "Review waived after the window closed at " + windowClosesAt + ".", r, decisionRef);
            return;
        }
        if (!actor.equals(decider)) {
            finding(Rules.S4, "Review waived by " + actor + ", not by the deciding officer " + decider + ".", r, decisionRef);
            return;
        }
        waived = true;
        screening = Screening.CONCLUDING;
        expectedConclusion = ScreeningOutcome.NO_CREDIBLE_FEAR;
    }

    private void onReviewDecided(AuditRecord r, ReviewDecided d) {
        if (screening != Screening.REVIEW_REQUESTED) {
            illegal(r, "review decided while " + screening + (reviewUpheld != null ? " (a review decision is never replaced)" : ""));
            return;
        }
        String actor = r.metadata().getActor().getId();
        if (r.metadata().getActor().getRole() != Role.SUPERVISOR || !actor.equals(d.getSupervisorId())) {
            finding(Rules.S4, "Review decided by " + actor + " (" + r.metadata().getActor().getRole() + ") for " + d.getSupervisorId()
                    + "; only a supervisor decides a review, as themself.", r);
        }
        if (d.getSupervisorId().equals(decider) || actor.equals(decider)) {
            finding(Rules.S4, "The review was decided by the deciding officer " + decider + ".", r, decisionRef);
        }
        reviewPending = false;
        reviewUpheld = d.getResult() == ReviewResult.UPHELD;
        reviewDecidedAt = r.recordedAt();
        screening = Screening.CONCLUDING;
        expectedConclusion = reviewUpheld ? ScreeningOutcome.NO_CREDIBLE_FEAR : ScreeningOutcome.CREDIBLE_FEAR;
    }

    private void onConcluded(AuditRecord r, ScreeningConcluded c) {
        if (concludedAt == null) {
            concludedAt = r.loggedAt();
        }
        switch (screening) {
            case CONCLUDING, PROTECTION_REFERRED -> { }
            case REVIEW_WINDOW_OPEN -> {
                expectedConclusion = ScreeningOutcome.NO_CREDIBLE_FEAR;
                if (windowClosesAt != null && r.recordedAt().isBefore(windowClosesAt)) {
                    finding(Rules.S4, "Screening concluded at " + r.recordedAt() + ", before the review window closed at " + windowClosesAt
                            + ", with no waiver or review.", r, decisionRef);
                }
            }
            default -> {
                illegal(r, "concluded while " + screening);
                expectedConclusion = c.getOutcome();
            }
        }
        if (expectedConclusion != null && c.getOutcome() != expectedConclusion) {
            finding(Rules.S1, "Screening concluded " + c.getOutcome() + " where the recorded decisions lead to " + expectedConclusion + ".", r,
                    decisionRef);
        }
        boolean mayBeEligible = (c.getOutcome() == ScreeningOutcome.NO_CREDIBLE_FEAR || c.getOutcome() == ScreeningOutcome.VOLUNTARY_RETURN)
                && !protectedCase;
        if (c.getEligibleForRemoval() && !mayBeEligible) {
            finding(protectedCase ? Rules.S2 : Rules.S1, "Concluded eligible for removal with outcome " + c.getOutcome()
                    + (protectedCase ? " for a protected case" : "") + ".", r);
        }
        concludedOutcome = c.getOutcome();
        concludedEligible = c.getEligibleForRemoval();
        screening = screening == Screening.PROTECTION_REFERRED ? Screening.PROTECTION_REFERRED : Screening.FINAL;
        expectedConclusion = null;
    }

    // ---- removal ----

    private void onEligible(AuditRecord r, RemovalEligible e) {
        if (removal == Removal.EXECUTED || removal == Removal.STAYED || removal == Removal.CANCELLED) {
            illegal(r, "made eligible for removal again after it was " + removal);
        }
        release(r);
        removal = Removal.ELIGIBLE;
    }

    private void onScheduled(AuditRecord r, RemovalScheduled s) {
        if (scheduledAt == null) {
            scheduledAt = r.loggedAt();
        }
        if (removal == Removal.SCHEDULED) {
            finding(Rules.S6, "Scheduled again (flight " + s.getFlightId() + ") while still holding seat " + schedule.getSeat() + " on "
                    + schedule.getFlightId() + ".", r, scheduledRef);
            release(r);
        } else if (removal != Removal.ELIGIBLE) {
            illegal(r, "scheduled while " + removal + " (only an eligible case is scheduled)");
        }
        checkRemoval(r, "scheduled", Optional.ofNullable(country(r, s.getDestination(), "destination")), s.getDepartureAt());
        var versions = ctx.registries().flight(s.getFlightId());
        if (versions.isEmpty()) {
            finding(Rules.FLIGHT_MISMATCH, "Scheduled on flight " + s.getFlightId() + ", which removal.flights never recorded.", r);
        } else {
            for (var v : versions) {
                if (!s.getDestination().equals(v.destination()) || !s.getDepartureAt().equals(v.departureAt())) {
                    finding(Rules.FLIGHT_MISMATCH, "The schedule says " + s.getDestination() + " at " + s.getDepartureAt() + "; the flight record of "
                            + s.getFlightId() + " says " + v.destination() + " at " + v.departureAt() + ".", r, v.ref());
                    break;
                }
            }
            var flight = versions.getLast();
            checkRemoval(r, "scheduled (per the flight record)", Optional.ofNullable(country(r, flight.destination(), "flight destination")),
                    flight.departureAt());
            if (s.getSeat() < 1 || s.getSeat() > flight.seats()) {
                finding(Rules.S6, "Seat " + s.getSeat() + " does not exist on flight " + s.getFlightId() + " (" + flight.seats() + " seats).", r, flight.ref());
            }
        }
        schedule = s;
        scheduledRef = r.ref();
        hold = ctx.seats().hold(s.getFlightId(), s.getSeat(), caseId, r.recordedAt().toEpochMilli(), r.ref());
        removal = Removal.SCHEDULED;
    }

    private void onExecuted(AuditRecord r, RemovalExecuted x) {
        if (executedAt == null) {
            executedAt = r.loggedAt();
        }
        executions++;
        if (executions > 1) {
            finding(Rules.S6, "The person was removed a second time (flight " + x.getFlightId() + ").", r);
        } else if (removal != Removal.SCHEDULED) {
            illegal(r, "carried out while " + removal + " (only a scheduled removal is carried out)");
        }
        if (schedule != null && !x.getFlightId().equals(schedule.getFlightId())) {
            finding(Rules.FLIGHT_MISMATCH, "Carried out on flight " + x.getFlightId() + " but scheduled on " + schedule.getFlightId() + ".", r,
                    scheduledRef);
        }
        var versions = ctx.registries().flight(x.getFlightId());
        if (versions.isEmpty()) {
            finding(Rules.FLIGHT_MISMATCH, "Carried out on flight " + x.getFlightId() + ", which removal.flights never recorded.", r);
            checkRemoval(r, "carried out", Optional.empty(), x.getDepartedAt());
        } else {
            var flight = versions.getLast();
            if (flight.status() != FlightStatus.DEPARTED) {
                finding(Rules.FLIGHT_MISMATCH, "Carried out on flight " + x.getFlightId() + ", whose record says " + flight.status() + ".", r, flight.ref());
            }
            checkRemoval(r, "carried out", Optional.ofNullable(country(r, flight.destination(), "flight destination")), x.getDepartedAt());
        }
        removal = Removal.EXECUTED;
        hold = null; // they flew: the seat stays theirs
    }

    private void onWithdrawn(AuditRecord r, Removal to) {
        if (removal == Removal.EXECUTED) {
            illegal(r, to + " after the removal was carried out");
        } else if (removal == Removal.STAYED || (removal == Removal.CANCELLED && to == Removal.CANCELLED)) {
            illegal(r, to + " while already " + removal);
        }
        release(r);
        if (removal != Removal.EXECUTED) {
            removal = to;
        }
    }

    private void release(AuditRecord r) {
        if (hold != null) {
            hold.until = r.recordedAt().toEpochMilli();
            hold = null;
        }
    }

    /**
     * A removal (scheduled or carried out) checked against S1–S4, from the facts this ledger holds: a
     * standing negative (or voluntary-return) decision by an officer certified at the time; not protected; a
     * destination that is the nationality or a lawful residence and not feared; no departure before the
     * review window is over (waived by the decider, upheld on review, or closed) and no review pending.
     */
    private void checkRemoval(AuditRecord r, String what, Optional<CountryCode> destination, Instant departs) {
        if (protectedCase) {
            finding(Rules.S2, "A protected case (unaccompanied minor, trafficking or protection referral) was " + what + " for removal.", r);
        }
        if (decisionRef == null) {
            finding(Rules.S1, "Removal " + what + " without any screening decision.", r);
            return;
        }
        boolean negative = decided == ScreeningOutcome.NO_CREDIBLE_FEAR && !Boolean.FALSE.equals(reviewUpheld);
        if (!(negative || decided == ScreeningOutcome.VOLUNTARY_RETURN)) {
            finding(Rules.S1, "Removal " + what + " but the standing decision is " + decided + (Boolean.FALSE.equals(reviewUpheld) ? " (overturned)" : "")
                    + ".", r, decisionRef);
        }
        if (!certifiedDecision) {
            finding(Rules.S1, "Removal " + what + " on a decision by an officer who was not certified when it was made.", r, decisionRef);
        }
        if (concludedOutcome == null || !concludedEligible) {
            finding(Rules.S1, "Removal " + what + " before screening concluded the case eligible for removal.", r, decisionRef);
        }
        destination.ifPresent(d -> {
            if (feared.contains(d)) {
                finding(Rules.S3, "Removal " + what + " to " + d + ", a country the person named as feared.", r);
            } else if (!d.equals(nationality) && !residence.contains(d)) {
                finding(Rules.S3, "Removal " + what + " to " + d + ", which is neither the nationality (" + nationality + ") nor a lawful residence.", r);
            }
        });
        if (decided == ScreeningOutcome.NO_CREDIBLE_FEAR) {
            if (reviewPending) {
                finding(Rules.S4, "Removal " + what + " while a review request was pending.", r, decisionRef);
            }
            Instant earliest = waived ? null : Boolean.TRUE.equals(reviewUpheld) ? reviewDecidedAt : windowClosesAt;
            if (earliest != null && departs != null && departs.isBefore(earliest)) {
                finding(Rules.S4, "Departure at " + departs + " is before the review window was over at " + earliest + ".", r, decisionRef);
            }
        }
    }

    // ---- S5 and helpers ----

    /** S5: who and why on every event; the role fits the event. */
    private void checkActor(AuditRecord r) {
        var md = r.metadata();
        if (md.getActor().getId().isBlank()) {
            finding(Rules.S5, "The event records no actor.", r);
            return;
        }
        if (md.getCausationId() == null || md.getCausationId().isBlank() || md.getCausationId().equals(md.getEventId())) {
            finding(Rules.S5, "The event records no cause (or names itself as its cause).", r);
        }
        Role role = md.getActor().getRole();
        boolean allowed = switch (r.payload()) {
            // the actor of a case is the station whose signature intake verified: the one the encounter names
            case CaseOpened o -> role == Role.FIELD_OFFICE && md.getActor().getId().equals(o.getEncounter().getStationCode());
            case OfficerAssigned a -> role == Role.SUPERVISOR;
            case InterviewRecorded i -> role == Role.SCREENING_OFFICER || role == Role.SUPERVISOR;
            case ScreeningDecided d -> role == Role.SCREENING_OFFICER || role == Role.SUPERVISOR;
            case ReviewRequested q -> role == Role.SCREENING_OFFICER || role == Role.SUPERVISOR;
            case ReviewWaived w -> role == Role.SCREENING_OFFICER || role == Role.SUPERVISOR;
            case ReviewDecided d -> role == Role.SUPERVISOR;
            case ScreeningQueued q -> role == Role.SYSTEM;
            case RemovalExecuted x -> role == Role.REMOVAL_OFFICER;
            default -> role != Role.AUDITOR;
        };
        if (!allowed) {
            finding(Rules.S5, r.type() + " recorded for " + md.getActor().getId() + " acting as " + role + ", who may not record it.", r);
        }
    }

    private CountryCode country(AuditRecord r, String raw, String what) {
        Optional<CountryCode> code = CountryCode.parse(raw);
        if (code.isEmpty()) {
            finding(Rules.MALFORMED_RECORD, "The " + what + " '" + raw + "' is not an ISO 3166-1 alpha-3 code.", r);
            return null;
        }
        if (!code.get().alpha3().equals(raw)) {
            finding(Rules.MALFORMED_RECORD, "The " + what + " '" + raw + "' is not in normal form (" + code.get() + "); compared as " + code.get() + ".", r);
        }
        return code.get();
    }

    private static void add(Set<CountryCode> set, CountryCode code) {
        if (code != null) {
            set.add(code);
        }
    }

    private void expect(AuditRecord r, boolean legal, String why, Runnable apply) {
        if (!legal) {
            illegal(r, why);
            return;
        }
        apply.run();
    }

    private void illegal(AuditRecord r, String what) {
        finding(Rules.ILLEGAL_TRANSITION, r.type() + ": " + what + ".", r);
    }

    private void finding(String rule, String message, AuditRecord r, AuditRecord.Ref... evidence) {
        ctx.findings().add(rule, caseId, message, r, evidence);
    }

    // ---- what the report shows ----

    /** Settled: nothing more is expected of this case. */
    boolean settled() {
        return (screening == Screening.FINAL && !concludedEligible) || screening == Screening.PROTECTION_REFERRED
                || removal == Removal.EXECUTED || removal == Removal.STAYED || removal == Removal.CANCELLED || removal == Removal.BLOCKED;
    }

    AuditRecord.Ref lastRef() {
        return lastRef;
    }

    Instant lastLoggedAt() {
        return lastLoggedAt;
    }

    String caseId() {
        return caseId;
    }

    String screeningState() {
        return screening.name();
    }

    String screeningOutcome() {
        return concludedOutcome == null ? null : concludedOutcome.name();
    }

    String removalState() {
        return removal == Removal.NOT_ELIGIBLE ? null : removal.name();
    }

    List<AuditRecord> timeline() {
        return timeline == null ? List.of() : timeline;
    }

    Map<String, Duration> stages() {
        Map<String, Duration> stages = new LinkedHashMap<>();
        between(stages, "opened->decided", openedAt, decidedAt);
        between(stages, "decided->concluded", decidedAt, concludedAt);
        between(stages, "concluded->scheduled", concludedAt, scheduledAt);
        between(stages, "scheduled->executed", scheduledAt, executedAt);
        return stages;
    }

    private static void between(Map<String, Duration> stages, String name, Instant a, Instant b) {
        if (a != null && b != null) {
            stages.put(name, Duration.between(a, b));
        }
    }
}
