package org.caseflow.screening.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.caseflow.screening.domain.Verdict.Kind;

/**
 * The screening rules as functions of (case state, command, officers, time). They make illegal decisions
 * impossible: no decision without an interview, by an officer without a valid certification at that
 * moment, without a shared language or an interpreter; a protected case never gets one (S1, S2); a
 * negative decision opens a review window that holds removal (S4).
 */
public final class ScreeningPolicy {

    private static final Set<Actor.Role> OFFICERS = EnumSet.of(Actor.Role.SCREENING_OFFICER, Actor.Role.SUPERVISOR);
    private static final Set<Actor.Role> SUPERVISORS = EnumSet.of(Actor.Role.SUPERVISOR);

    private final Duration reviewWindow;

    public ScreeningPolicy(Duration reviewWindow) {
        this.reviewWindow = reviewWindow;
    }

    public Duration reviewWindow() {
        return reviewWindow;
    }

    /** A new case arrives from intake: queued, or referred to protection at once (S2). */
    public List<Event> onCaseOpened(IntakeFacts facts, Actor actor, Instant now) {
        if (facts.protectionRequired()) {
            return List.of(new Event.ProtectionReferred(now, actor, protectionReasons(facts), facts),
                    new Event.Concluded(now, actor, ScreeningOutcome.PROTECTION_REFERRAL, false));
        }
        return List.of(new Event.Queued(now, actor, facts));
    }

    /** Intake amended the flags: a case that now needs protection leaves the removal track (S2). */
    public List<Event> onFactsAmended(ScreeningCase c, IntakeFacts amended, Actor actor, Instant now) {
        if (!c.exists() || c.status() == Status.PROTECTION_REFERRED || !amended.protectionRequired()) {
            return List.of();
        }
        return List.of(new Event.ProtectionReferred(now, actor, protectionReasons(amended), amended),
                new Event.Concluded(now, actor, ScreeningOutcome.PROTECTION_REFERRAL, false));
    }

    /** The review window closes on time: the negative decision becomes final and removal may follow. */
    public List<Event> closeWindowIfDue(ScreeningCase c, Instant now) {
        if (c.status() == Status.REVIEW_WINDOW_OPEN && !now.isBefore(c.window().closesAt())) {
            return List.of(new Event.Concluded(now, Actor.SYSTEM, ScreeningOutcome.NO_CREDIBLE_FEAR, true));
        }
        return List.of();
    }

    public Verdict handle(ScreeningCase c, Command command, Function<String, Officer> officers, Instant now) {
        if (c == null || !c.exists()) {
            return refused(Kind.NOT_FOUND, "CASE_NOT_FOUND", "No case " + (c == null ? "" : c.caseId()) + " is known to screening.");
        }
        if (c.status() == Status.PROTECTION_REFERRED) {
            return refused(Kind.CONFLICT, "S2_PROTECTION_FIRST", "The case was referred to protection; it is not screened for removal.");
        }
        return switch (command) {
            case Command.Assign a -> assign(c, a, officers, now);
            case Command.RecordInterview i -> interview(c, i, now);
            case Command.Decide d -> decide(c, d, officers, now);
            case Command.RequestReview r -> requestReview(c, r, now);
            case Command.DecideReview r -> decideReview(c, r, officers, now);
            case Command.WaiveReview w -> waiveReview(c, w, now);
        };
    }

    private Verdict assign(ScreeningCase c, Command.Assign a, Function<String, Officer> officers, Instant now) {
        if (!SUPERVISORS.contains(a.actor().role())) {
            return roleNotAllowed("assign cases", "a supervisor");
        }
        if (c.status() != Status.AWAITING_SCREENING && c.status() != Status.ASSIGNED) {
            return wrongState(c, "assign it", "awaiting screening or assigned");
        }
        Officer officer = officers.apply(a.officerId());
        if (officer == null) {
            return refused(Kind.UNPROCESSABLE, "OFFICER_UNKNOWN", "Officer " + a.officerId() + " is not registered.");
        }
        if (officer.certification() == null || !officer.certification().validAt(now)) {
            return refused(Kind.UNPROCESSABLE, "CERTIFICATION_INVALID", "Officer " + a.officerId() + " holds no valid screening certification.");
        }
        return accepted(new Event.Assigned(now, a.actor(), a.officerId()));
    }

