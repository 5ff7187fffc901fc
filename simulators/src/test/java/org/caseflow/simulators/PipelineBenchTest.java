package org.caseflow.simulators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.caseflow.schemas.Principals;
import org.caseflow.testsupport.StackAddresses;
import org.caseflow.testsupport.WithCaseflowStack;
import org.junit.jupiter.api.Test;

/** The bench's bare relay is exactly-once (every record through every hop, read committed) and reports what it measured. */
@WithCaseflowStack
class PipelineBenchTest {

    @Test
    void theBareRelayCarriesEveryRecordThroughOneAndThreeHops(StackAddresses stack) throws Exception {
        var out = new ByteArrayOutputStream();
        var relay = PipelineBench.relay(stack.kafka(Principals.PROVISIONING), 3000, new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(relay.produce()).isPositive();
        assertThat(relay.consume()).isPositive();
        assertThat(relay.oneHop()).isPositive();
        assertThat(relay.threeHops()).isPositive();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("bare relay, one exactly-once hop").contains("three exactly-once hops");

        var table = new ByteArrayOutputStream();
        PipelineBench.report(new PipelineBench.Figures(3000, 100, relay.produce(), relay.consume(), relay.oneHop(), relay.threeHops(),
                relay.oneHop() / 2, 321, new PipelineBench.Worklist(100, 50, 4.5, 12.5, 300),
                java.util.List.of(new PipelineBench.HopRun("half", 40, java.util.Map.of("submission->case", new PipelineBench.Hop(35, 88, 800)))),
                java.util.Map.of("kafka", 333L)),
                new PrintStream(table, true, StandardCharsets.UTF_8));
        String last = table.toString(StandardCharsets.UTF_8).strip().lines().reduce((a, b) -> b).orElseThrow();
        assertThat(Api.JSON.readTree(last).get("intakeVsRelayOneHop").asDouble()).isEqualTo(0.5);
        assertThat(Api.JSON.readTree(last).get("intakeRssMb").asInt()).isEqualTo(321);
        assertThat(Api.JSON.readTree(last).get("worklistP99Ms").asDouble()).isEqualTo(12.5);
        var hopRun = Api.JSON.readTree(last).path("hopRuns").path(0);
        assertThat(hopRun.path("load").asText()).isEqualTo("half");
        assertThat(hopRun.path("hops").path("submission->case").path("p99Ms").asInt()).isEqualTo(88);
        assertThat(hopRun.path("hops").path("submission->case").path("count").asInt()).isEqualTo(800);
        assertThat(table.toString(StandardCharsets.UTF_8)).contains("hop p99, submission->case at half speed");
        assertThat(Api.JSON.readTree(last).path("rssMb").path("kafka").asInt()).isEqualTo(333);
    }
}
