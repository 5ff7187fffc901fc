package org.caseflow.screening.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.caseflow.schemas.common.Role;
import org.caseflow.schemas.common.ScreeningOutcome;
import org.caseflow.schemas.screening.AssignCase;
import org.caseflow.schemas.screening.DecideReview;
import org.caseflow.schemas.screening.DecideScreening;
import org.caseflow.schemas.screening.InterviewRecorded;
import org.caseflow.schemas.screening.RecordInterview;
import org.caseflow.schemas.screening.RequestReview;
import org.caseflow.schemas.screening.ReviewResult;
import org.caseflow.schemas.screening.ScreeningConcluded;
import org.caseflow.schemas.screening.ScreeningDecided;
import org.caseflow.schemas.screening.ScreeningEventEnvelope;
import org.caseflow.schemas.screening.WaiveReview;
import org.caseflow.screening.domain.Certification;

/**
 * Random command sequences, by random people, at random times, never yield a decision without an
 * interview, by an officer without a valid certification at that moment, or a removal-eligible
 * outcome for a protected case.
 */
class ScreeningPropertyTest {

    static ScreeningHarness h;
    static final AtomicInteger tries = new AtomicInteger();

    /** A step of a sequence: who does what (or time passes, or intake amends the flags). */
    sealed interface Step {
    }

    /** {@code who} -1 is whoever is assigned at that moment; {@code rightRole} false acts in a role that may not. */
    record Act(int who, boolean rightRole, Object command) implements Step {
    }

    record Wait(Duration duration) implements Step {
    }

    record Protect() implements Step {
    }

    @BeforeContainer
    static void start() {
        h = new ScreeningHarness();
    }

    @AfterContainer
    static void stop() {
        h.close();
    }

    @Property(tries = 200)
    void noIllegalDecisionEverComesOut(@ForAll("arrivals") boolean protectedOnArrival, @ForAll("sequences") List<Step> steps) {
        int n = tries.incrementAndGet();
        String caseId = "case-" + n;
        // five officers per try: 0 and 1 certified throughout, 2 expiring soon, 3 never certified, 4 not yet valid
        String[] officers = new String[5];
        Map<String, Certification> certifications = new HashMap<>();
        Instant now = h.now();
        Instant[][] windows = {
                {now.minus(Duration.ofDays(10)), now.plus(Duration.ofDays(3650))},
                {now.minus(Duration.ofDays(10)), now.plus(Duration.ofDays(3650))},
                {now.minus(Duration.ofDays(10)), now.plus(Duration.ofHours(30))},
                null,
                {now.plus(Duration.ofHours(50)), now.plus(Duration.ofDays(3650))}};
        for (int i = 0; i < officers.length; i++) {
            officers[i] = "o" + n + "-" + i;
            Instant[] w = windows[i];
            h.officer(officers[i], i == 1 ? List.of("en") : List.of("es"), w == null ? null : w[0], w == null ? null : w[1]);
            if (w != null) {
                certifications.put(officers[i], new Certification("cert-" + officers[i], w[0], w[1]));
            }
        }
        h.open(caseId, protectedOnArrival, false);
        boolean everProtected = protectedOnArrival;

        for (Step step : steps) {
            switch (step) {
                case Wait w -> h.advance(w.duration());
                case Protect p -> {
                    h.amendFlags(caseId, false, true);
                    everProtected = true;
                }
                case Act a -> {
                    Object command = a.command() instanceof AssignCase assign
                            ? AssignCase.newBuilder().setOfficerId(officers[Integer.parseInt(assign.getOfficerId())]).build()
                            : a.command();
                    var stored = h.stored(caseId);
                    String assigned = stored == null ? null : stored.state().assignedOfficer();
                    String actor = a.who() < 0 ? (assigned != null ? assigned : officers[0]) : officers[a.who()];
                    Role role = !a.rightRole() ? Role.FIELD_OFFICE
                            : command instanceof AssignCase || command instanceof DecideReview ? Role.SUPERVISOR : Role.SCREENING_OFFICER;
                    h.command(caseId, actor, role, command);
                }
            }
        }

        List<ScreeningEventEnvelope> events = h.allEvents().stream().filter(e -> caseId.equals(e.getMetadata().getCaseId())).toList();
        boolean interviewed = false;
        boolean protectedCase = protectedOnArrival;
        for (ScreeningEventEnvelope e : events) {
            switch (e.getPayload()) {
                case InterviewRecorded i -> interviewed = true;
                case org.caseflow.schemas.screening.ProtectionReferred p -> protectedCase = true;
                case ScreeningDecided d -> {
                    assertThat(interviewed).as("decision without interview").isTrue();
                    Certification held = certifications.get(d.getOfficerId());
                    assertThat(held).as("decision by an officer without certification").isNotNull();
                    assertThat(held.validAt(e.getMetadata().getOccurredAt())).as("certification not valid at decision time").isTrue();
                    assertThat(protectedCase && d.getOutcome() == ScreeningOutcome.NO_CREDIBLE_FEAR).as("NO_CREDIBLE_FEAR for a protected case").isFalse();
                }
                case ScreeningConcluded c -> {
                    if (protectedCase) {
                        assertThat(c.getEligibleForRemoval()).as("protected case eligible for removal").isFalse();
                    }
                }
                default -> { }
            }
        }
        boolean decided = events.stream().anyMatch(e -> e.getPayload() instanceof ScreeningDecided);
        Statistics.label("decision").collect(decided ? "some decision" : "no decision");
        // the property proves little unless many sequences reach a decision
        Statistics.label("decision").coverage(c -> c.check("some decision").count(k -> k >= 40));
        if (everProtected) {
            var last = events.stream().filter(e -> e.getPayload() instanceof ScreeningConcluded).reduce((a, b) -> b);
            last.ifPresent(e -> assertThat(((ScreeningConcluded) e.getPayload()).getEligibleForRemoval()).isFalse());
        }
    }