    private Verdict interview(ScreeningCase c, Command.RecordInterview i, Instant now) {
        if (!OFFICERS.contains(i.actor().role())) {
            return roleNotAllowed("record interviews", "a screening officer");
        }
        if (c.status() != Status.ASSIGNED) {
            return wrongState(c, "record an interview", "assigned to an officer");
        }
        if (!i.actor().id().equals(c.assignedOfficer())) {
            return refused(Kind.UNPROCESSABLE, "NOT_ASSIGNED_OFFICER", "Only the assigned officer (" + c.assignedOfficer() + ") interviews this case.");
        }
        if (i.language() == null || i.language().isBlank()) {
            return refused(Kind.UNPROCESSABLE, "LANGUAGE_REQUIRED", "Record the language of the interview.");
        }
        return accepted(new Event.InterviewRecorded(now, i.actor(), i.language(), i.interpreterUsed(), i.fearArticulated(), i.fearedCountries()));
    }

    /** What a decision is judged on: the case, the command, the deciding officer as registered (or null), the time. */
    public record DecisionFacts(ScreeningCase c, Command.Decide command, Officer officer, Instant now) {
    }

    /** One named rule of a decision: empty when it holds, else the refusal that names it. */
    public record DecisionRule(String name, Function<DecisionFacts, Optional<Verdict.Refused>> check) {
    }

    /** Every rule a decision must pass, in the order applied; the first that fails refuses it. */
    public static final List<DecisionRule> DECISION_RULES = List.of(
            new DecisionRule("an officer decides", f -> OFFICERS.contains(f.command().actor().role()) ? Optional.empty()
                    : Optional.of(roleNotAllowed("decide screenings", "a screening officer"))),
            new DecisionRule("an interview was recorded", f -> f.c().status() == Status.AWAITING_SCREENING || f.c().status() == Status.ASSIGNED
                    ? Optional.of(refused(Kind.CONFLICT, "INTERVIEW_REQUIRED", "A decision needs a recorded interview; the case is " + f.c().status() + "."))
                    : Optional.empty()),
            new DecisionRule("not decided yet", f -> f.c().status() == Status.INTERVIEWED ? Optional.empty()
                    : Optional.of(wrongState(f.c(), "decide it", "interviewed and not yet decided"))),
            new DecisionRule("the assigned officer decides", f -> f.command().actor().id().equals(f.c().assignedOfficer()) ? Optional.empty()
                    : Optional.of(refused(Kind.UNPROCESSABLE, "NOT_ASSIGNED_OFFICER",
                            "Only the assigned officer (" + f.c().assignedOfficer() + ") decides this case."))),
            new DecisionRule("S1: the decider is certified now", f -> f.officer() != null && f.officer().certification() != null
                    && f.officer().certification().validAt(f.now()) ? Optional.empty()
                    : Optional.of(refused(Kind.UNPROCESSABLE, "CERTIFICATION_INVALID",
                            "S1: the deciding officer must hold a valid screening certification at the time of the decision."))),
            new DecisionRule("a language both understood", ScreeningPolicy::noSharedLanguage),
            new DecisionRule("a rationale", f -> f.command().rationale() == null || f.command().rationale().isBlank()
                    ? Optional.of(refused(Kind.UNPROCESSABLE, "RATIONALE_REQUIRED", "A decision needs a rationale.")) : Optional.empty()),
            new DecisionRule("S2: protection first", f -> f.command().outcome() == ScreeningOutcome.NO_CREDIBLE_FEAR && f.c().facts().protectionRequired()
                    ? Optional.of(refused(Kind.UNPROCESSABLE, "S2_PROTECTION_FIRST", "A protected case can never get NO_CREDIBLE_FEAR."))
                    : Optional.empty()));

    private static Optional<Verdict.Refused> noSharedLanguage(DecisionFacts f) {
        var interview = f.c().interview();
        boolean shared = f.officer().languages().contains(interview.language()) && f.c().facts().languages().contains(interview.language());
        return interview.interpreterUsed() || shared ? Optional.empty() : Optional.of(refused(Kind.UNPROCESSABLE, "NO_SHARED_LANGUAGE",
                "The interview in '" + interview.language() + "' had no interpreter and is not a language both officer and person speak."));
    }

    private Verdict decide(ScreeningCase c, Command.Decide d, Function<String, Officer> officers, Instant now) {
        Officer officer = officers.apply(d.actor().id());
        DecisionFacts facts = new DecisionFacts(c, d, officer, now);
        for (DecisionRule rule : DECISION_RULES) {
            Optional<Verdict.Refused> refusal = rule.check().apply(facts);
            if (refusal.isPresent()) {
                return refusal.get();
            }
        }
        ReviewWindow window = d.outcome() == ScreeningOutcome.NO_CREDIBLE_FEAR ? new ReviewWindow(now, now.plus(reviewWindow)) : null;
        List<Event> events = new ArrayList<>();
        events.add(new Event.Decided(now, d.actor(), officer.certification(), d.outcome(), d.rationale(), window));
        switch (d.outcome()) {
            case NO_CREDIBLE_FEAR -> { }
            case CREDIBLE_FEAR -> events.add(new Event.Concluded(now, d.actor(), ScreeningOutcome.CREDIBLE_FEAR, false));
            case VOLUNTARY_RETURN -> events.add(new Event.Concluded(now, d.actor(), ScreeningOutcome.VOLUNTARY_RETURN, true));
            case PROTECTION_REFERRAL -> {
                events.add(new Event.ProtectionReferred(now, d.actor(), protectionReasons(c.facts()), null));
                events.add(new Event.Concluded(now, d.actor(), ScreeningOutcome.PROTECTION_REFERRAL, false));
            }
        }
        return new Verdict.Accepted(events);
    }

