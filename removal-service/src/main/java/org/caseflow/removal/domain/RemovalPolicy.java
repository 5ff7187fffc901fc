package org.caseflow.removal.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

import org.caseflow.vocabulary.CountryCode;
import org.caseflow.vocabulary.Safeguard;

/**
 * Removal's own check of S1–S4, from the facts it holds, whatever screening concluded: a removal is
 * allowed only if every check in {@link #CHECKS} holds.
 */
public final class RemovalPolicy {

    /** The outcome of the check: eligible for a destination from a moment on, or blocked by a safeguard. */
    public sealed interface Assessment {
        record Eligible(String destination, Instant notBefore) implements Assessment {
        }

        record Blocked(Safeguard safeguard, String reason) implements Assessment {
        }
    }

    /** One named check of one safeguard: empty when it holds for the case, else why not. */
    public record Check(String name, Safeguard safeguard, BiFunction<RemovalCase, Instant, Optional<String>> test) {
    }

    /**
     * Every check, in the order applied; the first that fails blocks the removal and names its safeguard. S2 comes
     * first: a protected person is never removed, whatever else holds.
     */
    public static final List<Check> CHECKS = List.of(
            new Check("protection first", Safeguard.S2_PROTECTION_FIRST, RemovalPolicy::protectionFlagged),
            new Check("a negative decision stands", Safeguard.S1_SCREENED_BEFORE_REMOVED, RemovalPolicy::noStandingDecision),
            new Check("the decider was certified", Safeguard.S1_SCREENED_BEFORE_REMOVED, RemovalPolicy::deciderNotCertified),
            new Check("intake facts are known", Safeguard.S3_NON_REFOULEMENT, RemovalPolicy::noIntakeFacts),
            new Check("a destination free of feared countries", Safeguard.S3_NON_REFOULEMENT, RemovalPolicy::noSafeDestination),
            new Check("no review pending", Safeguard.S4_REVIEW_WINDOW, RemovalPolicy::reviewPending),
            new Check("the review window is over", Safeguard.S4_REVIEW_WINDOW, RemovalPolicy::reviewWindowOpen));

    private RemovalPolicy() {
    }

    public static Assessment assess(RemovalCase c, Instant now) {
        for (Check check : CHECKS) {
            Optional<String> why = check.test().apply(c, now);
            if (why.isPresent()) {
                return new Assessment.Blocked(check.safeguard(), why.get());
            }
        }
        return new Assessment.Eligible(destination(c.intake(), c.fearedCountries()).orElseThrow(), notBefore(c));
    }

    private static Optional<String> protectionFlagged(RemovalCase c, Instant now) {
        boolean flagged = c.protectionReferred() || (c.intake() != null && (c.intake().unaccompaniedMinor() || c.intake().trafficking()));
        return flagged ? Optional.of("The case is flagged for protection (unaccompanied minor or trafficking).") : Optional.empty();
    }

    private static Optional<String> noStandingDecision(RemovalCase c, Instant now) {
        return voluntaryReturn(c) || negative(c) ? Optional.empty()
                : Optional.of("No screening decision of NO_CREDIBLE_FEAR (or a voluntary return) stands for this case.");
    }

    private static Optional<String> deciderNotCertified(RemovalCase c, Instant now) {
        return c.decision().certifiedAtDecision() ? Optional.empty()
                : Optional.of("The deciding officer held no valid screening certification at the time of the decision.");
    }

    private static Optional<String> noIntakeFacts(RemovalCase c, Instant now) {
        return c.intake() != null ? Optional.empty() : Optional.of("No intake record: nationality and lawful residence are unknown.");
    }

    private static Optional<String> noSafeDestination(RemovalCase c, Instant now) {
        return destination(c.intake(), c.fearedCountries()).isPresent() ? Optional.empty()
                : Optional.of("No country of nationality or lawful residence is free of the countries the person named as feared "
                        + "(or one of those is unreadable).");
    }

    private static Optional<String> reviewPending(RemovalCase c, Instant now) {
        return negative(c) && c.reviewRequested() && c.reviewUpheld() == null ? Optional.of("A review was requested and is not decided.")
                : Optional.empty();
    }

    private static Optional<String> reviewWindowOpen(RemovalCase c, Instant now) {
        if (!negative(c)) {
            return Optional.empty();
        }
        boolean over = c.reviewWaived() || c.reviewUpheld() != null || (c.reviewWindowClosesAt() != null && !now.isBefore(c.reviewWindowClosesAt()));
        return over ? Optional.empty() : Optional.of("The review window is still open until " + c.reviewWindowClosesAt() + ".");
    }

    /** A NO_CREDIBLE_FEAR decision that no review overturned. */
    private static boolean negative(RemovalCase c) {
        return c.decision() != null && "NO_CREDIBLE_FEAR".equals(c.decision().outcome()) && !Boolean.FALSE.equals(c.reviewUpheld());
    }

    private static boolean voluntaryReturn(RemovalCase c) {
        return c.decision() != null && "VOLUNTARY_RETURN".equals(c.decision().outcome());
    }

    /**
     * No departure before the decision, and after a negative decision not before its review window closed — the later of
     * what removal saw and what screening reported — unless review was waived.
     */
    private static Instant notBefore(RemovalCase c) {
        Instant notBefore = c.decision().decidedAt();
        if (negative(c) && !c.reviewWaived()) {
            notBefore = latest(notBefore, c.reviewUpheld() == null ? c.reviewWindowClosesAt() : null,
                    c.concluded() == null ? null : c.concluded().reviewWindowClosedAt(),
                    c.reviewUpheld() != null && c.concluded() != null ? c.concluded().at() : null);
        }
        return notBefore;
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
