package org.caseflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

/** The launcher's command line: help on every subcommand (exit 0), unknown or missing options are errors (exit 2), internals hidden. */
class LauncherCliTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return CaseflowLauncher.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }

    @Test
    void everySubcommandExplainsItself() {
        assertThat(run("up", "--help")).isZero();
        assertThat(out.toString()).contains("--fresh").contains("--kafka-port").contains("--review-window").contains("--json-logs")
                .doesNotContain("--service");
        assertThat(run("rotate-credential", "--help")).isZero();
        assertThat(out.toString()).contains("PRINCIPAL");
        assertThat(run("provision", "--help")).isZero();
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("up").contains("rotate-credential").contains("provision");
    }

    @Test
    void mistakesAreUsageErrors() {
        assertThat(run("up", "--kafka-prot", "9092")).isEqualTo(2);
        assertThat(err.toString()).contains("--kafka-prot");
        assertThat(run("up", "--kafka-port", "99999")).isEqualTo(2);
        assertThat(run("up", "--review-window", "3 days")).isEqualTo(2);
        assertThat(run("up", "--review-window", "-PT1H")).isEqualTo(2);
        assertThat(run("provision", "--registry", "http://x")).isEqualTo(2);
        assertThat(run("rotate-credential", "nobody")).isEqualTo(2);
        assertThat(run("launch")).isEqualTo(2);
    }
}
