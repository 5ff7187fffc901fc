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

/**
 * The fault runs, reduced for the suite: under demo load each service is killed with SIGKILL and started again by
 * the supervisor, then the broker, then poison records go to every consumed topic. Nothing lost, nothing doubled,
 * no 5xx, every poison record dead-lettered, the audit clean apart from the poison it must report.
 */
class ChaosTest {

    @Test
    void killsBrokerLossAndPoisonLoseAndDoubleNothing() throws Exception {
        List<String[]> services = DemoTest.serviceJars();
        Path workDir = Files.createDirectories(Path.of("target", "chaos-test"));
        var options = new Demo.Options(40, 4, 43_200, 11, workDir, java.time.Duration.ofSeconds(600), services, true, true, List.of("removal-service"));

        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int status = Demo.run(options, new PrintStream(captured, true, StandardCharsets.UTF_8), Demo.Watcher.NONE);

        String output = captured.toString(StandardCharsets.UTF_8);
        System.out.println(output);
        assertThat(status).as(output).isZero();
        JsonNode summary = Api.JSON.readTree(output.lines().toList().getLast());
        JsonNode chaos = summary.get("chaos");
        assertThat(chaos.get("lost").asInt()).isZero();
        assertThat(chaos.get("doubled").asInt()).isZero();
        assertThat(chaos.get("stuck").asInt()).isZero();
        assertThat(chaos.get("serverErrors").asInt()).isZero();
        assertThat(chaos.get("faults")).hasSize(6); // three services, the broker, two removal instances, poison
        chaos.get("faults").forEach(f -> assertThat(f.get("recoverySeconds").asDouble()).as(f.toString()).isPositive());
        assertThat(summary.get("accepted").asInt() + summary.get("rejected").asInt()).isEqualTo(summary.get("submitted").asInt());
    }
}
