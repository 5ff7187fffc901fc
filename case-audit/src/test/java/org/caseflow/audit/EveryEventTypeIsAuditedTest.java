package org.caseflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.caseflow.schemas.Topics;
import org.caseflow.testsupport.PayloadUnions;
import org.junit.jupiter.api.Test;

/** A new event type on a case topic cannot be forgotten by the audit: the schemas' unions are the list. */
class EveryEventTypeIsAuditedTest {

    @Test
    void theLedgerHandlesEveryPayloadOfEveryCaseTopicsUnion() {
        Set<Class<?>> inSchemas = new HashSet<>();
        Topics.CASE_TOPICS.forEach(topic -> inSchemas.addAll(PayloadUnions.of(topic)));
        assertThat(inSchemas).isNotEmpty().doesNotContainNull();
        assertThat(CaseLedger.HANDLED).as("payload types the audit's ledger handles").containsExactlyInAnyOrderElementsOf(inSchemas);
    }
}
