package org.caseflow.screening.stream;

import org.caseflow.platform.command.CommandResult;
import static org.assertj.core.api.Assertions.assertThat;
import static org.caseflow.screening.stream.ScreeningHarness.NOW;
import static org.caseflow.screening.stream.ScreeningHarness.REVIEW_WINDOW;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.caseflow.schemas.common.Role;
import org.caseflow.schemas.common.ScreeningOutcome;
import org.caseflow.schemas.screening.AssignCase;
import org.caseflow.schemas.screening.DecideReview;
import org.caseflow.schemas.screening.DecideScreening;
import org.caseflow.schemas.screening.ProtectionReason;
import org.caseflow.schemas.screening.ProtectionReferred;
import org.caseflow.schemas.screening.RecordInterview;
import org.caseflow.schemas.screening.RequestReview;
import org.caseflow.schemas.screening.ReviewResult;
import org.caseflow.schemas.screening.ScreeningConcluded;
import org.caseflow.schemas.screening.ScreeningDecided;
import org.caseflow.schemas.screening.ScreeningEventEnvelope;
import org.caseflow.schemas.screening.WaiveReview;
import org.caseflow.screening.domain.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScreeningTopologyTest {

    static final String CASE = "case-1";
    ScreeningHarness h;

    @BeforeEach
    void start() {
        h = new ScreeningHarness();
        h.certifiedOfficer("sup-1", "es");
        h.certifiedOfficer("sup-2", "es");
        h.certifiedOfficer("off-1", "es");
        h.certifiedOfficer("off-2", "es");
        h.certifiedOfficer("off-en", "en");
        h.officer("off-expired", List.of("es"), NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(35)));
        h.officer("off-none", List.of("es"), null, null);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    // ---- the steps that move a case along -----------------------------------------------------

    static AssignCase assign(String officer) {
        return AssignCase.newBuilder().setOfficerId(officer).build();
    }

    static RecordInterview interview(String language, boolean interpreter) {
        return RecordInterview.newBuilder().setLanguage(language).setInterpreterUsed(interpreter).setFearArticulated(true)
                .setFearedCountries(List.of("VEN")).build();
    }

    static DecideScreening decide(ScreeningOutcome outcome) {
        return DecideScreening.newBuilder().setOutcome(outcome).setRationale("Testimony weighed against country conditions.").build();
    }

    static CommandResult assigned(ScreeningHarness h, String officer) {
        return h.command(CASE, "sup-1", Role.SUPERVISOR, assign(officer));
    }

    static void toAssigned(ScreeningHarness h) {
        h.open(CASE);
        assertApplied(assigned(h, "off-1"));
    }

    static void toInterviewed(ScreeningHarness h) {
        toAssigned(h);
        assertApplied(h.command(CASE, "off-1", Role.SCREENING_OFFICER, interview("es", false)));
    }

    static void toReviewWindow(ScreeningHarness h) {
        toInterviewed(h);
        assertApplied(h.command(CASE, "off-1", Role.SCREENING_OFFICER, decide(ScreeningOutcome.NO_CREDIBLE_FEAR)));
    }

    static void toReviewRequested(ScreeningHarness h) {
        toReviewWindow(h);
        assertApplied(h.command(CASE, "off-1", Role.SCREENING_OFFICER, RequestReview.newBuilder().setReason("person asked for review").build()));
    }

    static void assertApplied(CommandResult result) {
        assertThat(result.outcome()).as(result.rule() + ": " + result.detail()).isEqualTo(CommandResult.Outcome.APPLIED);
    }

    // ---- transitions ---------------------------------------------------------------------------

    @Test
    void anArrivingCaseIsQueued() {
        h.open(CASE);
        var events = h.newEvents();
        assertThat(events).extracting(e -> e.getPayload().getClass().getSimpleName()).containsExactly("ScreeningQueued");
        assertThat(events.getFirst().getMetadata().getCausationId()).isNotBlank();
        assertThat(events.getFirst().getMetadata().getActor().getRole()).isEqualTo(Role.SYSTEM);
        assertThat(h.stored(CASE).state().status()).isEqualTo(Status.AWAITING_SCREENING);
    }

    @Test
    void aProtectedCaseIsReferredOnArrivalAndNeverScreened() {
        h.open(CASE, true, false);
        var events = h.newEvents();
        assertThat(events).extracting(e -> e.getPayload().getClass().getSimpleName()).containsExactly("ProtectionReferred", "ScreeningConcluded");
        assertThat(((ProtectionReferred) events.get(0).getPayload()).getReasons()).containsExactly(ProtectionReason.UNACCOMPANIED_MINOR);
        ScreeningConcluded concluded = (ScreeningConcluded) events.get(1).getPayload();
        assertThat(concluded.getOutcome()).isEqualTo(ScreeningOutcome.PROTECTION_REFERRAL);
        assertThat(concluded.getEligibleForRemoval()).isFalse();
        var refused = assigned(h, "off-1");
        assertThat(refused.outcome()).isEqualTo(CommandResult.Outcome.CONFLICT);
        assertThat(refused.rule()).isEqualTo("S2_PROTECTION_FIRST");
    }

    @Test
    void assignmentInterviewAndCredibleFearEndScreeningOutsideTheRemovalTrack() {
        toInterviewed(h);
        h.newEvents();
        var result = h.command(CASE, "off-1", Role.SCREENING_OFFICER, decide(ScreeningOutcome.CREDIBLE_FEAR));
        assertApplied(result);
        assertThat(result.events()).extracting(CommandResult.EmittedEvent::type).containsExactly("ScreeningDecided", "ScreeningConcluded");
        var events = h.newEvents();
        assertThat(events.get(0).getMetadata().getCausationId()).isEqualTo(result.commandId());
        assertThat(events.get(0).getMetadata().getActor().getId()).isEqualTo("off-1");
        ScreeningConcluded concluded = (ScreeningConcluded) events.get(1).getPayload();
        assertThat(concluded.getEligibleForRemoval()).isFalse();
        assertThat(h.stored(CASE).state().status()).isEqualTo(Status.FINAL);
    }

    @Test
    void reassignmentIsAllowedBeforeTheInterview() {
        toAssigned(h);
        assertApplied(assigned(h, "off-2"));
        assertThat(h.stored(CASE).state().assignedOfficer()).isEqualTo("off-2");
    }

    @Test
    void aVoluntaryReturnIsEligibleForRemovalWithoutAReviewWindow() {
        toInterviewed(h);
        h.newEvents();
        assertApplied(h.command(CASE, "off-1", Role.SCREENING_OFFICER, decide(ScreeningOutcome.VOLUNTARY_RETURN)));
        ScreeningConcluded concluded = (ScreeningConcluded) h.newEvents().get(1).getPayload();
        assertThat(concluded.getEligibleForRemoval()).isTrue();
        assertThat(concluded.getReviewWindowClosedAt()).isNull();
        assertThat(concluded.getDestinationCandidates()).containsExactly("COL", "ECU");
    }

    @Test
    void anOfficersProtectionReferralEndsScreening() {
        toInterviewed(h);
        h.newEvents();
        assertApplied(h.command(CASE, "off-1", Role.SCREENING_OFFICER, decide(ScreeningOutcome.PROTECTION_REFERRAL)));
        assertThat(h.newEventTypes()).containsExactly("ScreeningDecided", "ProtectionReferred", "ScreeningConcluded");
        assertThat(h.stored(CASE).state().status()).isEqualTo(Status.PROTECTION_REFERRED);
    }

    @Test
    void aNegativeDecisionOpensTheReviewWindowWhichClosesOnTime() {
        toReviewWindow(h);
        var events = h.newEvents();
        ScreeningDecided decided = (ScreeningDecided) events.getLast().getPayload();
        assertThat(decided.getReviewWindow().getClosesAt()).isEqualTo(decided.getReviewWindow().getOpensAt().plus(REVIEW_WINDOW));
        assertThat(decided.getCertification().getCertificationId()).isEqualTo("cert-off-1");
        assertThat(h.stored(CASE).state().status()).isEqualTo(Status.REVIEW_WINDOW_OPEN);

        h.advance(REVIEW_WINDOW.minusMinutes(1));
        assertThat(h.newEvents()).isEmpty();
        h.advance(Duration.ofMinutes(2));
        var closed = h.newEvents();
        assertThat(closed).hasSize(1);
        ScreeningConcluded concluded = (ScreeningConcluded) closed.getFirst().getPayload();
        assertThat(concluded.getOutcome()).isEqualTo(ScreeningOutcome.NO_CREDIBLE_FEAR);
        assertThat(concluded.getEligibleForRemoval()).isTrue();
        assertThat(concluded.getReviewWindowClosedAt()).isEqualTo(decided.getReviewWindow().getClosesAt());
        assertThat(concluded.getDecidedBy()).isEqualTo("off-1");
        assertThat(concluded.getFearedCountries()).containsExactly("VEN");
        assertThat(concluded.getDestinationCandidates()).containsExactly("COL", "ECU").doesNotContain("VEN");
        assertThat(concluded.getFamilyGroupId()).isEqualTo("family-" + CASE);
        assertThat(closed.getFirst().getMetadata().getActor().getRole()).isEqualTo(Role.SYSTEM);
        assertThat(closed.getFirst().getMetadata().getCausationId()).isEqualTo(events.getLast().getMetadata().getEventId());
        assertThat(h.stored(CASE).state().status()).isEqualTo(Status.FINAL);
    }

    @Test
    void aReviewRequestHoldsTheCaseBeyondTheWindow() {
        toReviewRequested(h);
        h.newEvents();
        h.advance(REVIEW_WINDOW.plusHours(1));
        assertThat(h.newEvents()).isEmpty();
        assertThat(h.stored(CASE).state().status()).isEqualTo(Status.REVIEW_REQUESTED);
        assertThat(h.meters.get("caseflow.screening.review.requests").counter().count()).isEqualTo(1.0);
    }

    @Test
    void anUpheldReviewMakesTheCaseEligible() {
        toReviewRequested(h);
        h.newEvents();
        assertApplied(h.command(CASE, "sup-1", Role.SUPERVISOR, DecideReview.newBuilder().setResult(ReviewResult.UPHELD).setRationale("sound").build()));
        var events = h.newEvents();
        assertThat(events).extracting(e -> e.getPayload().getClass().getSimpleName()).containsExactly("ReviewDecided", "ScreeningConcluded");
        assertThat(((ScreeningConcluded) events.get(1).getPayload()).getEligibleForRemoval()).isTrue();
    }

    @Test
    void anOverturnedDecisionEndsTheRemovalTrack() {
        toReviewRequested(h);
        h.newEvents();
        assertApplied(h.command(CASE, "sup-1", Role.SUPERVISOR, DecideReview.newBuilder().setResult(ReviewResult.OVERTURNED).setRationale("fear credible").build()));
        ScreeningConcluded concluded = (ScreeningConcluded) h.newEvents().get(1).getPayload();
        assertThat(concluded.getOutcome()).isEqualTo(ScreeningOutcome.CREDIBLE_FEAR);
        assertThat(concluded.getEligibleForRemoval()).isFalse();
    }

    @Test
    void aWaivedReviewIsRecordedWithWhoAndWhy() {
        toReviewWindow(h);
        h.newEvents();
        assertApplied(h.command(CASE, "off-1", Role.SCREENING_OFFICER, WaiveReview.newBuilder().setReason("person waived review in writing").build()));
        var events = h.newEvents();
        assertThat(events.get(0).getMetadata().getActor().getId()).isEqualTo("off-1");
        ScreeningConcluded concluded = (ScreeningConcluded) events.get(1).getPayload();
        assertThat(concluded.getReviewWaived()).isTrue();
        assertThat(concluded.getReviewWindowClosedAt()).isNull();
        h.advance(REVIEW_WINDOW.plusHours(1));
        assertThat(h.newEvents()).as("a concluded case's window does not close again").isEmpty();
    }

    @Test
    void newProtectionFlagsDuringTheReviewWindowLeadToProtection() {
        toReviewWindow(h);
        h.newEvents();
        h.amendFlags(CASE, false, true);
        assertThat(h.newEventTypes()).containsExactly("ProtectionReferred", "ScreeningConcluded");
        h.advance(REVIEW_WINDOW.plusHours(1));
        assertThat(h.newEvents()).isEmpty();
        assertThat(h.stored(CASE).state().status()).isEqualTo(Status.PROTECTION_REFERRED);
    }

    @Test
    void anInterpreterBridgesLanguages() {
        h.open(CASE);
        assertApplied(assigned(h, "off-en"));
        assertApplied(h.command(CASE, "off-en", Role.SCREENING_OFFICER, interview("es", true)));
        assertApplied(h.command(CASE, "off-en", Role.SCREENING_OFFICER, decide(ScreeningOutcome.CREDIBLE_FEAR)));
    }

    @Test
    void theSameCommandDeliveredTwiceTakesEffectOnce() {
        h.open(CASE);
        h.newEvents();
        var first = h.command("cmd-1", CASE, "sup-1", Role.SUPERVISOR, assign("off-1"));
        var again = h.command("cmd-1", CASE, "sup-1", Role.SUPERVISOR, assign("off-2"));
        assertThat(again).isEqualTo(first);
        assertThat(h.newEvents()).hasSize(1);
        assertThat(h.stored(CASE).state().assignedOfficer()).isEqualTo("off-1");
    }

    @Test
    void theHistoryRecordsWhatWhenAndWho() {
        toReviewWindow(h);
        assertThat(h.stored(CASE).state().history()).extracting(e -> e.event() + " by " + e.actorId())
                .containsExactly("ScreeningQueued by screening-service", "OfficerAssigned by sup-1", "InterviewRecorded by off-1", "ScreeningDecided by off-1");
    }

    @Test
    void theWorklistIndexFollowsTheCaseFromStatusToStatus() {
        toReviewWindow(h);
        org.apache.kafka.streams.state.KeyValueStore<String, String> index = h.driver.getKeyValueStore(ScreeningTopology.WORKLIST_STORE);
        java.util.List<String> keys = new java.util.ArrayList<>();
        try (var all = index.all()) {
            all.forEachRemaining(kv -> keys.add(kv.key));
        }
        assertThat(keys).singleElement().satisfies(k -> assertThat(k).startsWith("REVIEW_WINDOW_OPEN/").endsWith("/" + CASE));
        var entry = WorklistIndex.entry(keys.getFirst(), index.get(keys.getFirst()));
        assertThat(entry.assignedOfficer()).isEqualTo("off-1");
        org.apache.kafka.streams.state.KeyValueStore<String, Long> counts = h.driver.getKeyValueStore(ScreeningTopology.STATUS_COUNTS_STORE);
        assertThat(counts.get("REVIEW_WINDOW_OPEN")).isEqualTo(1L);
        assertThat(counts.get("AWAITING_SCREENING")).isZero();
        assertThat(counts.get("ASSIGNED")).isZero();
    }

    @Test
    void metricsCountDecisionsAndBacklog() {
        toReviewWindow(h);
        h.advance(Duration.ofSeconds(6));
        assertThat(h.meters.get("caseflow.screening.decisions").tag("outcome", "NO_CREDIBLE_FEAR").counter().count()).isEqualTo(1.0);
        assertThat(h.meters.get("caseflow.screening.backlog").tag("status", "REVIEW_WINDOW_OPEN").gauge().value()).isEqualTo(1.0);
        assertThat(h.meters.get("caseflow.screening.intake.to.decision").timer().count()).isEqualTo(1);
    }

    // ---- refusals: each names its rule ---------------------------------------------------------

    record Refusal(String name, Consumer<ScreeningHarness> setup, String actor, Role role, Object command, CommandResult.Outcome outcome, String rule) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> refusals() {
        Consumer<ScreeningHarness> nothing = h -> { };
        Consumer<ScreeningHarness> opened = h -> h.open(CASE);
        return Stream.of(
                new Refusal("unknown case", nothing, "sup-1", Role.SUPERVISOR, assign("off-1"), CommandResult.Outcome.NOT_FOUND, "CASE_NOT_FOUND"),
                new Refusal("assign by an officer", opened, "off-1", Role.SCREENING_OFFICER, assign("off-1"), CommandResult.Outcome.UNPROCESSABLE, "ROLE_NOT_ALLOWED"),
                new Refusal("assign an unknown officer", opened, "sup-1", Role.SUPERVISOR, assign("ghost"), CommandResult.Outcome.UNPROCESSABLE, "OFFICER_UNKNOWN"),
                new Refusal("assign an officer whose certification expired", opened, "sup-1", Role.SUPERVISOR, assign("off-expired"), CommandResult.Outcome.UNPROCESSABLE, "CERTIFICATION_INVALID"),
                new Refusal("assign an uncertified officer", opened, "sup-1", Role.SUPERVISOR, assign("off-none"), CommandResult.Outcome.UNPROCESSABLE, "CERTIFICATION_INVALID"),
                new Refusal("interview before assignment", opened, "off-1", Role.SCREENING_OFFICER, interview("es", false), CommandResult.Outcome.CONFLICT, "WRONG_STATE"),
                new Refusal("interview by another officer", ScreeningTopologyTest::toAssigned, "off-2", Role.SCREENING_OFFICER, interview("es", false), CommandResult.Outcome.UNPROCESSABLE, "NOT_ASSIGNED_OFFICER"),
                new Refusal("interview by a field office", ScreeningTopologyTest::toAssigned, "off-1", Role.FIELD_OFFICE, interview("es", false), CommandResult.Outcome.UNPROCESSABLE, "ROLE_NOT_ALLOWED"),
                new Refusal("interview without language", ScreeningTopologyTest::toAssigned, "off-1", Role.SCREENING_OFFICER, interview(" ", false), CommandResult.Outcome.UNPROCESSABLE, "LANGUAGE_REQUIRED"),
                new Refusal("decision without interview", ScreeningTopologyTest::toAssigned, "off-1", Role.SCREENING_OFFICER, decide(ScreeningOutcome.NO_CREDIBLE_FEAR), CommandResult.Outcome.CONFLICT, "INTERVIEW_REQUIRED"),
                new Refusal("decision by another officer", ScreeningTopologyTest::toInterviewed, "off-2", Role.SCREENING_OFFICER, decide(ScreeningOutcome.NO_CREDIBLE_FEAR), CommandResult.Outcome.UNPROCESSABLE, "NOT_ASSIGNED_OFFICER"),
                new Refusal("decision after the certification expired", h -> { toInterviewed(h); h.officer("off-1", List.of("es"), NOW.minus(Duration.ofDays(30)), h.now()); },
                        "off-1", Role.SCREENING_OFFICER, decide(ScreeningOutcome.NO_CREDIBLE_FEAR), CommandResult.Outcome.UNPROCESSABLE, "CERTIFICATION_INVALID"),
                new Refusal("decision without shared language or interpreter", h -> {
                    h.open(CASE);
                    assertApplied(assigned(h, "off-en"));
                    assertApplied(h.command(CASE, "off-en", Role.SCREENING_OFFICER, interview("en", false)));
                }, "off-en", Role.SCREENING_OFFICER, decide(ScreeningOutcome.NO_CREDIBLE_FEAR), CommandResult.Outcome.UNPROCESSABLE, "NO_SHARED_LANGUAGE"),
                new Refusal("decision without rationale", ScreeningTopologyTest::toInterviewed, "off-1", Role.SCREENING_OFFICER,
                        DecideScreening.newBuilder().setOutcome(ScreeningOutcome.NO_CREDIBLE_FEAR).setRationale("").build(), CommandResult.Outcome.UNPROCESSABLE, "RATIONALE_REQUIRED"),
                new Refusal("a second decision", ScreeningTopologyTest::toReviewWindow, "off-1", Role.SCREENING_OFFICER, decide(ScreeningOutcome.CREDIBLE_FEAR), CommandResult.Outcome.CONFLICT, "WRONG_STATE"),
                new Refusal("any command on a protected case", h -> h.open(CASE, false, true), "sup-1", Role.SUPERVISOR, assign("off-1"), CommandResult.Outcome.CONFLICT, "S2_PROTECTION_FIRST"),
                new Refusal("review request after the window closed", h -> { toReviewWindow(h); h.advance(REVIEW_WINDOW.plusSeconds(2)); },
                        "off-1", Role.SCREENING_OFFICER, RequestReview.newBuilder().setReason("late").build(), CommandResult.Outcome.CONFLICT, "WRONG_STATE"),
                new Refusal("review request without reason", ScreeningTopologyTest::toReviewWindow, "off-1", Role.SCREENING_OFFICER,
                        RequestReview.newBuilder().setReason("").build(), CommandResult.Outcome.UNPROCESSABLE, "REASON_REQUIRED"),
                new Refusal("review decision without a request", ScreeningTopologyTest::toReviewWindow, "sup-1", Role.SUPERVISOR,
                        DecideReview.newBuilder().setResult(ReviewResult.UPHELD).setRationale("x").build(), CommandResult.Outcome.CONFLICT, "WRONG_STATE"),
                new Refusal("review decided by an officer", ScreeningTopologyTest::toReviewRequested, "off-2", Role.SCREENING_OFFICER,
                        DecideReview.newBuilder().setResult(ReviewResult.UPHELD).setRationale("x").build(), CommandResult.Outcome.UNPROCESSABLE, "ROLE_NOT_ALLOWED"),
                new Refusal("review decided by the deciding officer", h -> {
                    h.open(CASE);
                    assertApplied(assigned(h, "sup-2"));
                    assertApplied(h.command(CASE, "sup-2", Role.SUPERVISOR, interview("es", false)));
                    assertApplied(h.command(CASE, "sup-2", Role.SUPERVISOR, decide(ScreeningOutcome.NO_CREDIBLE_FEAR)));
                    assertApplied(h.command(CASE, "sup-2", Role.SUPERVISOR, RequestReview.newBuilder().setReason("asked").build()));
                }, "sup-2", Role.SUPERVISOR, DecideReview.newBuilder().setResult(ReviewResult.UPHELD).setRationale("x").build(), CommandResult.Outcome.UNPROCESSABLE, "REVIEWER_IS_DECIDER"),
                new Refusal("waiver after the case is final", h -> { toReviewWindow(h); h.advance(REVIEW_WINDOW.plusSeconds(2)); },
                        "off-1", Role.SCREENING_OFFICER, WaiveReview.newBuilder().setReason("x").build(), CommandResult.Outcome.CONFLICT, "WRONG_STATE"),
                new Refusal("waiver without reason", ScreeningTopologyTest::toReviewWindow, "off-1", Role.SCREENING_OFFICER,
                        WaiveReview.newBuilder().setReason(" ").build(), CommandResult.Outcome.UNPROCESSABLE, "REASON_REQUIRED"))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void everyIllegalCommandIsRefusedWithItsRuleAndChangesNothing(Refusal row) {
        row.setup().accept(h);
        h.newEvents();
        var before = h.stored(CASE);

        CommandResult result = h.command(CASE, row.actor(), row.role(), row.command());

        assertThat(result.outcome()).isEqualTo(row.outcome());
        assertThat(result.rule()).isEqualTo(row.rule());
        assertThat(result.detail()).isNotBlank();
        assertThat(h.newEvents()).isEmpty();
        assertThat(h.stored(CASE)).isEqualTo(before);
    }

}
