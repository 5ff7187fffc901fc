package org.caseflow.removal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.caseflow.vocabulary.Safeguard;
import org.junit.jupiter.api.Test;

/** Removal's own safeguard checks, on plain domain facts. */
class RemovalPolicyTest {

    static final Instant NOW = Instant.parse("2026-11-01T12:00:00Z");
    static final Instant DECIDED = NOW.minus(Duration.ofDays(4));

    /** An adult from VEN, negatively decided by a certified officer; the 72 h window closed a day ago. */
    static RemovalCase removable() {
        return RemovalCase.empty("case-1")
                .withIntake(new RemovalCase.Intake("VEN", List.of("COL"), List.of(), null, false, false, DECIDED.minus(Duration.ofDays(1))))
                .withDecision(new RemovalCase.Decision("officer-1", "cert-1", DECIDED.minus(Duration.ofDays(30)), DECIDED.plus(Duration.ofDays(30)),
                        "NO_CREDIBLE_FEAR", DECIDED, DECIDED.plus(Duration.ofHours(72))));
    }

    static Safeguard blockedBy(RemovalCase c) {
        return ((RemovalPolicy.Assessment.Blocked) RemovalPolicy.assess(c, NOW)).safeguard();
    }

    @Test
    void aCaseThatHoldsEverySafeguardGoesToItsNationalityNotBeforeTheWindowClosed() {
        var eligible = (RemovalPolicy.Assessment.Eligible) RemovalPolicy.assess(removable(), NOW);
        assertThat(eligible.destination()).isEqualTo("VEN");
        assertThat(eligible.notBefore()).isEqualTo(DECIDED.plus(Duration.ofHours(72)));
    }

    @Test
    void protectionComesFirstWhateverElseHolds() {
        assertThat(blockedBy(removable().withProtectionReferred())).isEqualTo(Safeguard.S2_PROTECTION_FIRST);
        var minor = new RemovalCase.Intake("VEN", List.of(), List.of(), null, true, false, DECIDED);
        assertThat(blockedBy(RemovalCase.empty("c").withIntake(minor))).isEqualTo(Safeguard.S2_PROTECTION_FIRST); // even with no decision
    }

    @Test
    void s1NeedsAStandingNegativeDecisionByACertifiedOfficer() {
        assertThat(blockedBy(RemovalCase.empty("c").withIntake(removable().intake()))).isEqualTo(Safeguard.S1_SCREENED_BEFORE_REMOVED);
        var d = removable().decision();
        var credible = new RemovalCase.Decision(d.officerId(), d.certificationId(), d.certificationValidFrom(), d.certificationValidUntil(),
                "CREDIBLE_FEAR", d.decidedAt(), null);
        assertThat(blockedBy(removable().withDecision(credible))).isEqualTo(Safeguard.S1_SCREENED_BEFORE_REMOVED);
        assertThat(blockedBy(removable().withReviewRequested().withReviewDecided(false))).isEqualTo(Safeguard.S1_SCREENED_BEFORE_REMOVED);
        var expired = new RemovalCase.Decision(d.officerId(), d.certificationId(), d.certificationValidFrom(), DECIDED.minusSeconds(1),
                d.outcome(), d.decidedAt(), d.windowClosesAt());
        assertThat(blockedBy(removable().withDecision(expired))).isEqualTo(Safeguard.S1_SCREENED_BEFORE_REMOVED);
    }

    @Test
    void s3NeverSendsAPersonToAFearedCountryWhateverItsCase() {
        var c = removable().withInterviewFeared(List.of("ven"));
        var eligible = (RemovalPolicy.Assessment.Eligible) RemovalPolicy.assess(c, NOW);
        assertThat(eligible.destination()).isEqualTo("COL"); // 'ven' is VEN: the residence country instead
        assertThat(blockedBy(c.withInterviewFeared(List.of("VEN", "col")))).isEqualTo(Safeguard.S3_NON_REFOULEMENT);
        assertThat(blockedBy(c.withInterviewFeared(List.of("not a country")))).isEqualTo(Safeguard.S3_NON_REFOULEMENT); // fail closed
    }

    @Test
    void s4HoldsWhileTheWindowIsOpenOrAReviewIsPending() {
        var d = removable().decision();
        var recent = new RemovalCase.Decision(d.officerId(), d.certificationId(), d.certificationValidFrom(), d.certificationValidUntil(),
                d.outcome(), NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofHours(71)));
        assertThat(blockedBy(removable().withDecision(recent))).isEqualTo(Safeguard.S4_REVIEW_WINDOW);
        assertThat(blockedBy(removable().withReviewRequested())).isEqualTo(Safeguard.S4_REVIEW_WINDOW);
        var waived = (RemovalPolicy.Assessment.Eligible) RemovalPolicy.assess(removable().withDecision(recent).withReviewWaived(), NOW);
        assertThat(waived.notBefore()).isEqualTo(recent.decidedAt());
    }

    @Test
    void everyCheckHasANameAndASafeguard() {
        assertThat(RemovalPolicy.CHECKS).allSatisfy(check -> {
            assertThat(check.name()).isNotBlank();
            assertThat(check.safeguard()).isNotNull();
        });
        assertThat(RemovalPolicy.CHECKS.getFirst().safeguard()).isEqualTo(Safeguard.S2_PROTECTION_FIRST);
    }
}