    private Verdict requestReview(ScreeningCase c, Command.RequestReview r, Instant now) {
        if (!OFFICERS.contains(r.actor().role())) {
            return roleNotAllowed("record review requests", "a screening officer");
        }
        if (c.status() != Status.REVIEW_WINDOW_OPEN) {
            return wrongState(c, "request a review", "in its review window");
        }
        if (!now.isBefore(c.window().closesAt())) {
            return refused(Kind.CONFLICT, "REVIEW_WINDOW_CLOSED", "The review window closed at " + c.window().closesAt() + ".");
        }
        if (r.reason() == null || r.reason().isBlank()) {
            return refused(Kind.UNPROCESSABLE, "REASON_REQUIRED", "A review request needs a reason.");
        }
        return accepted(new Event.ReviewRequested(now, r.actor(), r.reason()));
    }

    private Verdict decideReview(ScreeningCase c, Command.DecideReview r, Function<String, Officer> officers, Instant now) {
        if (!SUPERVISORS.contains(r.actor().role())) {
            return roleNotAllowed("decide reviews", "a supervisor");
        }
        if (c.status() != Status.REVIEW_REQUESTED) {
            return wrongState(c, "decide a review", "under review");
        }
        if (r.actor().id().equals(c.decision().officerId())) {
            return refused(Kind.UNPROCESSABLE, "REVIEWER_IS_DECIDER", "A review is decided by someone other than the deciding officer.");
        }
        Officer supervisor = officers.apply(r.actor().id());
        if (supervisor == null || supervisor.certification() == null || !supervisor.certification().validAt(now)) {
            return refused(Kind.UNPROCESSABLE, "CERTIFICATION_INVALID", "The reviewing supervisor must hold a valid screening certification.");
        }
        if (r.rationale() == null || r.rationale().isBlank()) {
            return refused(Kind.UNPROCESSABLE, "RATIONALE_REQUIRED", "A review decision needs a rationale.");
        }
        ScreeningOutcome outcome = r.upheld() ? ScreeningOutcome.NO_CREDIBLE_FEAR : ScreeningOutcome.CREDIBLE_FEAR;
        return new Verdict.Accepted(List.of(new Event.ReviewDecided(now, r.actor(), r.upheld(), r.rationale()),
                new Event.Concluded(now, r.actor(), outcome, r.upheld())));
    }

    private Verdict waiveReview(ScreeningCase c, Command.WaiveReview w, Instant now) {
        if (!OFFICERS.contains(w.actor().role())) {
            return roleNotAllowed("record a waiver", "a screening officer");
        }
        if (c.status() != Status.REVIEW_WINDOW_OPEN) {
            return wrongState(c, "waive review", "in its review window");
        }
        if (w.reason() == null || w.reason().isBlank()) {
            return refused(Kind.UNPROCESSABLE, "REASON_REQUIRED", "A waiver records why.");
        }
        return new Verdict.Accepted(List.of(new Event.ReviewWaived(now, w.actor(), w.reason()),
                new Event.Concluded(now, w.actor(), ScreeningOutcome.NO_CREDIBLE_FEAR, true)));
    }

    private static List<Event.ProtectionReason> protectionReasons(IntakeFacts facts) {
        List<Event.ProtectionReason> reasons = new ArrayList<>();
        if (facts.unaccompaniedMinor()) {
            reasons.add(Event.ProtectionReason.UNACCOMPANIED_MINOR);
        }
        if (facts.trafficking()) {
            reasons.add(Event.ProtectionReason.TRAFFICKING);
        }
        return reasons;
    }

    private static Verdict accepted(Event event) {
        return new Verdict.Accepted(List.of(event));
    }

    private static Verdict.Refused refused(Kind kind, String rule, String detail) {
        return new Verdict.Refused(kind, rule, detail);
    }

    private static Verdict.Refused roleNotAllowed(String what, String who) {
        return refused(Kind.UNPROCESSABLE, "ROLE_NOT_ALLOWED", "Only " + who + " may " + what + ".");
    }

    private static Verdict.Refused wrongState(ScreeningCase c, String what, String needed) {
        return refused(Kind.CONFLICT, "WRONG_STATE", "Cannot " + what + ": the case is " + c.status() + ", it must be " + needed + ".");
    }
}
