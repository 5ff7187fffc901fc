package org.caseflow.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
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
import org.caseflow.testsupport.StackAddresses;
import org.caseflow.testsupport.TopicReader;
import org.caseflow.testsupport.WithCaseflowStack;
import org.caseflow.vocabulary.Bounds;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * No poison pill stops intake: oversized lists and strings over HTTP (413, 400) and over Kafka (refused with a
 * reason, or dead-lettered when the record itself is beyond the bound or its key is), and a valid submission
 * sent after all of them still becomes a case.
 */
@WithCaseflowStack
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IntakePoisonPillTest {

    @LocalServerPort
    int port;

    final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void oversizedInputIsRefusedOrDeadLetteredAndEveryOtherSubmissionKeepsMoving(StackAddresses stack) throws Exception {
        ApiClient api = new ApiClient(port).awaitReady(Duration.ofSeconds(60));
        org.caseflow.testsupport.TestStations.register(api, "LAJAS_BLANCAS", "SAN_VICENTE");
        // HTTP: a 1.5 MB body, a list beyond its bound, a string beyond its bound
        String huge = body(run + "-huge", Collections.nCopies(250_000, "\"es\"").toString(), "SAN_VICENTE");
        var tooLarge = api.post("/api/submissions", "field-office", huge);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.contentType()).startsWith("application/problem+json");
        assertThat(tooLarge.body()).contains("BODY_TOO_LARGE");
        var tooMany = api.post("/api/submissions", "field-office", body(run + "-many", Collections.nCopies(500, "\"es\"").toString(), "SAN_VICENTE"));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.body()).contains("languages");
        var tooLong = api.post("/api/submissions", "field-office", body(run + "-long", "[\"es\"]", "S".repeat(50_000)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body()).contains("stationCode").doesNotContain("SSSSSSSSSS");

        // Kafka: a list beyond its bound (refused), a record beyond the record bound and a key beyond its bound (dead-lettered)
        EncounterSubmission many = recent(TestSubmissions.valid(run + "-k-many").build());
        many.getPerson().setLanguages(new ArrayList<>(Collections.nCopies(30_000, "es")));
        EncounterSubmission longStation = recent(TestSubmissions.valid(run + "-k-station").build());
        longStation.getEncounter().setStationCode("S".repeat(200_000));
        EncounterSubmission beyondRecord = recent(TestSubmissions.valid(run + "-k-record").build());
        beyondRecord.getPerson().setGivenNames("N".repeat(Bounds.RECORD_BYTES + 10_000));
        EncounterSubmission longKey = recent(TestSubmissions.valid(run + "-k-key").build());
        EncounterSubmission after = recent(TestSubmissions.valid(run + "-after").build());
        try (var avro = new KafkaProducer<>(stack.kafka(org.caseflow.schemas.Principals.FIELD_OFFICE,
                Map.of(ProducerConfig.ACKS_CONFIG, "all")), new StringSerializer(), CaseflowSerdes.<SubmissionEnvelope>serializer(stack.registry(), false))) {
            for (EncounterSubmission s : List.of(many, longStation, beyondRecord)) {
                avro.send(new ProducerRecord<>(Topics.INTAKE_SUBMISSIONS, s.getSubmissionId(), TestSubmissions.envelope(s))).get();
            }
            avro.send(new ProducerRecord<>(Topics.INTAKE_SUBMISSIONS, run + "-k-key-" + "K".repeat(5_000), TestSubmissions.envelope(longKey))).get();
            avro.send(new ProducerRecord<>(Topics.INTAKE_SUBMISSIONS, after.getSubmissionId(), TestSubmissions.envelope(after))).get();
        }

        List<String> opened = TopicReader.readUntil(stack, Topics.CASE_INTAKE_EVENTS, new StringDeserializer(),
                        CaseflowSerdes.<IntakeEventEnvelope>deserializer(stack.registry(), false),
                        records -> records.stream().anyMatch(r -> ((CaseOpened) r.value().getPayload()).getSubmissionId().equals(after.getSubmissionId())),
                        Duration.ofSeconds(60))
                .stream().map(r -> ((CaseOpened) r.value().getPayload()).getSubmissionId()).filter(id -> id.startsWith(run)).toList();
        assertThat(opened).containsExactly(after.getSubmissionId());

        var rejections = TopicReader.readUntil(stack, Topics.INTAKE_REJECTIONS, new StringDeserializer(),
                        CaseflowSerdes.<RejectionEnvelope>deserializer(stack.registry(), false),
                        records -> records.stream().filter(r -> r.key().startsWith(run + "-k-")).count() >= 2, Duration.ofSeconds(30))
                .stream().filter(r -> r.key().startsWith(run + "-k-")).map(r -> (SubmissionRejected) r.value().getPayload()).toList();
        assertThat(rejections).anySatisfy(r -> {
            assertThat(r.getSubmissionId()).isEqualTo(many.getSubmissionId());
            assertThat(r.getReasons()).extracting(x -> x.getCode()).containsExactly("TOO_MANY_ENTRIES");
        });
        assertThat(rejections).anySatisfy(r -> {
            assertThat(r.getSubmissionId()).isEqualTo(longStation.getSubmissionId());
            assertThat(r.getReasons()).extracting(x -> x.getCode()).contains("FIELD_TOO_LONG");
            assertThat(r.getStationCode().length()).isLessThanOrEqualTo(Bounds.ID + 1);
        });

        List<ConsumerRecord<String, byte[]>> dead = TopicReader.readUntil(stack, Topics.dlt(Topics.INTAKE_SUBMISSIONS),
                        new StringDeserializer(), new ByteArrayDeserializer(),
                        records -> records.stream().filter(r -> r.key().startsWith(run)).count() >= 2, Duration.ofSeconds(30))
                .stream().filter(r -> r.key().startsWith(run)).toList();
        assertThat(dead).hasSize(2);
        assertThat(dead).anySatisfy(r -> assertThat(r.key()).isEqualTo(beyondRecord.getSubmissionId()));
        assertThat(dead).anySatisfy(r -> assertThat(r.key()).startsWith(run + "-k-key-KKK"));
        assertThat(dead).allSatisfy(r -> assertThat(header(r, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).containsAnyOf("bound"));
        assertThat(api.get("/actuator/health/readiness", null).status()).isEqualTo(200);
    }

    private static EncounterSubmission recent(EncounterSubmission s) {
        s.getEncounter().setOccurredAt(Instant.now().minusSeconds(600));
        return s;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String body(String submissionId, String languages, String station) {
        return """
                {"submissionId": "%s",
                 "person": {"givenNames": "Luis", "familyNames": "Ensayo", "dateOfBirth": "1988-07-14", "sex": "MALE",
                            "nationality": "VEN", "languages": %s, "documents": []},
                 "encounter": {"stationCode": "%s", "occurredAt": "%s", "accompanyingAdults": []},
                 "fear": {"fearExpressed": false, "fearedCountries": []}}
                """.formatted(submissionId, languages, station, Instant.now().minusSeconds(3600));
    }
}
