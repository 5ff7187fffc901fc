package org.caseflow.screening.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseflow.screening.stream.ScreeningHarness.REVIEW_WINDOW;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.caseflow.platform.command.CommandResult;
import org.caseflow.schemas.common.Role;
import org.caseflow.schemas.common.ScreeningOutcome;
import org.caseflow.schemas.screening.AssignCase;
import org.caseflow.schemas.screening.DecideScreening;
import org.caseflow.schemas.screening.RecordInterview;
import org.caseflow.schemas.screening.ScreeningConcluded;
import org.caseflow.schemas.screening.WaiveReview;
import org.caseflow.screening.domain.Status;
import org.caseflow.testsupport.Interleavings;
import org.junit.jupiter.api.Test;

/**
 * Screening merges intake's events for a case with officers' commands, without idling for a lagging topic
 * ({@code max.task.idle.ms=0}). The case's record always comes first (officers act on cases they saw in the
 * worklist), and each topic keeps its own order; an amendment from intake can land anywhere among the commands.
 * Wherever it lands, the outcome is the same: new protection flags take the case out of the removal track for good,
 * and an amendment without them changes no outcome.
 */
class EveryArrivalOrderTest {

    static final String CASE = "case-1";

    /** One input of the case: a command (its result returned) or another fact (null). */
    record Input(String name, Function<ScreeningHarness, CommandResult> step) {
        boolean isCommand() {
            return !name.startsWith("amended") && !name.equals("window closes");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static final Input ASSIGN = new Input("assign", h -> h.command(CASE, "sup-1", Role.SUPERVISOR, AssignCase.newBuilder().setOfficerId("off-1").build()));
    static final Input INTERVIEW = new Input("interview", h -> h.command(CASE, "off-1", Role.SCREENING_OFFICER, RecordInterview.newBuilder()
            .setLanguage("es").setInterpreterUsed(false).setFearArticulated(false).setFearedCountries(List.of()).build()));
    static final Input DECIDE = new Input("decide NO_CREDIBLE_FEAR", h -> h.command(CASE, "off-1", Role.SCREENING_OFFICER, DecideScreening.newBuilder()
            .setOutcome(ScreeningOutcome.NO_CREDIBLE_FEAR).setRationale("Testimony weighed against country conditions.").build()));
    static final Input WAIVE = new Input("waive review", h -> h.command(CASE, "off-1", Role.SCREENING_OFFICER,
            WaiveReview.newBuilder().setReason("person waived review in writing").build()));
    static final Input WINDOW_CLOSES = new Input("window closes", h -> {
        h.advance(REVIEW_WINDOW.plusMinutes(1));
        return null;
    });
    static final Input AMENDED_TRAFFICKING = new Input("amended (trafficking)", h -> {
        h.amendFlags(CASE, false, true);
        return null;
    });
    static final Input AMENDED_MINOR = new Input("amended (unaccompanied minor)", h -> {
        h.amendFlags(CASE, true, false);
        return null;
    });
    static final Input AMENDED_NO_FLAGS = new Input("amended (no protection flags)", h -> {
        h.amendFlags(CASE, false, false);
        return null;
    });

    @Test
    void newProtectionFlagsEndInProtectionWhereverTheAmendmentArrives() {
        int orders = 0;
        for (Input conclusion : List.of(WAIVE, WINDOW_CLOSES)) {
            for (Input amendment : List.of(AMENDED_TRAFFICKING, AMENDED_MINOR)) {
                for (List<Input> order : Interleavings.of(List.of(ASSIGN, INTERVIEW, DECIDE, conclusion), List.of(amendment))) {
                    orders++;
                    try (ScreeningHarness h = harness()) {
                        boolean amended = false;
                        for (Input input : order) {
                            CommandResult result = input.step().apply(h);
                            if (input == amendment) {
                                amended = true;
                            } else if (input.isCommand()) {
                                // before the amendment every step is allowed; after it the case is protection's, and no command moves it on
                                assertThat(result.outcome()).as(order + ": " + input).isEqualTo(amended ? CommandResult.Outcome.CONFLICT : CommandResult.Outcome.APPLIED);
                                if (amended) {
                                    assertThat(result.rule()).as(order + ": " + input).isEqualTo("S2_PROTECTION_FIRST");
                                }
                            }
                            h.advance(Duration.ofMillis(10));
                        }
                        h.advance(REVIEW_WINDOW.plusHours(1)); // whatever window was open has passed
                        var concluded = h.allEvents().stream().filter(e -> e.getPayload() instanceof ScreeningConcluded)
                                .map(e -> (ScreeningConcluded) e.getPayload()).toList();
                        assertThat(concluded).as(order.toString()).isNotEmpty();
                        assertThat(concluded.getLast().getOutcome()).as(order.toString()).isEqualTo(ScreeningOutcome.PROTECTION_REFERRAL);
                        assertThat(concluded.getLast().getEligibleForRemoval()).as(order.toString()).isFalse();
                        assertThat(h.allEvents().getLast().getPayload()).as(order + ": nothing follows the protection conclusion")
                                .isInstanceOf(ScreeningConcluded.class);
                        assertThat(h.stored(CASE).state().status()).as(order.toString()).isEqualTo(Status.PROTECTION_REFERRED);
                    }
                }
            }
        }
        assertThat(orders).isEqualTo(2 * 2 * 5);
    }

    @Test
    void anAmendmentWithoutProtectionFlagsChangesNoOutcome() {
        for (Input conclusion : List.of(WAIVE, WINDOW_CLOSES)) {
            for (List<Input> order : Interleavings.of(List.of(ASSIGN, INTERVIEW, DECIDE, conclusion), List.of(AMENDED_NO_FLAGS))) {
                try (ScreeningHarness h = harness()) {
                    for (Input input : order) {
                        CommandResult result = input.step().apply(h);
                        if (input.isCommand()) {
                            assertThat(result.outcome()).as(order + ": " + input + " " + result.rule()).isEqualTo(CommandResult.Outcome.APPLIED);
                        }
                        h.advance(Duration.ofMillis(10));
                    }
                    var concluded = h.allEvents().stream().filter(e -> e.getPayload() instanceof ScreeningConcluded)
                            .map(e -> (ScreeningConcluded) e.getPayload()).toList();
                    assertThat(concluded).as(order.toString()).hasSize(1);
                    assertThat(concluded.getFirst().getOutcome()).as(order.toString()).isEqualTo(ScreeningOutcome.NO_CREDIBLE_FEAR);
                    assertThat(concluded.getFirst().getEligibleForRemoval()).as(order.toString()).isTrue();
                    assertThat(h.stored(CASE).state().status()).as(order.toString()).isEqualTo(Status.FINAL);
                }
            }
        }
    }

    /** A fresh topology with two certified officers and the case opened (an adult, no protection flags). */
    private static ScreeningHarness harness() {
        ScreeningHarness h = new ScreeningHarness();
        h.certifiedOfficer("sup-1", "es");
        h.certifiedOfficer("off-1", "es");
        h.open(CASE);
        return h;
    }
}
