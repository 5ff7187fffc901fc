package org.caseflow.removal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.caseflow.schemas.CaseflowSerdes;
import org.caseflow.schemas.Principals;
import org.caseflow.schemas.Topics;
import org.caseflow.schemas.common.CertificationRef;
import org.caseflow.schemas.common.ReviewWindow;
import org.caseflow.schemas.common.ScreeningOutcome;
import org.caseflow.schemas.intake.IntakeEventEnvelope;
import org.caseflow.schemas.removal.RemovalEventEnvelope;
import org.caseflow.schemas.removal.RemovalExecuted;
import org.caseflow.schemas.removal.RemovalScheduled;
import org.caseflow.schemas.screening.ScreeningConcluded;
import org.caseflow.schemas.screening.ScreeningDecided;
import org.caseflow.schemas.screening.ScreeningEventEnvelope;
import org.caseflow.testsupport.ApiClient;
import org.caseflow.testsupport.SampleEvents;
import org.caseflow.testsupport.StackAddresses;
import org.caseflow.testsupport.TopicReader;
import org.caseflow.testsupport.WithCaseflowStack;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * Through HTTP on the real broker: a flight is planned, negatively decided cases arrive as screening
 * writes them, the service is restarted in the middle, and still every case is scheduled exactly once;
 * a stay frees a seat; the departure executes the rest.
 */
