package org.caseflow.schemas.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.avro.Schema;
import org.caseflow.schemas.Topics;
import org.caseflow.schemas.intake.IntakeEventEnvelope;
import org.junit.jupiter.api.Test;

class CompatibilityGateTest {

    private static final String TOPIC = Topics.CASE_INTAKE_EVENTS;
    private static final String SUBMISSION_ID = "{\"name\":\"submissionId\",\"type\":{\"type\":\"string\",\"avro.java.string\":\"String\"}}";
    private static final String LINKED_CASES = ",{\"name\":\"linkedCaseIds\",\"type\":{\"type\":\"array\",\"items\":{\"type\":\"string\",\"avro.java.string\":\"String\"}},"
            + "\"doc\":\"Earlier cases of the same person (same document number and nationality).\",\"default\":[]}";

    /** The build's gate: every current schema reads every released version of its topic. */
    @Test
    void everyCurrentSchemaReadsAllReleasedVersions() {
        assertThat(CompatibilityGate.checkCatalogue()).isEmpty();
    }

    @Test
    void everyCatalogedTopicHasAReleasedVersion() {
        Topics.withSchemas().forEach(t -> assertThat(ReleasedSchemas.of(t.name())).as(t.name()).isNotEmpty());
    }

    @Test
    void aNewRequiredFieldWithoutDefaultIsRefused() {
        Schema candidate = parse(currentJson().replace(
                "{\"name\":\"submissionId\"", "{\"name\":\"riskScore\",\"type\":\"int\"},{\"name\":\"submissionId\""));

        var refusals = CompatibilityGate.check(TOPIC, candidate, ReleasedSchemas.of(TOPIC));

        // refused against every released version (BACKWARD_TRANSITIVE), oldest first
        assertThat(refusals).extracting(CompatibilityGate.Refusal::version)
                .isEqualTo(java.util.stream.IntStream.rangeClosed(1, ReleasedSchemas.of(TOPIC).size()).boxed().toList());
        assertThat(refusals).allSatisfy(r -> {
            assertThat(r.detail()).contains("READER_FIELD_MISSING_DEFAULT_VALUE").contains("riskScore");
        });
    }

    @Test
    void aChangedFieldTypeIsRefused() {
        Schema candidate = parse(currentJson().replace(
                SUBMISSION_ID, "{\"name\":\"submissionId\",\"type\":\"long\"}"));

        assertThat(CompatibilityGate.check(TOPIC, candidate, ReleasedSchemas.of(TOPIC)))
                .isNotEmpty().allSatisfy(r -> assertThat(r.detail()).contains("TYPE_MISMATCH"));
    }

    @Test
    void aRemovedPayloadEventTypeIsRefused() {
        // Old logs hold IntakeAmended; a reader without it in the union could not replay them.
        Schema full = IntakeEventEnvelope.getClassSchema();
        Schema payload = full.getField("payload").schema();
        Schema narrowed = Schema.createUnion(List.of(payload.getTypes().get(0)));
        Schema candidate = Schema.createRecord(full.getName(), full.getDoc(), full.getNamespace(), false, List.of(
                new Schema.Field("metadata", full.getField("metadata").schema()),
                new Schema.Field("payload", narrowed)));

        assertThat(CompatibilityGate.check(TOPIC, candidate, ReleasedSchemas.of(TOPIC))).isNotEmpty();
    }

    @Test
    void anOptionalFieldWithDefaultIsAccepted() {
        Schema candidate = parse(currentJson().replace(
                "{\"name\":\"submissionId\"", "{\"name\":\"riskNote\",\"type\":[\"null\",\"string\"],\"default\":null},{\"name\":\"submissionId\""));

        assertThat(candidate.toString()).contains("riskNote");
        assertThat(CompatibilityGate.check(TOPIC, candidate, ReleasedSchemas.of(TOPIC))).isEmpty();
    }

    @Test
    void theGateIsTransitiveOverEveryReleasedVersion() {
        // An older release without linkedCaseIds, then the current one with it (added with a default).
        Schema older = parse(currentJson().replace(LINKED_CASES, ""));
        Schema latest = IntakeEventEnvelope.getClassSchema();
        // A candidate that makes the field required still reads the latest release, but not the older one.
        Schema candidate = parse(currentJson().replace(LINKED_CASES, LINKED_CASES.replace(",\"default\":[]", "")));

        assertThat(CompatibilityGate.check(TOPIC, candidate, List.of(latest))).isEmpty();
        assertThat(CompatibilityGate.check(TOPIC, candidate, List.of(older, latest)))
                .extracting(CompatibilityGate.Refusal::version).containsExactly(1);
        assertThat(CompatibilityGate.check(TOPIC, latest, List.of(older, latest))).isEmpty();
    }

    private static String currentJson() {
        String json = IntakeEventEnvelope.getClassSchema().toString();
        assertThat(json).contains(SUBMISSION_ID).contains(LINKED_CASES);
        return json;
    }

    private static Schema parse(String json) {
        return new Schema.Parser().parse(json);
    }
}
