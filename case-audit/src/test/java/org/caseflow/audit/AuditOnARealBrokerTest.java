package org.caseflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.caseflow.schemas.CaseflowSerdes;
import org.caseflow.schemas.Topics;
import org.caseflow.schemas.common.Metadata;
import org.caseflow.schemas.intake.IntakeEventEnvelope;
import org.caseflow.schemas.removal.FlightEnvelope;
import org.caseflow.schemas.removal.FlightState;
import org.caseflow.schemas.removal.RemovalEventEnvelope;
import org.caseflow.schemas.screening.OfficerEnvelope;
import org.caseflow.schemas.screening.OfficerRegistered;
import org.caseflow.schemas.screening.ScreeningEventEnvelope;
import org.caseflow.testsupport.StackAddresses;
import org.caseflow.testsupport.WithCaseflowStack;
import org.junit.jupiter.api.Test;

/**
 * The whole audit against a real broker and registry: crafted histories written with the project's own
 * serdes (and the broker's own timestamps), plus records that cannot be trusted or read at all. The audit
 * reports each as a finding with its position in the log, and never stops.
 */
@WithCaseflowStack
class AuditOnARealBrokerTest {

    @Test
    void cleanAndViolatingHistoriesAndUnreadableRecords(StackAddresses stack) throws Exception {
        // an hour of the crafted history is 10 ms here, so every claimed time is within the broker's clock tolerance
        Instant t0 = Instant.now();
        CraftedLog clean = new CraftedLog(t0, Duration.ofMillis(10)).clean();
        CraftedLog feared = new CraftedLog(t0, Duration.ofMillis(10));
        feared.seat = 4;
        feared.interviewFeared = List.of("ven");
        feared.clean();
        var settings = new CaseflowSerdes.RegistrySettings(stack.registryUrl(), false);
        Serializer<SpecificRecord> avro = CaseflowSerdes.serializer(settings, false);
        try (var producer = new KafkaProducer<>(stack.kafka(org.caseflow.schemas.Principals.PROVISIONING, Map.of(ProducerConfig.ACKS_CONFIG,
                "all")), new ByteArraySerializer(), new ByteArraySerializer())) {
            clean.signOpened();
            feared.signOpened();
            List<AuditRecord> all = new ArrayList<>(clean.facts);
            all.addAll(feared.facts);
            all.addAll(clean.records);
            all.addAll(feared.records);
            all.sort(java.util.Comparator.comparingLong(AuditRecord::timestamp));
            for (AuditRecord r : all) {
                producer.send(new ProducerRecord<>(r.topic(), bytes(r.key()), avro.serialize(r.topic(), envelope(r)))).get();
            }
            byte[] unknownSchema = ByteBuffer.allocate(9).put((byte) 0).putInt(987_654).putInt(42).array();
            producer.send(new ProducerRecord<>(Topics.CASE_SCREENING_EVENTS, bytes("case-garbage"), "not avro at all".getBytes(StandardCharsets.UTF_8))).get();
            producer.send(new ProducerRecord<>(Topics.CASE_SCREENING_EVENTS, bytes("case-tombstone"), null)).get();
            producer.send(new ProducerRecord<>(Topics.CASE_REMOVAL_EVENTS, bytes("case-unknown-schema"), unknownSchema)).get();
            byte[] truncated = avro.serialize(Topics.CASE_INTAKE_EVENTS, envelope(clean.records.getFirst()));
            producer.send(new ProducerRecord<>(Topics.CASE_INTAKE_EVENTS, bytes("case-truncated"), java.util.Arrays.copyOf(truncated, 20))).get();
            FlightEnvelope flightOnACaseTopic = (FlightEnvelope) envelope(clean.facts.stream().filter(r -> r.payload() instanceof FlightState).findFirst()
                    .orElseThrow());
            producer.send(new ProducerRecord<>(Topics.CASE_INTAKE_EVENTS, bytes(clean.caseId), avro.serialize(Topics.REMOVAL_FLIGHTS, flightOnACaseTopic))).get();
        }

        AuditReport report = CaseAudit.audit(new CaseAudit.Options(stack.bootstrapServers(),
                stack.credentials().clientProperties(org.caseflow.schemas.Principals.AUDITOR), stack.registryUrl(), null, null, null, "json", null,
                Duration.ofDays(7), Duration.ofSeconds(10)), new PrintStream(OutputStream.nullOutputStream()));

        assertThat(report.cases).isGreaterThanOrEqualTo(2);
        assertThat(report.findings.stream().filter(f -> f.rule().equals(Rules.MALFORMED_RECORD) && f.offending().type().equals("unreadable")))
                .extracting(f -> f.offending().topic())
                .containsExactlyInAnyOrder(Topics.CASE_SCREENING_EVENTS, Topics.CASE_SCREENING_EVENTS, Topics.CASE_REMOVAL_EVENTS, Topics.CASE_INTAKE_EVENTS);
        assertThat(report.findings).anySatisfy(f -> {
            assertThat(f.rule()).isEqualTo(Rules.WRONG_WRITER);
            assertThat(f.caseId()).isEqualTo(clean.caseId);
            assertThat(f.message()).contains("FlightEnvelope");
        });
        assertThat(report.findings).anySatisfy(f -> {
            assertThat(f.rule()).isEqualTo(Rules.S3);
            assertThat(f.caseId()).isEqualTo(feared.caseId);
        });
        // the flight record re-sent on a case topic also repeats its event id
        assertThat(report.findings).as(report.text()).allSatisfy(f -> assertThat(f.rule()).isIn(Rules.MALFORMED_RECORD, Rules.WRONG_WRITER, Rules.S3,
                Rules.DUPLICATE_EVENT_ID));
        assertThat(report.findings).filteredOn(f -> f.rule().equals(Rules.S3)).allSatisfy(f -> assertThat(f.caseId()).isEqualTo(feared.caseId));
    }

    private static byte[] bytes(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    /** The topic's envelope around a crafted record's metadata and payload. */
    static SpecificRecord envelope(AuditRecord r) {
        Metadata md = r.metadata();
        Object p = r.payload();
        return switch (r.topic()) {
            case Topics.CASE_INTAKE_EVENTS -> IntakeEventEnvelope.newBuilder().setMetadata(md).setPayload(p).build();
            case Topics.CASE_SCREENING_EVENTS -> ScreeningEventEnvelope.newBuilder().setMetadata(md).setPayload(p).build();
            case Topics.CASE_REMOVAL_EVENTS -> RemovalEventEnvelope.newBuilder().setMetadata(md).setPayload(p).build();
            case Topics.REMOVAL_FLIGHTS -> FlightEnvelope.newBuilder().setMetadata(md).setPayload(p).build();
            case Topics.SCREENING_OFFICERS -> OfficerEnvelope.newBuilder().setMetadata(md).setPayload((OfficerRegistered) p).build();
            case Topics.INTAKE_STATIONS -> org.caseflow.schemas.intake.StationKeyEnvelope.newBuilder().setMetadata(md).setPayload(p).build();
            default -> throw new IllegalArgumentException(r.topic());
        };
    }
}
