package org.caseflow.simulators;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Screening officers and a supervisor working the worklist through the real HTTP API: assign, interview,
 * decide with plausible outcome rates, sometimes request or waive review; the supervisor decides reviews.
 * They work cases side by side, as a team does (each call waits for the topology's answer, so one at a time capped
 * the demo at a few cases per second); what happens to a case depends only on the seed and the case, not on the
 * order the calls finish in.
 */
final class Officers implements Runnable {

    static final Map<String, List<String>> LANGUAGES = Map.of("officer-1", List.of("es", "en"), "officer-2", List.of("es", "fr", "ht"),
            "supervisor", List.of("es", "en"));

    /** Calls in flight at once: enough to keep screening busy, few enough not to queue behind its command timeout. */
    static final int IN_FLIGHT = 48;

    private final Api screening;
    private final long seed;
    private final Set<String> reviewHandled = ConcurrentHashMap.newKeySet();
    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore inFlight = new Semaphore(IN_FLIGHT);
    private volatile boolean running = true;

    Officers(Api screening, long seed) {
        this.screening = screening;
        this.seed = seed;
    }

    /**
     * The case's own draw for one step: the same whatever else is in flight. SplittableRandom mixes its seed, so the
     * steps of one case draw independently (java.util.Random's first draw barely changes between neighbouring seeds).
     */
    private SplittableRandom random(String caseId, int step) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + caseId.hashCode() * 31L + step);
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
        calls.shutdownNow();
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

    private void work() throws InterruptedException {
        eachCase(worklist("AWAITING_SCREENING"), item -> {
            String caseId = item.get("caseId").asText();
            String officer = Math.floorMod(caseId.hashCode(), 2) == 0 ? "officer-1" : "officer-2";
            screening.post("/api/cases/" + caseId + "/assignment", "supervisor", Map.of("officerId", officer));
        });
        eachCase(worklist("ASSIGNED"), item -> {
            String caseId = item.get("caseId").asText();
            String officer = item.get("assignedOfficer").asText();
            JsonNode view = screening.get("/api/cases/" + caseId, officer).body();
            String language = view.path("languages").path(0).asText("es");
            boolean interpreter = !LANGUAGES.getOrDefault(officer, List.of()).contains(language);
            screening.post("/api/cases/" + caseId + "/interview", officer, Map.of("language", language, "interpreterUsed", interpreter,
                    "fearArticulated", random(caseId, 1).nextDouble() < 0.6, "fearedCountries", List.of()));
        });
        eachCase(worklist("INTERVIEWED"), item -> {
            String caseId = item.get("caseId").asText();
            double roll = random(caseId, 2).nextDouble();
            String outcome = roll < 0.45 ? "CREDIBLE_FEAR" : roll < 0.90 ? "NO_CREDIBLE_FEAR" : roll < 0.97 ? "VOLUNTARY_RETURN" : "PROTECTION_REFERRAL";
            screening.post("/api/cases/" + caseId + "/decision", item.get("assignedOfficer").asText(),
                    Map.of("outcome", outcome, "rationale", "Simulated decision on the interview record."));
        });
        eachCase(worklist("REVIEW_WINDOW_OPEN"), item -> {
            String caseId = item.get("caseId").asText();
            if (!reviewHandled.add(caseId)) {
                return;
            }
            double roll = random(caseId, 3).nextDouble();
            String officer = item.get("assignedOfficer").asText();
            if (roll < 0.15) {
                screening.post("/api/cases/" + caseId + "/review-request", officer, Map.of("reason", "The person asked for review."));
            } else if (roll < 0.23) {
                screening.post("/api/cases/" + caseId + "/review-waiver", officer, Map.of("reason", "The person waived review in writing."));
            }
        });
        eachCase(worklist("REVIEW_REQUESTED"), item -> {
            String caseId = item.get("caseId").asText();
            screening.post("/api/cases/" + caseId + "/review-decision", "supervisor",
                    Map.of("result", random(caseId, 4).nextDouble() < 0.7 ? "UPHELD" : "OVERTURNED", "rationale", "Simulated review."));
        });
    }

    /** Works every item of a worklist page side by side (at most IN_FLIGHT calls at once) and waits for all of them. */
    private void eachCase(Iterable<JsonNode> items, Consumer<JsonNode> work) throws InterruptedException {
        List<Future<?>> pending = new ArrayList<>();
        for (JsonNode item : items) {
            inFlight.acquire();
            pending.add(calls.submit(() -> {
                try {
                    work.accept(item);
                } finally {
                    inFlight.release();
                }
            }));
        }
        for (Future<?> f : pending) {
            try {
                f.get();
            } catch (ExecutionException refused) {
                // a refused or failed call is retried on the next pass
            }
        }
    }

    private Iterable<JsonNode> worklist(String status) {
        var answer = screening.get("/api/worklist?status=" + status + "&size=500", "supervisor");
        return answer.status() == 200 ? answer.body().path("items") : List.of();
    }
}
