package org.caseflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void namesAreUniqueAndEveryConsumedTopicHasADeadLetterTopic() {
        var names = Topics.all().stream().map(TopicSpec::name).toList();
        assertThat(new HashSet<>(names)).hasSize(names.size());
        assertThat(names).contains(Topics.dlt(Topics.INTAKE_SUBMISSIONS), Topics.dlt(Topics.CASE_INTAKE_EVENTS));
    }

    @Test
    void eventTopicsKeepEverything() {
        for (String events : new String[] {Topics.CASE_INTAKE_EVENTS, Topics.CASE_SCREENING_EVENTS, Topics.CASE_REMOVAL_EVENTS}) {
            assertThat(Topics.byName(events).configs()).containsEntry("retention.ms", "-1");
        }
    }

    @Test
    void everyValueSchemaIsAnEnvelopeOfMetadataAndAPayloadUnion() {
        for (TopicSpec topic : Topics.withSchemas()) {
            Schema schema = topic.valueSchema().orElseThrow();
            assertThat(schema.getFields()).extracting(Schema.Field::name).as(topic.name()).containsExactly("metadata", "payload");
            assertThat(schema.getField("metadata").schema().getFullName()).isEqualTo("org.caseflow.schemas.common.Metadata");
            assertThat(schema.getField("payload").schema().getType()).isEqualTo(Schema.Type.UNION);
        }
    }

    @Test
    void unknownTopicIsAClearError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Topics.byName("case.nope"))
                .hasMessageContaining("case.nope");
    }
}
