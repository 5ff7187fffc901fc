package org.caseflow.screening.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.caseflow.vocabulary.CountryCode;

/**
 * A case's screening state: the fold of its events ({@link #apply}). The service keeps it in a state
 * store; the audit replay rebuilds it from the log with the same fold.
 */
public record ScreeningCase(String caseId, Status status, IntakeFacts facts, String assignedOfficer, Interview interview,
                            Decision decision, ReviewWindow window, boolean reviewWaived, ScreeningOutcome finalOutcome,
                            boolean eligibleForRemoval, List<HistoryEntry> history) {

    public ScreeningCase {
        history = history == null ? List.of() : List.copyOf(history);
    }

    public record Interview(String officerId, String language, boolean interpreterUsed, boolean fearArticulated,
                            List<String> fearedCountries, Instant at) {
    }

    public record Decision(String officerId, Certification certification, ScreeningOutcome outcome, String rationale, Instant at) {
    }

    /** One line of the case's screening history: what, when, by whom. */
    public record HistoryEntry(String event, Instant at, String actorId, String actorRole) {
    }

    public static ScreeningCase empty(String caseId) {
        return new ScreeningCase(caseId, null, null, null, null, null, null, false, null, false, List.of());
    }

    public boolean exists() {
        return status != null;
    }

    /** The state after {@code e}. */
    public ScreeningCase apply(Event e) {
        List<HistoryEntry> h = new ArrayList<>(history);
        h.add(new HistoryEntry(loggedAs(e), e.at(), e.actor().id(), e.actor().role().name()));
        return switch (e) {
            case Event.Queued q -> new ScreeningCase(caseId, Status.AWAITING_SCREENING, q.facts(), null, null, null, null, false, null, false, h);
            case Event.Assigned a -> with(c -> c.status(Status.ASSIGNED).assignedOfficer(a.officerId()).history(h));
            case Event.InterviewRecorded i -> with(c -> c.status(Status.INTERVIEWED).history(h).interview(
                    new Interview(i.actor().id(), i.language(), i.interpreterUsed(), i.fearArticulated(), i.fearedCountries(), i.at())));
            case Event.Decided d -> with(c -> c.status(d.outcome() == ScreeningOutcome.NO_CREDIBLE_FEAR ? Status.REVIEW_WINDOW_OPEN : status)
                    .decision(new Decision(d.actor().id(), d.certification(), d.outcome(), d.rationale(), d.at())).window(d.window()).history(h));
            case Event.ReviewRequested r -> with(c -> c.status(Status.REVIEW_REQUESTED).history(h));
            case Event.ReviewDecided r -> with(c -> c.history(h));
            case Event.ReviewWaived w -> with(c -> c.reviewWaived(true).history(h));
            case Event.ProtectionReferred p -> with(c -> c.status(Status.PROTECTION_REFERRED).facts(p.facts() != null ? p.facts() : facts)
                    .finalOutcome(ScreeningOutcome.PROTECTION_REFERRAL).eligibleForRemoval(false).history(h));
            case Event.Concluded k -> with(c -> c.status(status == Status.PROTECTION_REFERRED ? status : Status.FINAL).finalOutcome(k.outcome())
                    .eligibleForRemoval(k.eligibleForRemoval()).history(h));
        };
    }

    /** The event's name as the log (case.screening.events) and the audit name it, so every view uses one word for it. */
    static String loggedAs(Event e) {
        return switch (e) {
            case Event.Queued q -> "ScreeningQueued";
            case Event.Assigned a -> "OfficerAssigned";
            case Event.InterviewRecorded i -> "InterviewRecorded";
            case Event.Decided d -> "ScreeningDecided";
            case Event.ReviewRequested r -> "ReviewRequested";
            case Event.ReviewDecided r -> "ReviewDecided";
            case Event.ReviewWaived w -> "ReviewWaived";
            case Event.ProtectionReferred p -> "ProtectionReferred";
            case Event.Concluded c -> "ScreeningConcluded";
        };
    }

    /** A copy with some fields changed; every copy goes through {@link Copy}, so a new field is added in one place. */
    private ScreeningCase with(java.util.function.UnaryOperator<Copy> change) {
        return change.apply(new Copy(this)).build();
    }

    private static final class Copy {
        private final String caseId;
        private Status status;
        private IntakeFacts facts;
        private String assignedOfficer;
        private Interview interview;
        private Decision decision;
        private ReviewWindow window;
        private boolean reviewWaived;
        private ScreeningOutcome finalOutcome;
        private boolean eligibleForRemoval;
        private List<HistoryEntry> history;

        Copy(ScreeningCase c) {
            caseId = c.caseId;
            status = c.status;
            facts = c.facts;
            assignedOfficer = c.assignedOfficer;
            interview = c.interview;
            decision = c.decision;
            window = c.window;
            reviewWaived = c.reviewWaived;
            finalOutcome = c.finalOutcome;
            eligibleForRemoval = c.eligibleForRemoval;
            history = c.history;
        }

        Copy status(Status v) { status = v; return this; }
        Copy facts(IntakeFacts v) { facts = v; return this; }
        Copy assignedOfficer(String v) { assignedOfficer = v; return this; }
        Copy interview(Interview v) { interview = v; return this; }
        Copy decision(Decision v) { decision = v; return this; }
        Copy window(ReviewWindow v) { window = v; return this; }
        Copy reviewWaived(boolean v) { reviewWaived = v; return this; }
        Copy finalOutcome(ScreeningOutcome v) { finalOutcome = v; return this; }
        Copy eligibleForRemoval(boolean v) { eligibleForRemoval = v; return this; }
        Copy history(List<HistoryEntry> v) { history = v; return this; }

        ScreeningCase build() {
            return new ScreeningCase(caseId, status, facts, assignedOfficer, interview, decision, window, reviewWaived, finalOutcome,
                    eligibleForRemoval, history);
        }
    }

    /** Every country the person named as feared, at intake or in the interview (S3), normalised (a code that is not one is kept as given). */
    public List<String> fearedCountries() {
        Set<String> feared = new LinkedHashSet<>();
        (facts == null ? List.<String>of() : facts.fearedCountries()).forEach(c -> feared.add(normalised(c)));
        if (interview != null) {
            interview.fearedCountries().forEach(c -> feared.add(normalised(c)));
        }
        return List.copyOf(feared);
    }

    /**
     * Where a removal could go (S3): nationality and countries of lawful residence, never a feared one, compared as
     * {@link CountryCode}s; none at all if a feared country is unreadable (fail closed).
     */
    public List<String> destinationCandidates() {
        if (facts == null) {
            return List.of();
        }
        var feared = CountryCode.allOf(fearedCountries());
        if (feared.isEmpty()) {
            return List.of();
        }
        Set<String> candidates = new LinkedHashSet<>();
        java.util.stream.Stream.concat(java.util.stream.Stream.of(facts.nationality()), facts.lawfulResidenceCountries().stream())
                .map(CountryCode::parse).flatMap(java.util.Optional::stream).filter(c -> !feared.get().contains(c))
                .forEach(c -> candidates.add(c.alpha3()));
        return List.copyOf(candidates);
    }

    private static String normalised(String country) {
        return CountryCode.parse(country).map(CountryCode::alpha3).orElse(country);
    }
}
