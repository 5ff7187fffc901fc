package org.caseflow.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.common.serialization.Serdes;
import org.caseflow.localstack.Ports;
import org.caseflow.screening.stream.ScreeningTopology;
import org.caseflow.testsupport.ApiClient;
import org.caseflow.testsupport.StackAddresses;
import org.caseflow.testsupport.WithCaseflowStack;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * Two instances of screening share the cases (each owns some partitions). Reads and commands sent to
 * either instance are answered correctly, whichever instance holds the case (interactive-query routing); when one
 * stops, the other takes its partitions and answers reads and commands for every case.
 */
@WithCaseflowStack
class TwoInstancesTest {

    @Test
    void eitherInstanceAnswersForEveryCase(StackAddresses stack) throws Exception {
        String deployment = "screening-service-pair-" + UUID.randomUUID().toString().substring(0, 8);
        int portA = Ports.pick(0);
        int portB = Ports.pick(0);
        try (ConfigurableApplicationContext a = start(deployment, portA); ConfigurableApplicationContext b = start(deployment, portB)) {
            ApiClient apiA = new ApiClient(portA);
            ApiClient apiB = new ApiClient(portB);
            awaitBothReady(apiA, apiB);
            ScreeningFixtures.registerOfficers(apiA);

            List<String> cases = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                cases.add("pair-" + deployment + "-" + i);
            }
            ScreeningFixtures.openCases(stack, cases, false);

            var streamsA = a.getBean(StreamsBuilderFactoryBean.class).getKafkaStreams();
            List<String> ownedByB = cases.stream()
                    .filter(c -> streamsA.queryMetadataForKey(ScreeningTopology.CASES_STORE, c, Serdes.String().serializer()).activeHost().port() == portB)
                    .toList();
            assertThat(ownedByB).as("each instance owns some of the cases").isNotEmpty().hasSizeLessThan(cases.size());

            for (String caseId : cases) {
                for (ApiClient api : List.of(apiA, apiB)) {
                    var found = ScreeningFixtures.awaitGet(api, "/api/cases/" + caseId, "auditor", r -> r.status() == 200, Duration.ofSeconds(30));
                    assertThat(found.body()).contains("\"caseId\":\"" + caseId + "\"").contains("AWAITING_SCREENING");
                }
            }

            // a command sent to A for a case B owns: written once, decided by B, answered to A's caller
            String remote = ownedByB.getFirst();
            ScreeningFixtures.awaitGet(apiA, "/api/officers/officer-1", "supervisor", r -> r.status() == 200, Duration.ofSeconds(30));
            ScreeningFixtures.awaitGet(apiB, "/api/officers/officer-1", "supervisor", r -> r.status() == 200, Duration.ofSeconds(30));
            var assigned = apiA.post("/api/cases/" + remote + "/assignment", "supervisor", "{\"officerId\": \"officer-1\"}");
            assertThat(assigned.status()).as(assigned.body()).isEqualTo(201);
            assertThat(apiA.get("/api/cases/" + remote, "auditor").body()).contains("\"status\":\"ASSIGNED\"");

            // the worklist gathers from both instances
            String worklist = apiA.get("/api/worklist?station=LAJAS_BLANCAS&size=500", "auditor").body();
            assertThat(cases).allSatisfy(c -> assertThat(worklist).contains(c));
            // and pages through both: one item per page, every case exactly once, the same total from either instance
            var json = new com.fasterxml.jackson.databind.ObjectMapper();
            long total = json.readTree(apiA.get("/api/worklist?station=LAJAS_BLANCAS&size=1", "auditor").body()).get("total").asLong();
            assertThat(json.readTree(apiB.get("/api/worklist?station=LAJAS_BLANCAS&size=1", "auditor").body()).get("total").asLong()).isEqualTo(total);
            List<String> paged = new ArrayList<>();
            for (int p = 0; p < total; p++) {
                for (var item : json.readTree(apiA.get("/api/worklist?station=LAJAS_BLANCAS&size=1&page=" + p, "auditor").body()).get("items")) {
                    paged.add(item.get("caseId").asText());
                }
            }
            assertThat(paged).hasSize((int) total).doesNotHaveDuplicates().containsAll(cases);

            // B stops: A takes over B's partitions (state restored from the changelogs) and answers for every case alone
            b.close();
            for (String caseId : cases) {
                var found = ScreeningFixtures.awaitGet(apiA, "/api/cases/" + caseId, "auditor", r -> r.status() == 200, Duration.ofSeconds(90));
                assertThat(found.body()).contains("\"caseId\":\"" + caseId + "\"");
            }
            assertThat(apiA.get("/api/cases/" + remote, "auditor").body()).as("what B decided survives B").contains("\"status\":\"ASSIGNED\"");
            String another = ownedByB.size() > 1 ? ownedByB.get(1) : cases.stream().filter(c -> !c.equals(remote)).findFirst().orElseThrow();
            var afterTakeover = apiA.post("/api/cases/" + another + "/assignment", "supervisor", "{\"officerId\": \"officer-1\"}");
            assertThat(afterTakeover.status()).as(afterTakeover.body()).isEqualTo(201);
        }
    }

    private static ConfigurableApplicationContext start(String deployment, int port) throws Exception {
        Path state = Files.createTempDirectory("screening-" + port);
        return new SpringApplicationBuilder(ScreeningApplication.class).run(
                "--server.port=" + port,
                "--spring.kafka.streams.application-id=" + deployment,
                "--spring.kafka.streams.state-dir=" + state,
                "--spring.main.banner-mode=off");
    }

    private static void awaitBothReady(ApiClient a, ApiClient b) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (a.get("/actuator/health/readiness", null).status() == 200 && b.get("/actuator/health/readiness", null).status() == 200) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the two instances were not both ready within 90 s");
    }
}
