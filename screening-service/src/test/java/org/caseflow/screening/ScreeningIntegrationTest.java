package org.caseflow.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.common.serialization.StringDeserializer;
import org.caseflow.schemas.CaseflowSerdes;
import org.caseflow.schemas.Topics;
import org.caseflow.schemas.screening.ScreeningConcluded;
import org.caseflow.schemas.screening.ScreeningEventEnvelope;
import org.caseflow.testsupport.ApiClient;
import org.caseflow.testsupport.StackAddresses;
import org.caseflow.testsupport.TopicReader;
import org.caseflow.testsupport.WithCaseflowStack;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Through HTTP on the real broker: a case goes from CaseOpened to final, its review window expiring on a compressed clock. */
@WithCaseflowStack
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ScreeningIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void aCaseGoesFromOpenedToFinalThroughHttp(StackAddresses stack) throws Exception {
        ApiClient api = new ApiClient(port).awaitReady(Duration.ofSeconds(60));
        String caseId = "case-" + UUID.randomUUID();
        String protectedCase = "case-minor-" + UUID.randomUUID();
        ScreeningFixtures.registerOfficers(api);
        ScreeningFixtures.openCases(stack, List.of(caseId), false);
        ScreeningFixtures.openCases(stack, List.of(protectedCase), true);

        ScreeningFixtures.awaitGet(api, "/api/cases/" + caseId, "officer-1", r -> r.status() == 200, Duration.ofSeconds(30));
        ScreeningFixtures.awaitGet(api, "/api/officers/officer-1", "officer-1", r -> r.status() == 200, Duration.ofSeconds(30));
        assertThat(api.get("/api/worklist?status=AWAITING_SCREENING&station=LAJAS_BLANCAS", "officer-1").body()).contains(caseId);
        // by when cases were opened: this one was opened after 2000 (the fixture's time), none after an hour from now
        assertThat(api.get("/api/worklist?openedFrom=2000-01-01T00:00:00Z", "officer-1").body()).contains(caseId);
        assertThat(api.get("/api/worklist?openedFrom=" + java.time.Instant.now().plusSeconds(3600), "officer-1").body()).doesNotContain(caseId);
        assertThat(api.get("/api/worklist?openedFrom=yesterday", "officer-1").status()).isEqualTo(400);
        assertThat(api.get("/api/worklist?size=501", "officer-1").status()).isEqualTo(400);
        assertThat(api.get("/api/worklist?size=0", "officer-1").status()).isEqualTo(400);

        assertThat(api.post("/api/cases/" + caseId + "/decision", "officer-1",
                "{\"outcome\": \"NO_CREDIBLE_FEAR\", \"rationale\": \"too early\"}").body()).contains("INTERVIEW_REQUIRED");
        var assigned = api.post("/api/cases/" + caseId + "/assignment", "supervisor", "{\"officerId\": \"officer-1\"}");
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(201);
        assertThat(assigned.body()).contains("OfficerAssigned");
        String commandId = assigned.body().replaceAll(".*\"commandId\":\"([^\"]+)\".*", "$1");
        assertThat(api.get("/api/cases/" + caseId + "/commands/" + commandId, "auditor").body()).contains("APPLIED");

        var wrongOfficer = api.post("/api/cases/" + caseId + "/interview", "officer-2", "{\"language\": \"es\", \"fearArticulated\": true}");
        assertThat(wrongOfficer.status()).as(wrongOfficer.body()).isEqualTo(422);
        assertThat(wrongOfficer.contentType()).startsWith("application/problem+json");
        assertThat(wrongOfficer.body()).contains("\"rule\":\"NOT_ASSIGNED_OFFICER\"");
        assertThat(api.post("/api/cases/" + caseId + "/interview", "officer-1",
                "{\"language\": \"es\", \"interpreterUsed\": false, \"fearArticulated\": true, \"fearedCountries\": [\"VEN\"]}").status()).isEqualTo(201);
        var decided = api.post("/api/cases/" + caseId + "/decision", "officer-1",
                "{\"outcome\": \"NO_CREDIBLE_FEAR\", \"rationale\": \"No nexus to a protected ground.\"}");
        assertThat(decided.status()).as(decided.body()).isEqualTo(201);
        assertThat(api.get("/api/cases/" + caseId, "auditor").body()).contains("\"status\":\"REVIEW_WINDOW_OPEN\"");

        // the review window (4 s in tests) closes by itself
        var closed = ScreeningFixtures.awaitGet(api, "/api/cases/" + caseId, "auditor", r -> r.body().contains("\"status\":\"FINAL\""), Duration.ofSeconds(30));
        assertThat(closed.body()).contains("\"eligibleForRemoval\":true").contains("\"finalOutcome\":\"NO_CREDIBLE_FEAR\"");
        var concluded = TopicReader.readUntil(stack, Topics.CASE_SCREENING_EVENTS, new StringDeserializer(),
                        CaseflowSerdes.<ScreeningEventEnvelope>deserializer(stack.registry(), false),
                        records -> records.stream().anyMatch(r -> r.key().equals(caseId) && r.value().getPayload() instanceof ScreeningConcluded),
                        Duration.ofSeconds(30))
                .stream().filter(r -> r.key().equals(caseId) && r.value().getPayload() instanceof ScreeningConcluded)
                .map(r -> (ScreeningConcluded) r.value().getPayload()).toList();
        assertThat(concluded).singleElement().satisfies(c -> {
            assertThat(c.getEligibleForRemoval()).isTrue();
            assertThat(c.getDecidedBy()).isEqualTo("officer-1");
            assertThat(c.getReviewWindowClosedAt()).isNotNull();
            assertThat(c.getDestinationCandidates()).containsExactly("COL");
        });
        assertThat(api.post("/api/cases/" + caseId + "/review-request", "officer-1", "{\"reason\": \"late\"}").status()).isEqualTo(409);

        // S2: the unaccompanied minor was referred on arrival and can never be screened for removal
        ScreeningFixtures.awaitGet(api, "/api/cases/" + protectedCase, "auditor", r -> r.body().contains("PROTECTION_REFERRED"), Duration.ofSeconds(30));
        var refused = api.post("/api/cases/" + protectedCase + "/assignment", "supervisor", "{\"officerId\": \"officer-1\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("S2_PROTECTION_FIRST");

        // client mistakes are problem details, never 500
        assertThat(api.post("/api/cases/case-unknown-" + UUID.randomUUID() + "/assignment", "supervisor", "{\"officerId\": \"officer-1\"}").status()).isEqualTo(404);
        assertThat(api.post("/api/cases/" + caseId + "/assignment", "officer-1", "{\"officerId\": \"officer-1\"}").status()).isEqualTo(403);
        assertThat(api.post("/api/cases/" + caseId + "/assignment", null, "{\"officerId\": \"officer-1\"}").status()).isEqualTo(401);
        assertThat(api.post("/api/cases/" + caseId + "/decision", "officer-1", "{\"outcome\": \"MAYBE\", \"rationale\": \"x\"}").status()).isEqualTo(400);
        assertThat(api.post("/api/cases/" + caseId + "/decision", "officer-1", "{\"outcome\": \"CREDIBLE_FEAR\"}").status()).isEqualTo(400);
        assertThat(api.get("/api/cases/case-unknown", "auditor").status()).isEqualTo(404);

        String metrics = api.get("/actuator/prometheus", null).body();
        assertThat(metrics).contains("caseflow_screening_decisions_total{").contains("caseflow_screening_backlog{")
                .contains("caseflow_screening_intake_to_decision_seconds_bucket").contains("caseflow_screening_protection_referrals_total");
    }
}
