package org.caseflow.screening.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.caseflow.schemas.Topics;
import org.caseflow.testsupport.PayloadUnions;
import org.junit.jupiter.api.Test;

/** A new intake event or screening command cannot be forgotten: the schemas' unions are the list screening must cover. */
class EveryInputTypeIsHandledTest {

    @Test
    void screeningSaysWhatItDoesWithEveryPayloadItCanRead() {
        Set<Class<?>> readable = new HashSet<>(PayloadUnions.of(Topics.CASE_INTAKE_EVENTS));
        readable.addAll(PayloadUnions.of(Topics.SCREENING_COMMANDS));
        assertThat(ScreeningProcessor.READS.keySet()).containsExactlyInAnyOrderElementsOf(readable);
    }
}
