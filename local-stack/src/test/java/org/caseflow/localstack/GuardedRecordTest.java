package org.caseflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.caseflow.schemas.CaseflowSerdes;
import org.caseflow.schemas.Principals;
import org.caseflow.schemas.Topics;
import org.caseflow.schemas.common.Actor;
import org.caseflow.schemas.common.Metadata;
import org.caseflow.schemas.common.Role;
import org.caseflow.schemas.common.ScreeningOutcome;
import org.caseflow.schemas.removal.RecordStay;
import org.caseflow.schemas.removal.RemovalCommandEnvelope;
import org.caseflow.schemas.removal.StayReason;
import org.caseflow.schemas.screening.ScreeningConcluded;
import org.caseflow.schemas.screening.ScreeningEventEnvelope;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker guards the record: a forged screening conclusion or removal command, written with the project's own
 * serdes, is refused unless it comes from the topic's one writer — and nothing forged reaches the topic.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class GuardedRecordTest {

    @TempDir
    static Path workDir;
    static LocalStack stack;
    static CaseflowSerdes.RegistrySettings registry;

    @BeforeAll
    static void start() throws Exception {
        CaseflowSerdes.trustGeneratedClasses();
        stack = LocalStack.start(LocalStack.Settings.forTests(workDir));
        registry = new CaseflowSerdes.RegistrySettings(stack.registryUrl(), false);
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    static ScreeningEventEnvelope forgedConclusion(String caseId) {
        Instant now = Instant.now();
        return ScreeningEventEnvelope.newBuilder().setMetadata(metadata(caseId, now)).setPayload(ScreeningConcluded.newBuilder().setCaseId(caseId)
                .setOutcome(ScreeningOutcome.NO_CREDIBLE_FEAR).setEligibleForRemoval(true).setDecidedBy("nobody").setReviewWindowClosedAt(now)
                .setReviewWaived(false).build()).build();
    }

    static Metadata metadata(String caseId, Instant now) {
        return Metadata.newBuilder().setEventId(caseId + "-forged").setCaseId(caseId).setOccurredAt(now).setRecordedAt(now)
                .setProducer("screening-service").setActor(Actor.newBuilder().setId("screening-service").setRole(Role.SYSTEM).build())
                .setCausationId(null).setCorrelationId(caseId).build();
    }

    /** Writes as {@code principal} (null: no credentials at all); returns the failure, or null if the broker took it. */
    static Throwable write(Map<String, Object> client, String topic, String key, Object envelope) {
        Map<String, Object> config = new HashMap<>(client);
        config.putAll(Map.of(ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.MAX_BLOCK_MS_CONFIG, 8_000, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000));
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), CaseflowSerdes.serializer(registry, false))) {
            producer.send(new ProducerRecord<>(topic, key, (org.apache.avro.specific.SpecificRecord) envelope)).get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (RuntimeException e) {
            return e;
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static long recordsOn(String topic) {
        try (var consumer = new KafkaConsumer<>(stack.kafkaClient(Principals.AUDITOR), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    @Test
    void aFieldOfficeCannotWriteAScreeningConclusion() {
        Throwable refused = write(stack.kafkaClient(Principals.FIELD_OFFICE), Topics.CASE_SCREENING_EVENTS, "case-f", forgedConclusion("case-f"));
        assertThat(refused).isInstanceOf(AuthorizationException.class);
        assertThat(recordsOn(Topics.CASE_SCREENING_EVENTS)).isZero();
    }

    @Test
    void aServiceCannotWriteAnotherServicesTopic() {
        assertThat(write(stack.kafkaClient(Principals.REMOVAL), Topics.CASE_SCREENING_EVENTS, "case-r", forgedConclusion("case-r")))
                .isInstanceOf(AuthorizationException.class);
        var stay = RemovalCommandEnvelope.newBuilder().setMetadata(metadata("case-i", Instant.now()))
                .setPayload(RecordStay.newBuilder().setCaseId("case-i").setReason(StayReason.OTHER).setNote(null).build()).build();
        assertThat(write(stack.kafkaClient(Principals.INTAKE), Topics.REMOVAL_COMMANDS, "case-i", stay)).isInstanceOf(AuthorizationException.class);
        assertThat(write(stack.kafkaClient(Principals.AUDITOR), Topics.REMOVAL_COMMANDS, "case-a", stay)).isInstanceOf(AuthorizationException.class);
        assertThat(recordsOn(Topics.CASE_SCREENING_EVENTS)).isZero();
        assertThat(recordsOn(Topics.REMOVAL_COMMANDS)).isZero();
    }

    @Test
    void aClientWithoutCredentialsOrWithAWrongPasswordGetsNothingIn() {
        Throwable anonymous = write(Map.of("bootstrap.servers", stack.bootstrapServers()), Topics.CASE_SCREENING_EVENTS, "case-x", forgedConclusion("case-x"));
        assertThat(anonymous).isNotNull();
        Map<String, Object> wrong = new HashMap<>(stack.kafkaClient(Principals.SCREENING));
        wrong.put("sasl.jaas.config", KafkaCredentials.jaas(Principals.SCREENING, "guessed"));
        assertThat(write(wrong, Topics.CASE_SCREENING_EVENTS, "case-y", forgedConclusion("case-y")))
                .isInstanceOf(org.apache.kafka.common.errors.SaslAuthenticationException.class);
        assertThat(recordsOn(Topics.CASE_SCREENING_EVENTS)).isZero();
    }

    @Test
    void theAuditorReadsButJoinsNoGroup() {
        Map<String, Object> grouped = new HashMap<>(stack.kafkaClient(Principals.AUDITOR));
        grouped.put(ConsumerConfig.GROUP_ID_CONFIG, "auditors");
        try (var consumer = new KafkaConsumer<>(grouped, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.CASE_INTAKE_EVENTS));
            assertThatThrownBy(() -> {
                for (int i = 0; i < 20; i++) {
                    consumer.poll(Duration.ofMillis(500));
                }
            }).isInstanceOf(AuthorizationException.class);
        }
    }

    @Test
    @org.junit.jupiter.api.Order(Integer.MAX_VALUE - 1) // late: the field office's old password stops working
    void aRotatedCredentialReplacesTheOldOne() throws Exception {
        Map<String, Object> before = stack.kafkaClient(Principals.FIELD_OFFICE);
        assertThat(endOffsets(before, Topics.INTAKE_REJECTIONS)).isZero();

        KafkaCredentials.rotate(workDir, stack.bootstrapServers(), Principals.FIELD_OFFICE);

        Map<String, Object> after = new HashMap<>(KafkaCredentials.read(stack.credentials().file(Principals.FIELD_OFFICE)));
        after.put("bootstrap.servers", stack.bootstrapServers());
        assertThat(after.get("sasl.jaas.config")).isNotEqualTo(before.get("sasl.jaas.config"));
        assertThat(endOffsets(after, Topics.INTAKE_REJECTIONS)).isZero();
        assertThatThrownBy(() -> endOffsets(before, Topics.INTAKE_REJECTIONS))
                .isInstanceOf(org.apache.kafka.common.errors.SaslAuthenticationException.class);
    }

    static long endOffsets(Map<String, Object> client, String topic) {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        try (var consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    @Test
    @org.junit.jupiter.api.Order(Integer.MAX_VALUE) // last: the other tests check that the topic stayed empty
    void theTopicsWriterIsLetThrough() {
        // the same record from screening itself: the guard refuses by principal, not by content
        assertThat(write(stack.kafkaClient(Principals.SCREENING), Topics.CASE_SCREENING_EVENTS, "case-ok", forgedConclusion("case-ok"))).isNull();
        assertThat(recordsOn(Topics.CASE_SCREENING_EVENTS)).isEqualTo(1);
    }
}
