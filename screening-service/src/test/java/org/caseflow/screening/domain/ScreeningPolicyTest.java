package org.caseflow.screening.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The screening rules on plain domain values: every refusal names its rule; the events a decision leads to. */
class ScreeningPolicyTest {

    static final Instant NOW = Instant.parse("2026-11-01T12:00:00Z");
    static final ScreeningPolicy POLICY = new ScreeningPolicy(Duration.ofHours(72));
    static final Actor OFFICER = new Actor("off-1", Actor.Role.SCREENING_OFFICER);
    static final Actor SUPERVISOR = new Actor("sup-1", Actor.Role.SUPERVISOR);
    static final Certification VALID = new Certification("cert", NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(10)));
    static final Map<String, Officer> REGISTRY = Map.of(
            "off-1", new Officer("off-1", "n", List.of("es"), VALID),
            "sup-1", new Officer("sup-1", "n", List.of("es"), VALID),
            "expired", new Officer("expired", "n", List.of("es"), new Certification("c", NOW.minus(Duration.ofDays(10)), NOW.minusSeconds(1))));

    static IntakeFacts facts(boolean minor) {
        return new IntakeFacts("LAJAS_BLANCAS", "VEN", List.of(), List.of("es"), List.of(), null, minor, false, NOW.minus(Duration.ofDays(1)));
    }

    /** A case assigned to off-1 and interviewed in a language both speak. */
    static ScreeningCase interviewed(String officer) {
        ScreeningCase c = ScreeningCase.empty("case-1");
        for (Event e : POLICY.onCaseOpened(facts(false), Actor.SYSTEM, NOW)) {
            c = c.apply(e);
        }
        c = c.apply(new Event.Assigned(NOW, SUPERVISOR, officer));
        return c.apply(new Event.InterviewRecorded(NOW, new Actor(officer, Actor.Role.SCREENING_OFFICER), "es", false, true, List.of()));
    }

    static Verdict decide(ScreeningCase c, Actor who, ScreeningOutcome outcome) {
        return POLICY.handle(c, new Command.Decide("cmd", who, outcome, "reasons"), REGISTRY::get, NOW);
    }

    static String rule(Verdict v) {
        return ((Verdict.Refused) v).rule();
    }

    @Test
    void aNegativeDecisionByTheAssignedCertifiedOfficerOpensTheReviewWindow() {
        var accepted = (Verdict.Accepted) decide(interviewed("off-1"), OFFICER, ScreeningOutcome.NO_CREDIBLE_FEAR);
        var decided = (Event.Decided) accepted.events().getFirst();
        assertThat(decided.window().closesAt()).isEqualTo(NOW.plus(Duration.ofHours(72)));
        assertThat(decided.certification()).isEqualTo(VALID);
        assertThat(accepted.events()).hasSize(1); // not concluded until the window closes
        assertThat(POLICY.closeWindowIfDue(interviewed("off-1").apply(decided), NOW.plus(Duration.ofHours(72))))
                .singleElement().isEqualTo(new Event.Concluded(NOW.plus(Duration.ofHours(72)), Actor.SYSTEM, ScreeningOutcome.NO_CREDIBLE_FEAR, true));
    }

    @Test
    void s1NoDecisionWithoutInterviewOrByAnUncertifiedOrUnassignedOfficer() {
        ScreeningCase assigned = interviewed("off-1");
        assigned = new ScreeningCase(assigned.caseId(), Status.ASSIGNED, assigned.facts(), "off-1", null, null, null, false, null, false, List.of());
        assertThat(rule(decide(assigned, OFFICER, ScreeningOutcome.NO_CREDIBLE_FEAR))).isEqualTo("INTERVIEW_REQUIRED");
        assertThat(rule(decide(interviewed("expired"), new Actor("expired", Actor.Role.SCREENING_OFFICER), ScreeningOutcome.NO_CREDIBLE_FEAR)))
                .isEqualTo("CERTIFICATION_INVALID");
        assertThat(rule(decide(interviewed("off-1"), new Actor("off-2", Actor.Role.SCREENING_OFFICER), ScreeningOutcome.NO_CREDIBLE_FEAR)))
                .isEqualTo("NOT_ASSIGNED_OFFICER");
        assertThat(rule(decide(interviewed("off-1"), new Actor("off-1", Actor.Role.OTHER), ScreeningOutcome.NO_CREDIBLE_FEAR)))
                .isEqualTo("ROLE_NOT_ALLOWED");
    }

    @Test
    void s2AProtectedCaseIsReferredAndNeverDecided() {
        assertThat(POLICY.onCaseOpened(facts(true), Actor.SYSTEM, NOW)).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("ProtectionReferred", "Concluded");
        ScreeningCase c = ScreeningCase.empty("case-2");
        for (Event e : POLICY.onCaseOpened(facts(true), Actor.SYSTEM, NOW)) {
            c = c.apply(e);
        }
        assertThat(rule(decide(c, OFFICER, ScreeningOutcome.NO_CREDIBLE_FEAR))).isEqualTo("S2_PROTECTION_FIRST");
        assertThat(POLICY.onFactsAmended(interviewed("off-1"), facts(true), Actor.SYSTEM, NOW)).hasSize(2);
    }

    @Test
    void s4AReviewIsDecidedBySomeoneOtherThanTheDeciderWhileTheWindowIsOpen() {
        ScreeningCase c = interviewed("sup-1");
        var decided = ((Verdict.Accepted) decide(c, new Actor("sup-1", Actor.Role.SCREENING_OFFICER), ScreeningOutcome.NO_CREDIBLE_FEAR)).events();
        for (Event e : decided) {
            c = c.apply(e);
        }
        var requested = (Verdict.Accepted) POLICY.handle(c, new Command.RequestReview("r", OFFICER, "fear of the gang"), REGISTRY::get, NOW);
        c = c.apply(requested.events().getFirst());
        assertThat(rule(POLICY.handle(c, new Command.DecideReview("d", SUPERVISOR, true, "ok"), REGISTRY::get, NOW))).isEqualTo("REVIEWER_IS_DECIDER");
        assertThat(rule(POLICY.handle(c, new Command.DecideReview("d", OFFICER, true, "ok"), REGISTRY::get, NOW))).isEqualTo("ROLE_NOT_ALLOWED");

        ScreeningCase open = interviewed("off-1");
        for (Event e : ((Verdict.Accepted) decide(open, OFFICER, ScreeningOutcome.NO_CREDIBLE_FEAR)).events()) {
            open = open.apply(e);
        }
        Instant late = NOW.plus(Duration.ofHours(73));
        assertThat(rule(POLICY.handle(open, new Command.RequestReview("r", OFFICER, "why"), REGISTRY::get, late))).isEqualTo("REVIEW_WINDOW_CLOSED");
    }

    @Test
    void everyDecisionRuleHasAName() {
        assertThat(ScreeningPolicy.DECISION_RULES).extracting(ScreeningPolicy.DecisionRule::name).doesNotHaveDuplicates().allMatch(n -> !n.isBlank());
    }

    @Test
    void historyNamesEveryEventAsTheLogDoes() {
        List<Event> one = List.of(new Event.Queued(NOW, Actor.SYSTEM, facts(false)), new Event.Assigned(NOW, SUPERVISOR, "off-1"),
                new Event.InterviewRecorded(NOW, OFFICER, "es", false, true, List.of()),
                new Event.Decided(NOW, OFFICER, VALID, ScreeningOutcome.CREDIBLE_FEAR, "r", null), new Event.ReviewRequested(NOW, OFFICER, "r"),
                new Event.ReviewDecided(NOW, SUPERVISOR, true, "r"), new Event.ReviewWaived(NOW, OFFICER, "r"),
                new Event.ProtectionReferred(NOW, Actor.SYSTEM, List.of(), null), new Event.Concluded(NOW, Actor.SYSTEM, ScreeningOutcome.CREDIBLE_FEAR, false));
        var logged = org.caseflow.schemas.screening.ScreeningEventEnvelope.getClassSchema().getField("payload").schema().getTypes().stream()
                .map(org.apache.avro.Schema::getName).toList();
        assertThat(one.stream().map(ScreeningCase::loggedAs).toList()).containsExactlyInAnyOrderElementsOf(logged);
    }
}
