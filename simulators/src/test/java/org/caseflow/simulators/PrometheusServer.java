package org.caseflow.simulators;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.caseflow.localstack.Ports;

/**
 * A real Prometheus (Debian's package, or {@code CASEFLOW_PROMETHEUS}) on 127.0.0.1, configured from
 * {@code ops/prometheus/prometheus.yml} and {@code alerts.yml} as operators run it, except: one-second scrape and rule
 * intervals, and targets from a file the test writes once the services' ports are known.
 */
final class PrometheusServer implements AutoCloseable {

    private final Process process;
    private final String url;
    private final Path targets;
    private final HttpClient http = HttpClient.newHttpClient();

    private PrometheusServer(Process process, String url, Path targets) {
        this.process = process;
        this.url = url;
        this.targets = targets;
    }

    /** The binary: {@code CASEFLOW_PROMETHEUS}, else {@code prometheus} on the PATH. */
    static Optional<Path> binary() {
        String configured = System.getenv("CASEFLOW_PROMETHEUS");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        return ToolsOnPath.find("prometheus");
    }

    /** Starts on an empty database in {@code workDir} (what an earlier run left there is deleted first). */
    static PrometheusServer start(Path binary, Path ops, Path workDir) throws Exception {
        if (Files.exists(workDir)) {
            try (var old = Files.walk(workDir)) {
                old.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(workDir);
        Path targets = workDir.resolve("targets.json");
        Files.writeString(targets, "[]");
        Path config = workDir.resolve("prometheus.yml");
        Files.writeString(config, localConfig(Files.readString(ops.resolve("prometheus/prometheus.yml")),
                ops.resolve("prometheus/alerts.yml").toAbsolutePath(), targets.toAbsolutePath()));
        int port = Ports.pick(0);
        Process process = new ProcessBuilder(binary.toString(), "--config.file=" + config.toAbsolutePath(),
                "--storage.tsdb.path=" + workDir.resolve("data").toAbsolutePath(), "--web.listen-address=127.0.0.1:" + port,
                "--log.level=warn")
                .redirectErrorStream(true).redirectOutput(workDir.resolve("prometheus.log").toFile()).start();
        PrometheusServer server = new PrometheusServer(process, "http://127.0.0.1:" + port, targets);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!server.ready()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                server.close();
                throw new IllegalStateException("Prometheus did not become ready; see " + workDir.resolve("prometheus.log"));
            }
            Thread.sleep(200);
        }
        return server;
    }

    /** The operators' configuration with the three local changes; fails when ops/ no longer has what it replaces. */
    static String localConfig(String operators, Path alerts, Path targets) {
        String config = replaceOnce(operators, "(?m)^(\\s*scrape_interval:).*$", "$1 1s");
        config = replaceOnce(config, "(?m)^(\\s*evaluation_interval:).*$", "$1 1s");
        config = replaceOnce(config, "(?m)^(\\s*- ).*alerts\\.yml\\s*$", "$1" + Matcher.quoteReplacement(alerts.toString()));
        return replaceOnce(config, "(?m)^(\\s*)static_configs:\\s*\\n\\s*- targets:.*$",
                "$1file_sd_configs:\n$1  - files: [\"" + Matcher.quoteReplacement(targets.toString()) + "\"]\n$1    refresh_interval: 1s");
    }

    private static String replaceOnce(String text, String regex, String replacement) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("ops/prometheus/prometheus.yml has no line matching " + regex);
        }
        return m.replaceFirst(replacement);
    }

    private boolean ready() {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url + "/-/ready")).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Points the scrape job at the services and waits until every one has been scraped, healthy, after {@code since}. */
    void scrape(Map<String, String> serviceUrls, Instant since) throws Exception {
        List<String> hosts = serviceUrls.values().stream().map(u -> URI.create(u).getAuthority()).toList();
        Files.writeString(targets, Api.JSON.writeValueAsString(List.of(Map.of("targets", hosts))));
        awaitScrapes(hosts.size(), since, Duration.ofSeconds(60));
    }

    /** Each target's last scrape (the timestamp of its newest samples), once all {@code count} targets were scraped after {@code since}. */
    Map<String, Instant> awaitScrapes(int count, Instant since, Duration atMost) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (true) {
            Map<String, Instant> last = new HashMap<>();
            List<String> problems = new ArrayList<>();
            for (JsonNode target : get("/api/v1/targets?state=active").path("data").path("activeTargets")) {
                Instant at = Instant.parse(target.path("lastScrape").asText("0001-01-01T00:00:00Z"));
                if ("up".equals(target.path("health").asText()) && at.isAfter(since)) {
                    last.put(target.path("labels").path("instance").asText(), at);
                } else {
                    problems.add(target.path("scrapeUrl").asText() + " " + target.path("health").asText() + " " + target.path("lastError").asText());
                }
            }
            if (last.size() == count && problems.isEmpty()) {
                return last;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Prometheus has not scraped all " + count + " targets since " + since + ": " + problems);
            }
            Thread.sleep(200);
        }
    }

    /** An instant query evaluated at {@code at}: each series' labels and value. */
    List<Sample> query(String promql, Instant at) throws Exception {
        JsonNode answer = get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8) + "&time=" + at);
        if (!"success".equals(answer.path("status").asText())) {
            throw new IllegalStateException("query failed: " + promql + ": " + answer);
        }
        List<Sample> samples = new ArrayList<>();
        for (JsonNode result : answer.path("data").path("result")) {
            Map<String, String> labels = new HashMap<>();
            result.path("metric").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            samples.add(new Sample(labels, number(result.path("value").get(1).asText())));
        }
        return samples;
    }

    /** An alert rule as Prometheus loaded it from ops/ and last evaluated it: state inactive, pending or firing. */
    record AlertRule(String name, String query, String state) {
    }

    List<AlertRule> alertRules() throws Exception {
        List<AlertRule> rules = new ArrayList<>();
        for (JsonNode group : get("/api/v1/rules?type=alert").path("data").path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                rules.add(new AlertRule(rule.path("name").asText(), rule.path("query").asText(), rule.path("state").asText()));
            }
        }
        return rules;
    }

    record Sample(Map<String, String> labels, double value) {
    }

    /** A number as Prometheus writes it (also +Inf, -Inf, NaN). */
    static double number(String text) {
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + path)).build(), HttpResponse.BodyHandlers.ofString());
        return Api.JSON.readTree(response.body());
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
