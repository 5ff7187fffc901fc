package org.caseflow.screening;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.caseflow.schemas.CaseflowSerdes;
import org.caseflow.schemas.Topics;
import org.caseflow.schemas.intake.CaseOpened;
import org.caseflow.schemas.intake.IntakeEventEnvelope;
import org.caseflow.testsupport.ApiClient;
import org.caseflow.testsupport.SampleEvents;
import org.caseflow.testsupport.StackAddresses;

/** Cases opened as intake would open them, and officers registered as a supervisor would. */
final class ScreeningFixtures {

    private ScreeningFixtures() {
    }

    static void openCases(StackAddresses stack, List<String> caseIds, boolean unaccompaniedMinor) {
        var config = stack.kafka(org.caseflow.schemas.Principals.INTAKE, Map.of(ProducerConfig.ACKS_CONFIG, "all")); // as intake writes them
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), CaseflowSerdes.<IntakeEventEnvelope>serializer(stack.registry(), false))) {
            for (String caseId : caseIds) {
                IntakeEventEnvelope opened = SampleEvents.caseOpened(caseId);
                ((CaseOpened) opened.getPayload()).getFlags().setUnaccompaniedMinor(unaccompaniedMinor);
                ((CaseOpened) opened.getPayload()).getFear().setFearedCountries(List.of("VEN"));
                ((CaseOpened) opened.getPayload()).getPerson().setLawfulResidenceCountries(List.of("COL"));
                producer.send(new ProducerRecord<>(Topics.CASE_INTAKE_EVENTS, caseId, opened));
            }
            producer.flush();
        }
    }

    /** Registers the local users officer-1, officer-2 and supervisor as certified, Spanish-speaking officers. */
    static void registerOfficers(ApiClient api) {
        for (String officer : List.of("officer-1", "officer-2", "supervisor")) {
            var response = api.put("/api/officers/" + officer, "supervisor", """
                    {"name": "Officer %s", "languages": ["es"],
                     "certification": {"certificationId": "cert-%s", "validFrom": "%s", "validUntil": "%s"}}
                    """.formatted(officer, officer, Instant.now().minus(Duration.ofDays(30)), Instant.now().plus(Duration.ofDays(365))));
            if (response.status() != 200) {
                throw new AssertionError("registering " + officer + ": " + response.status() + " " + response.body());
            }
        }
    }

    /** Polls until {@code check} holds for the response of GET {@code path}, or fails after {@code timeout}. */
    static ApiClient.Response awaitGet(ApiClient api, String path, String user, java.util.function.Predicate<ApiClient.Response> check,
                                       Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        ApiClient.Response last = null;
        while (System.nanoTime() < deadline) {
            last = api.get(path, user);
            if (check.test(last)) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("GET " + path + " never satisfied the check; last answer " + (last == null ? "none" : last.status() + " " + last.body()));
    }
}
