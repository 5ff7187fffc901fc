package org.caseflow.removal.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseflow.removal.stream.RemovalHarness.NOW;

import java.time.Duration;
import java.time.Instant;

import org.caseflow.schemas.common.CommandOutcome;
import org.caseflow.schemas.common.CommandResult;
import org.caseflow.schemas.common.EmittedEvent;
import org.caseflow.schemas.removal.FlightStatus;
import org.caseflow.schemas.removal.PlanFlight;
import org.caseflow.schemas.removal.RecordStay;
import org.caseflow.schemas.removal.StayReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every removal command is decided in the topology and answered once, by the step that holds the facts. */
class RemovalCommandAnswersTest {

    static final Instant TOMORROW = NOW.plus(Duration.ofDays(1));

    RemovalHarness h;

    @BeforeEach
    void start() {
        h = new RemovalHarness();
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void aPlannedFlightIsAnsweredByAllocationWithTheSeatsItGave() {
        h.eligible("case-1", "VEN", null);
        String plan = h.plan("FL-1", "VEN", TOMORROW, 5);
        CommandResult answer = h.answer(plan);
        assertThat(answer.getOutcome()).isEqualTo(CommandOutcome.APPLIED);
        assertThat(answer.getFlightId()).isEqualTo("FL-1");
        assertThat(answer.getEvents()).extracting(EmittedEvent::getType).containsExactly("RemovalScheduled");
    }

    @Test
    void aFlightPlanThatCannotBeIsRefusedWithTheRule() {
        assertThat(h.answer(h.plan("FL-1", "ZZZ", TOMORROW, 5)).getRule()).isEqualTo("INVALID_DESTINATION");
        assertThat(h.answer(h.plan("FL-2", "VEN", NOW.minus(Duration.ofHours(1)), 5)).getRule()).isEqualTo("DEPARTURE_NOT_IN_FUTURE");
        assertThat(h.answer(h.plan("FL-3", "VEN", TOMORROW, 0)).getOutcome()).isEqualTo(CommandOutcome.UNPROCESSABLE);
        h.plan("FL-4", "VEN", TOMORROW, 5);
        CommandResult again = h.answer(h.plan("FL-4", "COL", TOMORROW, 5));
        assertThat(again.getOutcome()).isEqualTo(CommandOutcome.CONFLICT);
        assertThat(again.getRule()).isEqualTo("FLIGHT_EXISTS");
    }

    @Test
    void aLowerCaseDestinationWrittenStraightToKafkaIsNormalised() {
        h.eligible("case-1", "VEN", null);
        h.plan("FL-1", "ven", TOMORROW, 5);
        assertThat(h.lastFlightState("FL-1").getDestination()).isEqualTo("VEN");
        assertThat(h.lastFlightState("FL-1").getAssignments()).hasSize(1);
    }

    @Test
    void departureAndCancellationAreDecidedAgainstTheFlightAsAllocationHoldsIt() {
        assertThat(h.answer(h.depart("FL-none", NOW)).getOutcome()).isEqualTo(CommandOutcome.NOT_FOUND);
        h.plan("FL-1", "VEN", TOMORROW, 5);
        h.eligible("case-1", "VEN", null);
        CommandResult departed = h.answer(h.depart("FL-1", TOMORROW));
        assertThat(departed.getOutcome()).isEqualTo(CommandOutcome.APPLIED);
        assertThat(departed.getEvents()).extracting(EmittedEvent::getType).containsExactly("RemovalExecuted");

        CommandResult again = h.answer(h.depart("FL-1", TOMORROW));
        assertThat(again.getOutcome()).isEqualTo(CommandOutcome.CONFLICT);
        assertThat(again.getRule()).isEqualTo("FLIGHT_NOT_PLANNED");
        assertThat(h.answer(h.cancelFlight("FL-1")).getRule()).isEqualTo("FLIGHT_NOT_PLANNED");
        assertThat(h.lastFlightState("FL-1").getStatus()).isEqualTo(FlightStatus.DEPARTED);
    }

    @Test
    void aStayIsAnsweredWhereTheCaseIsAndRefusedOnceItsFlightLeft() {
        assertThat(h.answer(h.stay("case-unknown", StayReason.MEDICAL)).getOutcome()).isEqualTo(CommandOutcome.NOT_FOUND);

        h.plan("FL-1", "VEN", TOMORROW, 5);
        h.eligible("case-1", "VEN", null);
        h.eligible("case-2", "VEN", null);
        CommandResult stayed = h.answer(h.stay("case-1", StayReason.COURT_ORDER));
        assertThat(stayed.getOutcome()).isEqualTo(CommandOutcome.APPLIED);
        assertThat(stayed.getCaseId()).isEqualTo("case-1");
        assertThat(stayed.getEvents()).extracting(EmittedEvent::getType).containsExactly("RemovalStayed");

        h.depart("FL-1", TOMORROW);
        CommandResult late = h.answer(h.stay("case-2", StayReason.MEDICAL));
        assertThat(late.getOutcome()).isEqualTo(CommandOutcome.CONFLICT);
        assertThat(late.getRule()).isEqualTo("ALREADY_EXECUTED");
        assertThat(h.newEventTypes().get("case-2")).doesNotContain("RemovalStayed");
    }

    @Test
    void aCommandDeliveredAgainIsDecidedOnceAndItsFirstAnswerStands() {
        h.plan("FL-1", "VEN", TOMORROW, 5);
        h.eligible("case-1", "VEN", null);
        h.newEvents();
        RecordStay stay = RecordStay.newBuilder().setCaseId("case-1").setReason(StayReason.MEDICAL).setNote(null).build();
        String commandId = h.command("case-1", stay);
        h.redeliver("case-1", commandId, stay);
        h.answer(commandId);
        assertThat(h.answered.get(commandId)).hasSize(1);
        assertThat(h.newEventTypes().get("case-1")).containsExactly("RemovalStayed");

        PlanFlight plan = PlanFlight.newBuilder().setFlightId("FL-2").setDestination("VEN").setDepartureAt(TOMORROW).setSeats(3).setCarrier("x").build();
        String planned = h.command("FL-2", plan);
        h.redeliver("FL-2", planned, plan);
        assertThat(h.answer(planned).getOutcome()).isEqualTo(CommandOutcome.APPLIED);
        assertThat(h.answered.get(planned)).hasSize(1);
    }
}
