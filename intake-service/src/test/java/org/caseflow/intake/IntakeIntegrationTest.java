package org.caseflow.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.caseflow.schemas.CaseflowSerdes;
import org.caseflow.schemas.Topics;
import org.caseflow.schemas.intake.CaseOpened;
import org.caseflow.schemas.intake.EncounterSubmission;
import org.caseflow.schemas.intake.IntakeEventEnvelope;
import org.caseflow.schemas.intake.RejectionEnvelope;
import org.caseflow.schemas.intake.SubmissionEnvelope;
import org.caseflow.schemas.intake.SubmissionRejected;
import org.caseflow.testsupport.ApiClient;
import org.caseflow.testsupport.TestStations;
import org.caseflow.testsupport.StackAddresses;
import org.caseflow.testsupport.TopicReader;
import org.caseflow.testsupport.WithCaseflowStack;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Through the real broker and registry: submissions over Kafka and HTTP, with retries, conflicting
 * repeats, invalid ones and raw garbage. Exactly one case per distinct valid submission, every invalid
 * one rejected, the garbage dead-lettered, and the service still processing afterwards.
 */
@WithCaseflowStack
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IntakeIntegrationTest {

    @LocalServerPort
    int port;

    final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void everyDistinctValidSubmissionBecomesExactlyOneCase(StackAddresses stack) throws Exception {
        // submission times must be "now" for the rules: the service judges against its wall clock
        List<EncounterSubmission> valid = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            valid.add(recent(TestSubmissions.valid(run + "-ok-" + i).build()));
        }
        List<EncounterSubmission> invalid = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            EncounterSubmission bad = recent(TestSubmissions.valid(run + "-bad-" + i).build());
            bad.getPerson().setNationality("ZZ" + i);
            invalid.add(bad);
        }
        List<EncounterSubmission> conflicting = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            EncounterSubmission other = recent(TestSubmissions.valid(run + "-ok-" + i).build());
            other.getPerson().setFamilyNames("Distinta");
            conflicting.add(other);
        }
        EncounterSubmission afterGarbage = recent(TestSubmissions.valid(run + "-after-garbage").build());

        ApiClient api = new ApiClient(port).awaitReady(Duration.ofSeconds(60));
        TestStations.register(api, "LAJAS_BLANCAS", "SAN_VICENTE");
        try (var avro = new KafkaProducer<>(producerConfig(stack), new StringSerializer(), CaseflowSerdes.<SubmissionEnvelope>serializer(stack.registry(), false));
             var raw = new KafkaProducer<>(producerConfig(stack), new StringSerializer(), new ByteArraySerializer())) {
            valid.forEach(s -> send(avro, s));
            valid.subList(0, 5).forEach(s -> send(avro, s)); // retries over a bad link
            invalid.forEach(s -> send(avro, s));
            avro.flush();
            conflicting.forEach(s -> send(avro, s));
            raw.send(new ProducerRecord<>(Topics.INTAKE_SUBMISSIONS, run + "-garbage-1", "definitely not avro".getBytes(StandardCharsets.UTF_8))).get();
            raw.send(new ProducerRecord<>(Topics.INTAKE_SUBMISSIONS, run + "-garbage-2", new byte[] {0, 0, 0, 0x7f, 0x7f, 1, 2, 3})).get();
            raw.send(new ProducerRecord<>(Topics.INTAKE_SUBMISSIONS, run + "-garbage-3", new byte[0])).get();
            send(avro, afterGarbage);
        }

        // HTTP: the same topic, answered with the topology's verdict
        String body = json(run + "-http-1", "VEN");
        var first = api.post("/api/submissions", "field-office", body);
        assertThat(first.status()).isEqualTo(202);
        assertThat(first.raw().headers().firstValue("Location")).hasValue("/api/submissions/" + run + "-http-1");
        assertThat(first.body()).contains("\"status\":\"ACCEPTED\"").contains("\"caseId\":\"");
        // the person's cases, by nationality and document number (as the field office wrote it: "V-<id>", dashes ignored)
        String firstCase = first.body().replaceAll(".*\"caseId\":\"([^\"]+)\".*", "$1");
        // linking by person runs after the verdict (its own step, behind a repartition): wait for it
        var person = api.get("/api/persons/cases?nationality=ven&document=v" + run + "-http-1", "supervisor");
        for (long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos(); person.status() == 404 && System.nanoTime() < deadline; ) {
            Thread.sleep(100);
            person = api.get("/api/persons/cases?nationality=ven&document=v" + run + "-http-1", "supervisor");
        }
        assertThat(person.status()).as(person.body()).isEqualTo(200);
        assertThat(person.body()).contains(firstCase).contains("\"nationality\":\"VEN\"");
        assertThat(api.get("/api/persons/cases?nationality=VEN&document=nobody", "supervisor").status()).isEqualTo(404);
        assertThat(api.get("/api/persons/cases?nationality=XX&document=x", "supervisor").status()).isEqualTo(400);
        var retry = api.post("/api/submissions", "field-office", body);
        assertThat(retry.status()).isEqualTo(202);
        assertThat(retry.body()).isEqualTo(first.body());
        var reused = api.post("/api/submissions", "field-office", json(run + "-http-1", "COL"));
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.contentType()).startsWith("application/problem+json");
        assertThat(reused.body()).contains("SUBMISSION_ID_REUSED");
        String badBody = json(run + "-http-bad", "XXX");
        var refused = api.post("/api/submissions", "field-office", badBody);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("NATIONALITY_INVALID").contains("\"status\":\"REJECTED\"");
        assertThat(api.post("/api/submissions", "field-office", badBody).body()).isEqualTo(refused.body());
        assertThat(api.post("/api/submissions", null, body).status()).isEqualTo(401);
        assertThat(api.post("/api/submissions", "auditor", body).status()).isEqualTo(403);
        var malformed = api.post("/api/submissions", "field-office", "{\"submissionId\": \"x\", \"person\": 42}");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        var missingFields = api.post("/api/submissions", "field-office", "{\"submissionId\": \"" + run + "-empty\"}");
        assertThat(missingFields.status()).isEqualTo(400);
        assertThat(missingFields.body()).contains("person").contains("encounter");

        // exactly one case per distinct valid submission (20 over Kafka, 1 after the garbage, 1 over HTTP)
        Set<String> expected = new HashSet<>();
        valid.forEach(s -> expected.add(s.getSubmissionId()));
        expected.add(afterGarbage.getSubmissionId());
        expected.add(run + "-http-1");
        List<CaseOpened> opened = TopicReader.readUntil(stack, Topics.CASE_INTAKE_EVENTS, new StringDeserializer(),
                        CaseflowSerdes.<IntakeEventEnvelope>deserializer(stack.registry(), false),
                        records -> ours(records).size() >= expected.size(), Duration.ofSeconds(60))
                .stream().map(r -> (CaseOpened) r.value().getPayload()).filter(c -> c.getSubmissionId().startsWith(run)).toList();
        Thread.sleep(2000); // anything doubled would arrive now
        opened = TopicReader.readUntil(stack, Topics.CASE_INTAKE_EVENTS, new StringDeserializer(),
                        CaseflowSerdes.<IntakeEventEnvelope>deserializer(stack.registry(), false),
                        records -> ours(records).size() >= expected.size(), Duration.ofSeconds(30))
                .stream().map(r -> (CaseOpened) r.value().getPayload()).filter(c -> c.getSubmissionId().startsWith(run)).toList();
        assertThat(opened).extracting(CaseOpened::getSubmissionId).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(opened.stream().map(CaseOpened::getCaseId).distinct()).hasSize(expected.size());

        // every invalid one rejected, with a reason; conflicting repeats refused
        Map<String, List<String>> rejectedCodes = TopicReader.readUntil(stack, Topics.INTAKE_REJECTIONS, new StringDeserializer(),
                        CaseflowSerdes.<RejectionEnvelope>deserializer(stack.registry(), false),
                        records -> records.stream().filter(r -> r.key().startsWith(run)).count() >= 8, Duration.ofSeconds(30))
                .stream().filter(r -> r.key().startsWith(run)).map(r -> (SubmissionRejected) r.value().getPayload())
                .collect(Collectors.groupingBy(SubmissionRejected::getSubmissionId,
                        Collectors.flatMapping(r -> r.getReasons().stream().map(x -> x.getCode()), Collectors.toList())));
        invalid.forEach(s -> assertThat(rejectedCodes.get(s.getSubmissionId())).containsExactly("NATIONALITY_INVALID"));
        assertThat(rejectedCodes.get(run + "-ok-0")).containsExactly("SUBMISSION_ID_REUSED");
        assertThat(rejectedCodes.get(run + "-ok-1")).containsExactly("SUBMISSION_ID_REUSED");
        assertThat(rejectedCodes.get(run + "-http-bad")).containsExactly("NATIONALITY_INVALID");

        // the garbage is in the dead-letter topic with headers saying why and where from
        List<ConsumerRecord<String, byte[]>> dead = TopicReader.readUntil(stack, Topics.dlt(Topics.INTAKE_SUBMISSIONS),
                        new StringDeserializer(), new ByteArrayDeserializer(),
                        records -> records.stream().filter(r -> r.key().startsWith(run)).count() >= 3, Duration.ofSeconds(30))
                .stream().filter(r -> r.key().startsWith(run)).toList();
        assertThat(dead).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(run + "-garbage-1", run + "-garbage-2", run + "-garbage-3");
        for (var record : dead) {
            assertThat(header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(Topics.INTAKE_SUBMISSIONS);
            assertThat(header(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).isNotBlank();
            assertThat(header(record, KafkaHeaders.DLT_EXCEPTION_FQCN)).isNotBlank();
            assertThat(record.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET)).isNotNull();
            assertThat(record.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_PARTITION)).isNotNull();
        }
        assertThat(dead.stream().filter(r -> r.key().endsWith("garbage-1")).findFirst().orElseThrow().value())
                .isEqualTo("definitely not avro".getBytes(StandardCharsets.UTF_8));

        // statuses readable over HTTP, for Kafka submissions too
        String caseId = opened.stream().filter(c -> c.getSubmissionId().equals(valid.get(3).getSubmissionId())).findFirst().orElseThrow().getCaseId();
        var status = api.get("/api/submissions/" + valid.get(3).getSubmissionId(), "auditor");
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.body()).contains("\"status\":\"ACCEPTED\"").contains(caseId);
        assertThat(api.get("/api/submissions/" + run + "-never", "auditor").status()).isEqualTo(404);

        var metrics = api.get("/actuator/prometheus", null).body();
        assertThat(metrics).contains("caseflow_intake_submissions_total{").contains("outcome=\"repeat\"")
                .contains("caseflow_intake_rejections_total{").contains("caseflow_dlt_records_total{")
                .contains("caseflow_intake_submission_to_case_seconds_bucket");
    }

    private static EncounterSubmission recent(EncounterSubmission s) {
        s.getEncounter().setOccurredAt(java.time.Instant.now().minusSeconds(600));
        return s;
    }

    private static List<String> ours(List<ConsumerRecord<String, IntakeEventEnvelope>> records) {
        return records.stream().map(r -> ((CaseOpened) r.value().getPayload()).getSubmissionId()).toList();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void send(KafkaProducer<String, SubmissionEnvelope> producer, EncounterSubmission s) {
        producer.send(new ProducerRecord<>(Topics.INTAKE_SUBMISSIONS, s.getSubmissionId(), TestSubmissions.envelope(s)));
    }

    private static Map<String, Object> producerConfig(StackAddresses stack) {
        // submissions are written as a field office writes them
        return stack.kafka(org.caseflow.schemas.Principals.FIELD_OFFICE, Map.of(ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true));
    }

    private static String json(String submissionId, String nationality) {
        return TestStations.signedJson("""
                {"submissionId": "%s",
                 "person": {"givenNames": "Luis", "familyNames": "Ensayo", "dateOfBirth": "1988-07-14", "sex": "MALE",
                            "nationality": "%s", "languages": ["es"],
                            "documents": [{"type": "NATIONAL_ID", "number": "V-%s", "issuingCountry": "VEN"}]},
                 "encounter": {"stationCode": "SAN_VICENTE", "occurredAt": "%s", "coordinates": {"latitude": 8.41, "longitude": -77.85},
                               "groupId": "g-%s", "accompanyingAdults": []},
                 "indicators": {"traffickingIndicators": false, "medicalNeeds": true, "pregnant": false, "disability": false},
                 "fear": {"fearExpressed": true, "fearedCountries": ["VEN"]}}
                """.formatted(submissionId, nationality, submissionId, java.time.Instant.now().minusSeconds(3600), submissionId));
    }

}
