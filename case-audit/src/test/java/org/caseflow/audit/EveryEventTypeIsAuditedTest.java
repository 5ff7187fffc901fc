package org.caseflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.apache.avro.specific.SpecificData;
import org.caseflow.schemas.Topics;
import org.junit.jupiter.api.Test;

/** A new event type on a case topic cannot be forgotten by the audit: the schemas' unions are the list. */
class EveryEventTypeIsAuditedTest {

    @Test
    void theLedgerHandlesEveryPayloadOfEveryCaseTopicsUnion() {
        Set<Class<?>> inSchemas = new HashSet<>();
        for (String topic : Topics.CASE_TOPICS) {
            var envelope = Topics.byName(topic).valueSchema().orElseThrow();
            for (var branch : envelope.getField("payload").schema().getTypes()) {
                inSchemas.add(SpecificData.get().getClass(branch));
            }
        }
        assertThat(inSchemas).isNotEmpty().doesNotContainNull();
        assertThat(CaseLedger.HANDLED).as("payload types the audit's ledger handles").containsExactlyInAnyOrderElementsOf(inSchemas);
    }
}
