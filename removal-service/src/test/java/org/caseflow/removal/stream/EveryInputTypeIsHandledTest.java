package org.caseflow.removal.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.caseflow.schemas.Topics;
import org.caseflow.schemas.removal.RecordStay;
import org.caseflow.testsupport.PayloadUnions;
import org.junit.jupiter.api.Test;

/** A new event type on a topic removal reads cannot be forgotten: the schemas' unions are the list the case step must cover. */
class EveryInputTypeIsHandledTest {

    @Test
    void theCaseStepSaysWhatItDoesWithEveryPayloadItCanRead() {
        Set<Class<?>> readable = new HashSet<>();
        readable.addAll(PayloadUnions.of(Topics.CASE_INTAKE_EVENTS));
        readable.addAll(PayloadUnions.of(Topics.CASE_SCREENING_EVENTS));
        readable.addAll(PayloadUnions.of(Topics.CASE_REMOVAL_EVENTS));
        readable.add(RecordStay.class); // the case step's command; flight commands go to the flight desk
        assertThat(RemovalCaseProcessor.READS.keySet()).containsExactlyInAnyOrderElementsOf(readable);
    }

    @Test
    void everyCommandGoesToTheCaseStepOrTheFlightDesk() {
        Set<Class<?>> commands = PayloadUnions.of(Topics.REMOVAL_COMMANDS);
        Set<Class<?>> routed = new HashSet<>(FlightDeskProcessor.COMMANDS);
        routed.add(RecordStay.class);
        assertThat(routed).containsExactlyInAnyOrderElementsOf(commands);
    }
}