    @Provide
    Arbitrary<Boolean> arrivals() {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, Arbitraries.just(true)), net.jqwik.api.Tuple.of(5, Arbitraries.just(false)));
    }

    @Provide
    Arbitrary<List<Step>> sequences() {
        Arbitrary<Integer> who = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(10, Arbitraries.just(-1)),
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(0, 4)));
        Arbitrary<Boolean> rightRole = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, Arbitraries.just(true)), net.jqwik.api.Tuple.of(1, Arbitraries.just(false)));
        Arbitrary<Integer> assignee = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, Arbitraries.just(0)), net.jqwik.api.Tuple.of(4, Arbitraries.just(2)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 4)));
        Arbitrary<Object> command = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, assignee.map(i -> (Object) AssignCase.newBuilder().setOfficerId(String.valueOf(i)).build())),
                net.jqwik.api.Tuple.of(3, Combinators.combine(Arbitraries.of("es", "es", "en"), Arbitraries.of(true, false))
                        .as((lang, interpreter) -> (Object) RecordInterview.newBuilder().setLanguage(lang).setInterpreterUsed(interpreter)
                                .setFearArticulated(true).setFearedCountries(List.of()).build())),
                net.jqwik.api.Tuple.of(3, Combinators.combine(Arbitraries.of(ScreeningOutcome.class), Arbitraries.of("", "reasoned", "reasoned", "reasoned"))
                        .as((outcome, rationale) -> (Object) DecideScreening.newBuilder().setOutcome(outcome).setRationale(rationale).build())),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(RequestReview.newBuilder().setReason("asked").build())),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(ReviewResult.class).map(r -> (Object) DecideReview.newBuilder().setResult(r).setRationale("reviewed").build())),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(WaiveReview.newBuilder().setReason("waived").build())));
        Arbitrary<Step> act = Combinators.combine(who, rightRole, command).as(Act::new);
        Arbitrary<Step> wait = Arbitraries.integers().between(1, 40).map(hours -> new Wait(Duration.ofHours(hours)));
        Arbitrary<Step> noise = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(30, act), net.jqwik.api.Tuple.of(8, wait), net.jqwik.api.Tuple.of(1, Arbitraries.just(new Protect())));
        Arbitrary<List<Step>> gap = noise.list().ofMaxSize(3);
        // the usual path (assign, interview, decide, then review steps), with random steps in every gap
        Arbitrary<List<Step>> usual = Arbitraries.oneOf(
                command.filter(c -> c instanceof AssignCase).map(c -> List.<Step>of(new Act(-1, true, c))),
                Arbitraries.just(List.<Step>of()));
        Arbitrary<List<Step>> interviewing = command.filter(c -> c instanceof RecordInterview).map(c -> List.<Step>of(new Act(-1, true, c)));
        Arbitrary<List<Step>> deciding = command.filter(c -> c instanceof DecideScreening).map(c -> List.<Step>of(new Act(-1, true, c)));
        Arbitrary<List<Step>> reviewing = command.filter(c -> c instanceof RequestReview || c instanceof WaiveReview || c instanceof DecideReview)
                .map(c -> List.<Step>of(new Act(-1, true, c))).list().ofMaxSize(2).map(l -> l.stream().flatMap(List::stream).toList());
        return Combinators.combine(List.of(gap, usual, gap, interviewing, gap, deciding, gap, reviewing, gap))
                .as(parts -> parts.stream().flatMap(List::stream).toList());
    }
}