@WithCaseflowStack
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RemovalIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    StreamsBuilderFactoryBean streams;

    @Test
    void casesAreScheduledOnceAcrossARestartAndStaysAndDeparturesFollow(StackAddresses stack) throws Exception {
        ApiClient api = new ApiClient(port).awaitReady(Duration.ofSeconds(60));
        String run = UUID.randomUUID().toString().substring(0, 8);
        String plan = """
                {"destination": "VEN", "departureAt": "%s", "seats": 30, "carrier": "Caseflow Test Air"}
                """.formatted(Instant.now().plus(Duration.ofHours(2)));
        var planned = api.post("/api/flights", "removal-officer", plan, "plan-" + run);
        assertThat(planned.status()).as(planned.body()).isEqualTo(201);
        String flightId = planned.body().replaceAll(".*\"flightId\":\"([^\"]+)\".*", "$1");
        // a retried call (same Idempotency-Key) is the same command: the same flight, not a second one
        var retried = api.post("/api/flights", "removal-officer", plan, "plan-" + run);
        assertThat(retried.status()).as(retried.body()).isEqualTo(201);
        assertThat(retried.body()).contains("\"flightId\":\"" + flightId + "\"");
        assertThat(api.get("/api/flights?destination=VEN", "removal-officer").body().split("Caseflow Test Air", -1)).hasSize(2);

        List<String> cases = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            cases.add("removal-" + run + "-" + i);
        }
        try (var intake = new KafkaProducer<>(producerConfig(stack, Principals.INTAKE), new StringSerializer(), CaseflowSerdes.<IntakeEventEnvelope>serializer(stack.registry(), false));
             var screening = new KafkaProducer<>(producerConfig(stack, Principals.SCREENING), new StringSerializer(), CaseflowSerdes.<ScreeningEventEnvelope>serializer(stack.registry(), false))) {
            for (int i = 0; i < cases.size(); i++) {
                if (i == 10) {
                    intake.flush();
                    screening.flush();
                    awaitScheduled(stack, cases.subList(0, 5), run);
                    streams.stop(); // a restart in the middle of the run
                    streams.start();
                }
                negativelyDecided(intake, screening, cases.get(i));
            }
        }
        api.awaitReady(Duration.ofSeconds(60));
        Map<String, Long> scheduledPerCase = awaitScheduled(stack, cases, run);
        assertThat(scheduledPerCase).hasSize(cases.size()).allSatisfy((caseId, count) -> assertThat(count).as(caseId).isEqualTo(1L));

        var manifest = api.get("/api/flights/" + flightId + "/manifest", "auditor");
        assertThat(manifest.status()).isEqualTo(200);
        assertThat(cases).allSatisfy(c -> assertThat(manifest.body()).contains(c));

        // a stay frees the seat
        String stayed = cases.get(7);
        var stay = api.post("/api/cases/" + stayed + "/stay", "removal-officer", "{\"reason\": \"COURT_ORDER\", \"note\": \"injunction\"}");
        assertThat(stay.status()).as(stay.body()).isEqualTo(201);
        assertThat(stay.body()).contains("\"status\":\"STAYED\"");
        awaitManifest(api, flightId, m -> !m.contains(stayed));
        // the destination's queue: nobody waits (30 seats for 19 people), the flight is planned with its seats taken
        var queue = api.get("/api/destinations/ven/queue", "auditor");
        assertThat(queue.status()).as(queue.body()).isEqualTo(200);
        assertThat(queue.body()).contains("\"destination\":\"VEN\"").contains("\"waiting\":[]").contains(flightId);
        assertThat(api.get("/api/destinations/nowhere/queue", "auditor").status()).isEqualTo(400);

        // the departure executes everyone still on board, and only them
        var departed = api.post("/api/flights/" + flightId + "/departure", "removal-officer", "{}");
        assertThat(departed.status()).as(departed.body()).isEqualTo(200);
        assertThat(departed.body()).contains("\"status\":\"DEPARTED\"");
        List<String> executed = TopicReader.readUntil(stack, Topics.CASE_REMOVAL_EVENTS, new StringDeserializer(),
                        CaseflowSerdes.<RemovalEventEnvelope>deserializer(stack.registry(), false),
                        records -> executedOf(records, run).size() >= cases.size() - 1, Duration.ofSeconds(30))
                .stream().filter(r -> r.key().contains(run) && r.value().getPayload() instanceof RemovalExecuted).map(ConsumerRecord::key).toList();
        assertThat(executed).hasSize(cases.size() - 1).doesNotContain(stayed);

        // client mistakes are problem details
        assertThat(api.post("/api/cases/" + cases.get(0) + "/stay", "removal-officer", "{\"reason\": \"MEDICAL\"}").status()).isEqualTo(409);
        assertThat(api.post("/api/cases/unknown-" + run + "/stay", "removal-officer", "{\"reason\": \"MEDICAL\"}").status()).isEqualTo(404);
        var departedAgain = api.post("/api/flights/" + flightId + "/departure", "removal-officer", "{}");
        assertThat(departedAgain.status()).isEqualTo(409);
        assertThat(departedAgain.body()).contains("FLIGHT_NOT_PLANNED");
        assertThat(api.post("/api/flights/FL-none/departure", "removal-officer", "{}").status()).isEqualTo(404);
        assertThat(api.post("/api/flights", "removal-officer", "{\"destination\": \"XXX\", \"departureAt\": \"2030-01-01T00:00:00Z\", \"seats\": 5, \"carrier\": \"x\"}").status()).isEqualTo(400);
        assertThat(api.post("/api/flights", "removal-officer", "{\"destination\": \"VEN\", \"departureAt\": \"2020-01-01T00:00:00Z\", \"seats\": 5, \"carrier\": \"x\"}").status()).isEqualTo(400);
        assertThat(api.post("/api/flights", "auditor", "{\"destination\": \"VEN\", \"departureAt\": \"2030-01-01T00:00:00Z\", \"seats\": 5, \"carrier\": \"x\"}").status()).isEqualTo(403);
        assertThat(api.get("/api/flights/FL-none/manifest", "auditor").status()).isEqualTo(404);
        assertThat(api.get("/api/cases/" + cases.get(1), "auditor").body()).contains("\"status\":\"EXECUTED\"");

        String metrics = api.get("/actuator/prometheus", null).body();
        assertThat(metrics).contains("caseflow_removal_seat_utilisation{").contains("caseflow_removal_eligible_backlog{")
                .contains("caseflow_removal_decision_to_scheduled_seconds_bucket").contains("caseflow_removal_outcomes_total{");
    }

    private static void awaitManifest(ApiClient api, String flightId, java.util.function.Predicate<String> check) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String body = null;
        while (System.nanoTime() < deadline) {
            body = api.get("/api/flights/" + flightId + "/manifest", "auditor").body();
            if (check.test(body)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("manifest never as expected: " + body);
    }

    private static List<String> executedOf(List<ConsumerRecord<String, RemovalEventEnvelope>> records, String run) {
        return records.stream().filter(r -> r.key().contains(run) && r.value().getPayload() instanceof RemovalExecuted).map(ConsumerRecord::key).toList();
    }

    private static Map<String, Long> awaitScheduled(StackAddresses stack, List<String> cases, String run) throws InterruptedException {
        var records = TopicReader.readUntil(stack, Topics.CASE_REMOVAL_EVENTS, new StringDeserializer(),
                CaseflowSerdes.<RemovalEventEnvelope>deserializer(stack.registry(), false),
                read -> read.stream().filter(r -> cases.contains(r.key()) && r.value().getPayload() instanceof RemovalScheduled)
                        .map(ConsumerRecord::key).distinct().count() >= cases.size(),
                Duration.ofSeconds(60));
        Thread.sleep(1000); // a doubled record would show up now
        records = TopicReader.readUntil(stack, Topics.CASE_REMOVAL_EVENTS, new StringDeserializer(),
                CaseflowSerdes.<RemovalEventEnvelope>deserializer(stack.registry(), false), read -> true, Duration.ofSeconds(30));
        return records.stream().filter(r -> r.key().contains(run) && cases.contains(r.key()) && r.value().getPayload() instanceof RemovalScheduled)
                .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
    }

    /** As intake and screening would write it: an adult Venezuelan, negatively decided by a certified officer, window closed. */
    private static void negativelyDecided(KafkaProducer<String, IntakeEventEnvelope> intake, KafkaProducer<String, ScreeningEventEnvelope> screening,
                                          String caseId) {
        intake.send(new ProducerRecord<>(Topics.CASE_INTAKE_EVENTS, caseId, SampleEvents.caseOpened(caseId)));
        Instant decidedAt = Instant.now().minus(Duration.ofHours(80));
        var decided = ScreeningDecided.newBuilder().setCaseId(caseId).setOfficerId("officer-1")
                .setCertification(CertificationRef.newBuilder().setCertificationId("cert-1").setValidFrom(decidedAt.minus(Duration.ofDays(30)))
                        .setValidUntil(decidedAt.plus(Duration.ofDays(300))).build())
                .setOutcome(ScreeningOutcome.NO_CREDIBLE_FEAR).setRationale("r")
                .setReviewWindow(ReviewWindow.newBuilder().setOpensAt(decidedAt).setClosesAt(decidedAt.plus(Duration.ofHours(72))).build())
                .build();
        var concluded = ScreeningConcluded.newBuilder().setCaseId(caseId).setOutcome(ScreeningOutcome.NO_CREDIBLE_FEAR).setEligibleForRemoval(true)
                .setDecidedBy("officer-1").setReviewWindowClosedAt(decidedAt.plus(Duration.ofHours(72))).setReviewWaived(false)
                .setDestinationCandidates(List.of("VEN")).build();
        var metadata = SampleEvents.metadata(caseId, "decision-" + caseId);
        metadata.setOccurredAt(decidedAt);
        screening.send(new ProducerRecord<>(Topics.CASE_SCREENING_EVENTS, caseId, ScreeningEventEnvelope.newBuilder().setMetadata(metadata).setPayload(decided).build()));
        screening.send(new ProducerRecord<>(Topics.CASE_SCREENING_EVENTS, caseId,
                ScreeningEventEnvelope.newBuilder().setMetadata(SampleEvents.metadata(caseId, "conclusion-" + caseId)).setPayload(concluded).build()));
    }

    /** Events are written as their topic's writer writes them (intake's, screening's principal). */
    private static Map<String, Object> producerConfig(StackAddresses stack, String principal) {
        return stack.kafka(principal, Map.of(ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true));
    }
}
