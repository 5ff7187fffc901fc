package org.caseflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.caseflow.schemas.CaseflowSerdes;
import org.caseflow.schemas.Topics;
import org.caseflow.schemas.intake.IntakeEventEnvelope;
import org.junit.jupiter.api.Test;

/** An envelope through the real broker with the Apicurio serde, framed the Confluent-compatible way. */
@WithCaseflowStack
class RegistryRoundTripTest {

    @Test
    void envelopeIsFramedWithMagicByteAndContentIdThatTheCcompatApiServes(StackAddresses stack) throws Exception {
        String caseId = "case-" + UUID.randomUUID();
        IntakeEventEnvelope sent = SampleEvents.caseOpened(caseId);

        var producerConfig = stack.kafka(org.caseflow.schemas.Principals.INTAKE, Map.of(
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.ACKS_CONFIG, "all"));
        try (var producer = new KafkaProducer<>(producerConfig, new StringSerializer(),
                CaseflowSerdes.<IntakeEventEnvelope>serializer(stack.registry(), false))) {
            producer.send(new ProducerRecord<>(Topics.CASE_INTAKE_EVENTS, caseId, sent)).get();
        }

        ConsumerRecord<String, byte[]> raw = readOne(stack, caseId);
        byte[] bytes = raw.value();
        assertThat(bytes[0]).as("magic byte").isZero();
        int contentId = ByteBuffer.wrap(bytes, 1, 4).getInt();
        assertThat(raw.headers().toArray()).as("no registry headers: the id travels in the payload").isEmpty();

        HttpResponse<String> schema = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(stack.registryCcompatUrl() + "/schemas/ids/" + contentId)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(schema.statusCode()).isEqualTo(200);
        assertThat(schema.body()).contains("IntakeEventEnvelope").contains("CaseOpened");

        IntakeEventEnvelope received = CaseflowSerdes.<IntakeEventEnvelope>deserializer(stack.registry(), false)
                .deserialize(Topics.CASE_INTAKE_EVENTS, bytes);
        assertThat(received).isEqualTo(sent);
    }

    /** Services run with auto-registration off: what provisioning did not register, a service cannot register either. */
    @Test
    void aServiceCannotRegisterASchema(StackAddresses stack) throws Exception {
        var asAService = new CaseflowSerdes.RegistrySettings(stack.registryUrl(), false);
        var serializer = CaseflowSerdes.<IntakeEventEnvelope>serializer(asAService, false);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> serializer.serialize("not.in.the.catalogue", SampleEvents.caseOpened("case-x")))
                .isInstanceOf(RuntimeException.class);
        HttpResponse<String> artifact = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(stack.registryUrl()
                + "/groups/default/artifacts/not.in.the.catalogue-value")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(artifact.statusCode()).isEqualTo(404);
        // and a catalogued topic works with what provisioning registered
        assertThat(serializer.serialize(Topics.CASE_INTAKE_EVENTS, SampleEvents.caseOpened("case-y"))).isNotEmpty();
    }

    /**
     * The registry itself refuses writers other than provisioning: a serializer with auto-registration on (a client
     * configured to register) fails, an anonymous write is 401, a Caseflow user's token 403; provisioning's token may
     * register; reads stay open.
     */
    @Test
    void onlyProvisioningMayRegisterSchemas(StackAddresses stack) throws Exception {
        var registering = CaseflowSerdes.<IntakeEventEnvelope>serializer(new CaseflowSerdes.RegistrySettings(stack.registryUrl(), true), false);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> registering.serialize("guard.test.topic", SampleEvents.caseOpened("case-z")))
                .isInstanceOf(RuntimeException.class);
        String artifact = "{\"artifactId\": \"guard-test-" + System.nanoTime() + "\", \"artifactType\": \"AVRO\", \"firstVersion\": {\"content\": "
                + "{\"content\": \"{\\\"type\\\": \\\"string\\\"}\", \"contentType\": \"application/json\"}}}";
        java.util.function.Function<String, Integer> create = authorization -> {
            var request = HttpRequest.newBuilder(URI.create(stack.registryUrl() + "/groups/guard-test/artifacts")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(artifact));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            try {
                return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        assertThat(create.apply(null)).as("anonymous").isEqualTo(401);
        assertThat(create.apply(ApiClient.authorization("supervisor"))).as("a Caseflow user").isEqualTo(403);
        assertThat(create.apply(ApiClient.authorization("auditor"))).as("the auditor").isEqualTo(403);
        assertThat(create.apply(ApiClient.authorization("provisioning"))).as("provisioning").isEqualTo(200);
        HttpResponse<String> read = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(stack.registryUrl()
                + "/groups/default/artifacts/" + Topics.CASE_INTAKE_EVENTS + "-value")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(read.statusCode()).as("reads need no token").isEqualTo(200);
    }

    private static ConsumerRecord<String, byte[]> readOne(StackAddresses stack, String key) {
        var config = stack.kafka(org.caseflow.schemas.Principals.AUDITOR, Map.of(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.CASE_INTAKE_EVENTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.currentTimeMillis() + 30_000;
            while (System.currentTimeMillis() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key().equals(key)) {
                        return record;
                    }
                }
            }
            throw new AssertionError("record " + key + " not read back within 30 s");
        }
    }
}
