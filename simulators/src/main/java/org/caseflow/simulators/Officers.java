package org.caseflow.simulators;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Screening officers and a supervisor working the worklist through the real HTTP API: assign, interview,
 * decide with plausible outcome rates, sometimes request or waive review; the supervisor decides reviews.
 */
final class Officers implements Runnable {

    static final Map<String, List<String>> LANGUAGES = Map.of("officer-1", List.of("es", "en"), "officer-2", List.of("es", "fr", "ht"),
            "supervisor", List.of("es", "en"));

    private final Api screening;
    private final Random random;
    private final Set<String> reviewHandled = new HashSet<>();
    private volatile boolean running = true;
    private int turn;

    Officers(Api screening, long seed) {
        this.screening = screening;
        this.random = new Random(seed);
    }

    /** Supervisors register the officers (their logins) with valid certifications. */
    void register() {
        for (var officer : LANGUAGES.entrySet()) {
            var answer = screening.put("/api/officers/" + officer.getKey(), "supervisor", Map.of("name", "Officer " + officer.getKey(),
                    "languages", officer.getValue(), "certification", Map.of("certificationId", "cert-" + officer.getKey(),
                            "validFrom", Instant.now().minus(Duration.ofDays(30)).toString(), "validUntil", Instant.now().plus(Duration.ofDays(365)).toString())));
            if (answer.status() != 200) {
                throw new IllegalStateException("could not register " + officer.getKey() + ": HTTP " + answer.status());
            }
        }
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        while (running) {
            try {
                work();
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // a refused or failed call is retried on the next pass
            }
        }
    }

    private void work() {
        for (JsonNode item : worklist("AWAITING_SCREENING")) {
            String officer = (turn++ % 2 == 0) ? "officer-1" : "officer-2";
            screening.post("/api/cases/" + item.get("caseId").asText() + "/assignment", "supervisor", Map.of("officerId", officer));
        }
        for (JsonNode item : worklist("ASSIGNED")) {
            String caseId = item.get("caseId").asText();
            String officer = item.get("assignedOfficer").asText();
            JsonNode view = screening.get("/api/cases/" + caseId, officer).body();
            String language = view.path("languages").path(0).asText("es");
            boolean interpreter = !LANGUAGES.getOrDefault(officer, List.of()).contains(language);
            screening.post("/api/cases/" + caseId + "/interview", officer, Map.of("language", language, "interpreterUsed", interpreter,
                    "fearArticulated", random.nextDouble() < 0.6, "fearedCountries", List.of()));
        }
        for (JsonNode item : worklist("INTERVIEWED")) {
            double roll = random.nextDouble();
            String outcome = roll < 0.45 ? "CREDIBLE_FEAR" : roll < 0.90 ? "NO_CREDIBLE_FEAR" : roll < 0.97 ? "VOLUNTARY_RETURN" : "PROTECTION_REFERRAL";
            screening.post("/api/cases/" + item.get("caseId").asText() + "/decision", item.get("assignedOfficer").asText(),
                    Map.of("outcome", outcome, "rationale", "Simulated decision on the interview record."));
        }
        for (JsonNode item : worklist("REVIEW_WINDOW_OPEN")) {
            String caseId = item.get("caseId").asText();
            if (!reviewHandled.add(caseId)) {
                continue;
            }
            double roll = random.nextDouble();
            String officer = item.get("assignedOfficer").asText();
            if (roll < 0.15) {
                screening.post("/api/cases/" + caseId + "/review-request", officer, Map.of("reason", "The person asked for review."));
            } else if (roll < 0.23) {
                screening.post("/api/cases/" + caseId + "/review-waiver", officer, Map.of("reason", "The person waived review in writing."));
            }
        }
        for (JsonNode item : worklist("REVIEW_REQUESTED")) {
            screening.post("/api/cases/" + item.get("caseId").asText() + "/review-decision", "supervisor",
                    Map.of("result", random.nextDouble() < 0.7 ? "UPHELD" : "OVERTURNED", "rationale", "Simulated review."));
        }
    }

    private Iterable<JsonNode> worklist(String status) {
        var answer = screening.get("/api/worklist?status=" + status + "&size=500", "supervisor");
        return answer.status() == 200 ? answer.body().path("items") : List.of();
    }
}
