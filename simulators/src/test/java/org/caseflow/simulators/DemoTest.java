package org.caseflow.simulators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** A small demo inside the suite: the real stack, the three service jars, the simulators; the numbers must add up. */
class DemoTest {

    /** The three services' runnable jars, built by the reactor before this module, as {@code --service} specs. */
    static List<String[]> serviceJars() {
        Path root = Path.of(System.getProperty("caseflow.root", ".."));
        String version = System.getProperty("caseflow.version", "0.1.0-SNAPSHOT");
        List<String[]> services = List.of("intake-service", "screening-service", "removal-service").stream()
                .map(name -> new String[] {name, root.resolve(name).resolve("target").resolve(name + "-" + version + "-exec.jar").toString(), "0"})
                .toList();
        services.forEach(s -> assertThat(Path.of(s[1])).as("service jar (built by the reactor before this module)").exists());
        return services;
    }

    /** Prometheus names targets by host:port; the checks name services. */
    private static Map<String, Instant> byService(Map<String, String> urls, Map<String, Instant> byInstance) {
        Map<String, Instant> byService = new java.util.TreeMap<>();
        urls.forEach((name, url) -> byService.put(name, byInstance.get(java.net.URI.create(url).getAuthority())));
        return byService;
    }

    private static String scrape(String url) throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void aSmallDemoEndsConsistentWithAJsonSummary() throws Exception {
        Path root = Path.of(System.getProperty("caseflow.root", ".."));
        List<String[]> services = serviceJars();
        Path workDir = Files.createDirectories(Path.of("target", "demo-test"));
        var options = new Demo.Options(30, 30, 43_200, 7, workDir, java.time.Duration.ofSeconds(300), services, true, false, List.of());

        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        java.util.Map<String, String> metrics = new java.util.HashMap<>();
        // a real Prometheus scrapes the services from their first second, as ops/ configures it (skipped only where none is installed)
        java.util.Optional<Path> binary = PrometheusServer.binary();
        if (binary.isEmpty()) {
            System.out.println("DemoTest: SKIPPING the dashboard check: no Prometheus (install Debian's 'prometheus', as .ci/run does, "
                    + "or set CASEFLOW_PROMETHEUS)");
        }
        var seen = new Object() {
            Instant runStart;
            Instant beforeDeparture;
            Map<String, Instant> finalScrape;
        };
        int status;
        String dashboardProblems;
        try (PrometheusServer prometheus = binary.isEmpty() ? null : PrometheusServer.start(binary.get(), root.resolve("ops"), workDir.resolve("prometheus"))) {
            status = Demo.run(options, new PrintStream(captured, true, StandardCharsets.UTF_8), new Demo.Watcher() {
                @Override
                public void healthy(Map<String, String> urls) throws Exception {
                    seen.runStart = Instant.now();
                    if (prometheus != null) {
                        prometheus.scrape(urls, seen.runStart);
                    }
                }

                @Override
                public void beforeDeparture(Map<String, String> urls) throws Exception {
                    if (prometheus != null) {
                        seen.beforeDeparture = byService(urls, prometheus.awaitScrapes(urls.size(), Instant.now(), Duration.ofSeconds(30)))
                                .get("removal-service");
                    }
                }

                @Override
                public void finished(Map<String, String> urls) throws Exception {
                    for (var service : urls.entrySet()) {
                        metrics.put(service.getKey(), scrape(service.getValue() + "/actuator/prometheus"));
                    }
                    if (prometheus != null) {
                        seen.finalScrape = byService(urls, prometheus.awaitScrapes(urls.size(), Instant.now(), Duration.ofSeconds(30)));
                    }
                }
            });
            String output = captured.toString(StandardCharsets.UTF_8);
            dashboardProblems = prometheus == null ? "" : String.join("\n",
                    new DashboardCheck(prometheus, Api.JSON.readTree(output.lines().toList().getLast()), seen.finalScrape, seen.beforeDeparture,
                            seen.runStart).check(DashboardCheck.panelQueries(root.resolve("ops/grafana/dashboards")), prometheus.alertRules()));
        }

        String output = captured.toString(StandardCharsets.UTF_8);
        System.out.println(output);
        assertThat(status).as(output).isZero();
        List<String> lines = output.lines().toList();
        JsonNode summary = Api.JSON.readTree(lines.getLast());
        assertThat(summary.get("consistent").asBoolean()).isTrue();
        int submitted = summary.get("submitted").asInt();
        assertThat(summary.get("accepted").asInt() + summary.get("rejected").asInt()).isEqualTo(submitted);
        int outcomes = 0;
        for (JsonNode n : summary.get("screeningOutcomes")) {
            outcomes += n.asInt();
        }
        assertThat(outcomes).isEqualTo(summary.get("accepted").asInt());
        assertThat(summary.get("boarded").asInt()).isLessThanOrEqualTo(summary.get("seatsPlanned").asInt());
        assertThat(summary.get("latency").has("submission->case")).isTrue();
        assertThat(output).contains("[").contains("sent ");
        assertThat(summary.get("audit").get("verdict").asText()).isEqualTo("CLEAN");
        // every dashboard panel and alert rule, evaluated by the real Prometheus, says what the demo's summary says
        assertThat(dashboardProblems).as("dashboards and alerts against the demo's summary").isEmpty();

        // no log of any process names a person: no full name, passport number or date of birth the simulators generated
        java.util.regex.Pattern personal = java.util.regex.Pattern.compile("(" + String.join("|", Population.GIVEN) + ") ("
                + String.join("|", Population.FAMILY) + ")|\\bP[1-9][0-9]{5}\\b|\\b(19[3-9][0-9]|200[0-9]|201[0-2])-[01][0-9]-[0-3][0-9]\\b");
        // nor a secret: no HTTP client secret the stack generated, and no access token (a JWT's header)
        java.util.List<String> secrets = new java.util.ArrayList<>();
        try (var files = Files.list(org.caseflow.localstack.LocalUsers.directory(workDir))) {
            for (Path file : files.toList()) {
                secrets.add(org.caseflow.schemas.AccessTokens.Client.read(file).clientSecret());
            }
        }
        assertThat(secrets).hasSizeGreaterThanOrEqualTo(6);
        try (var logs = Files.list(workDir.resolve("logs"))) {
            for (Path log : logs.filter(p -> p.toString().endsWith(".log")).toList()) {
                try (var logLines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
                    assertThat(logLines.filter(l -> personal.matcher(l).find() || l.contains("eyJraWQi") || secrets.stream().anyMatch(l::contains))
                            .findFirst()).as("personal data or a secret in " + log).isEmpty();
                }
            }
        }

        // every metric a dashboard panel or an alert queries is really exported by the services
        String exported = String.join("\n", metrics.values());
        assertThat(metrics).hasSize(3);
        assertThat(OpsMetrics.queried(root.resolve("ops"))).isNotEmpty().allSatisfy(name ->
                assertThat(exported).as("metric %s queried in ops/ but exported by no service", name).containsPattern("(?m)^" + name + "[{ ]"));
    }
}
