package org.caseflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

/** audit and bench: --help exits 0, a typo or a bad value exits 2 (a mistyped bench option never starts a million-event run). */
class CommandLinesTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void auditHelpAndMistakes() {
        var line = CaseAudit.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
        assertThat(line.execute("--help")).isZero();
        assertThat(out.toString()).contains("--kafka-config").contains("--clock-tolerance");
        assertThat(CaseAudit.commandLine().setErr(new PrintWriter(err)).execute("--format", "pdf")).isEqualTo(2);
        assertThat(CaseAudit.commandLine().setErr(new PrintWriter(err)).execute("--from", "yesterday")).isEqualTo(2);
        assertThat(CaseAudit.commandLine().setErr(new PrintWriter(err)).execute("--bootsrap", "x")).isEqualTo(2);
    }

    @Test
    void benchHelpAndMistakes() {
        assertThat(new picocli.CommandLine(new ReplayBenchmark.Cli()).setOut(new PrintWriter(out)).execute("--help")).isZero();
        assertThat(out.toString()).contains("--events");
        assertThat(new picocli.CommandLine(new ReplayBenchmark.Cli()).setErr(new PrintWriter(err)).execute("--evnts", "1000")).isEqualTo(2);
        assertThat(new picocli.CommandLine(new ReplayBenchmark.Cli()).setErr(new PrintWriter(err)).execute("--events", "many")).isEqualTo(2);
    }
}
