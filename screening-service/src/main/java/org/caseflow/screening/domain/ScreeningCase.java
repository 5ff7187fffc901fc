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
                            Decision decision, ReviewWindow window, boolean reviewWaived, Outcome finalOutcome,
                            boolean eligibleForRemoval, List<HistoryEntry> history) {

    public ScreeningCase {
        history = history == null ? List.of() : List.copyOf(history);
    }

    public record Interview(String officerId, String language, boolean interpreterUsed, boolean fearArticulated,
                            List<String> fearedCountries, Instant at) {
    }

    public record Decision(String officerId, Certification certification, Outcome outcome, String rationale, Instant at) {
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
        h.add(new HistoryEntry(e.getClass().getSimpleName(), e.at(), e.actor().id(), e.actor().role().name()));
        return switch (e) {
            case Event.Queued q -> new ScreeningCase(caseId, Status.AWAITING_SCREENING, q.facts(), null, null, null, null, false, null, false, h);
            case Event.Assigned a -> new ScreeningCase(caseId, Status.ASSIGNED, facts, a.officerId(), interview, decision, window, reviewWaived,
                    finalOutcome, eligibleForRemoval, h);
            case Event.InterviewRecorded i -> new ScreeningCase(caseId, Status.INTERVIEWED, facts, assignedOfficer,
                    new Interview(i.actor().id(), i.language(), i.interpreterUsed(), i.fearArticulated(), i.fearedCountries(), i.at()),
                    decision, window, reviewWaived, finalOutcome, eligibleForRemoval, h);
            case Event.Decided d -> new ScreeningCase(caseId, d.outcome() == Outcome.NO_CREDIBLE_FEAR ? Status.REVIEW_WINDOW_OPEN : status,
                    facts, assignedOfficer, interview, new Decision(d.actor().id(), d.certification(), d.outcome(), d.rationale(), d.at()),
                    d.window(), reviewWaived, finalOutcome, eligibleForRemoval, h);
            case Event.ReviewRequested r -> new ScreeningCase(caseId, Status.REVIEW_REQUESTED, facts, assignedOfficer, interview, decision,
                    window, reviewWaived, finalOutcome, eligibleForRemoval, h);
            case Event.ReviewDecided r -> new ScreeningCase(caseId, status, facts, assignedOfficer, interview, decision, window,
                    reviewWaived, finalOutcome, eligibleForRemoval, h);
            case Event.ReviewWaived w -> new ScreeningCase(caseId, status, facts, assignedOfficer, interview, decision, window, true,
                    finalOutcome, eligibleForRemoval, h);
            case Event.ProtectionReferred p -> new ScreeningCase(caseId, Status.PROTECTION_REFERRED, p.facts() != null ? p.facts() : facts,
                    assignedOfficer, interview, decision, window, reviewWaived, Outcome.PROTECTION_REFERRAL, false, h);
            case Event.Concluded c -> new ScreeningCase(caseId, status == Status.PROTECTION_REFERRED ? status : Status.FINAL, facts,
                    assignedOfficer, interview, decision, window, reviewWaived, c.outcome(), c.eligibleForRemoval(), h);
        };
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
