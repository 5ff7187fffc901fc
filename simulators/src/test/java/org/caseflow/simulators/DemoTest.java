package org.caseflow.simulators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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

    @Test
    void aSmallDemoEndsConsistentWithAJsonSummary() throws Exception {
        Path root = Path.of(System.getProperty("caseflow.root", ".."));
        List<String[]> services = serviceJars();
        Path workDir = Files.createDirectories(Path.of("target", "demo-test"));
        var options = new Demo.Options(30, 30, 43_200, 7, workDir, java.time.Duration.ofSeconds(300), services, true, false);

        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        java.util.Map<String, String> metrics = new java.util.HashMap<>();
        int status = Demo.run(options, new PrintStream(captured, true, StandardCharsets.UTF_8), metrics);

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

        // no log of any process names a person: no full name, passport number or date of birth the simulators generated
        java.util.regex.Pattern personal = java.util.regex.Pattern.compile("(" + String.join("|", Population.GIVEN) + ") ("
                + String.join("|", Population.FAMILY) + ")|\\bP[1-9][0-9]{5}\\b|\\b(19[3-9][0-9]|200[0-9]|201[0-2])-[01][0-9]-[0-3][0-9]\\b");
        try (var logs = Files.list(workDir.resolve("logs"))) {
            for (Path log : logs.filter(p -> p.toString().endsWith(".log")).toList()) {
                try (var logLines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
                    assertThat(logLines.filter(l -> personal.matcher(l).find()).findFirst()).as("personal data in " + log).isEmpty();
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
