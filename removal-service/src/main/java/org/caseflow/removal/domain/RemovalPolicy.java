package org.caseflow.removal.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.caseflow.vocabulary.CountryCode;
import org.caseflow.vocabulary.Safeguard;

/**
 * Removal's own check of S1–S4, from the facts it holds, whatever screening concluded: a removal is
 * allowed only if every safeguard holds.
 */
public final class RemovalPolicy {

    /** The outcome of the check: eligible for a destination from a moment on, or blocked by a safeguard. */
    public sealed interface Assessment {
        record Eligible(String destination, Instant notBefore) implements Assessment {
        }

        record Blocked(Safeguard safeguard, String reason) implements Assessment {
        }
    }

    private RemovalPolicy() {
    }

    public static Assessment assess(RemovalCase c, Instant now) {
        // S2 first: a protected person is never removed, whatever else holds
        if (c.protectionReferred() || (c.intake() != null && (c.intake().unaccompaniedMinor() || c.intake().trafficking()))) {
            return new Assessment.Blocked(Safeguard.S2_PROTECTION_FIRST, "The case is flagged for protection (unaccompanied minor or trafficking).");
        }
        RemovalCase.Decision d = c.decision();
        boolean voluntary = d != null && "VOLUNTARY_RETURN".equals(d.outcome());
        boolean negative = d != null && "NO_CREDIBLE_FEAR".equals(d.outcome()) && !Boolean.FALSE.equals(c.reviewUpheld());
        if (d == null || !(voluntary || negative)) {
            return new Assessment.Blocked(Safeguard.S1_SCREENED_BEFORE_REMOVED,
                    "No screening decision of NO_CREDIBLE_FEAR (or a voluntary return) stands for this case.");
        }
        if (!d.certifiedAtDecision()) {
            return new Assessment.Blocked(Safeguard.S1_SCREENED_BEFORE_REMOVED,
                    "The deciding officer held no valid screening certification at the time of the decision.");
        }
        if (c.intake() == null) {
            return new Assessment.Blocked(Safeguard.S3_NON_REFOULEMENT, "No intake record: nationality and lawful residence are unknown.");
        }
        Optional<String> destination = destination(c.intake(), c.fearedCountries());
        if (destination.isEmpty()) {
            return new Assessment.Blocked(Safeguard.S3_NON_REFOULEMENT,
                    "No country of nationality or lawful residence is free of the countries the person named as feared (or one of those is unreadable).");
        }
        Instant notBefore = d.decidedAt();
        if (negative) {
            if (c.reviewRequested() && c.reviewUpheld() == null) {
                return new Assessment.Blocked(Safeguard.S4_REVIEW_WINDOW, "A review was requested and is not decided.");
            }
            boolean windowOver = c.reviewWaived() || c.reviewUpheld() != null
                    || (c.reviewWindowClosesAt() != null && !now.isBefore(c.reviewWindowClosesAt()));
            if (!windowOver) {
                return new Assessment.Blocked(Safeguard.S4_REVIEW_WINDOW, "The review window is still open until " + c.reviewWindowClosesAt() + ".");
            }
            if (!c.reviewWaived()) {
                // the later of what removal saw and what screening reported: never earlier than either
                notBefore = latest(notBefore, c.reviewUpheld() == null ? c.reviewWindowClosesAt() : null,
                        c.concluded() == null ? null : c.concluded().reviewWindowClosedAt(),
                        c.reviewUpheld() != null && c.concluded() != null ? c.concluded().at() : null);
            }
        }
        return new Assessment.Eligible(destination.get(), notBefore);
    }

    private static Instant latest(Instant first, Instant... others) {
        Instant latest = first;
        for (Instant other : others) {
            if (other != null && other.isAfter(latest)) {
                latest = other;
            }
        }
        return latest;
    }

    /**
     * S3: the nationality if not feared, else the first country of lawful residence not feared. Countries are
     * compared as {@link CountryCode}s, never as strings ({@code ven} is VEN); a feared country that is not a
     * country code at all leaves no destination (fail closed: we cannot know which country it names).
     */
    static Optional<String> destination(RemovalCase.Intake intake, Set<String> feared) {
        Optional<Set<CountryCode>> fearedCodes = CountryCode.allOf(feared);
        if (fearedCodes.isEmpty()) {
            return Optional.empty();
        }
        List<String> candidates = new ArrayList<>();
        candidates.add(intake.nationality());
        candidates.addAll(intake.lawfulResidenceCountries());
        return candidates.stream().map(CountryCode::parse).flatMap(Optional::stream).filter(c -> !fearedCodes.get().contains(c)).findFirst()
                .map(CountryCode::alpha3);
    }
}
