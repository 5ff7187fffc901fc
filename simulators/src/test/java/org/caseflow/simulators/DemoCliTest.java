package org.caseflow.simulators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

/** demo and chaos: --help exits 0 and hides internal options; a typo or a bad value exits 2 before anything starts. */
class DemoCliTest {

    @Test
    void helpAndMistakes() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(Demo.commandLine().setOut(new PrintWriter(out)).execute("--help")).isZero();
        assertThat(out.toString()).contains("--cases").contains("--fresh").doesNotContain("--service").doesNotContain("--chaos");
        assertThat(Demo.commandLine().setErr(new PrintWriter(err)).execute("--case", "5")).isEqualTo(2);
        assertThat(Demo.commandLine().setErr(new PrintWriter(err)).execute("--cases", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--cases");
        // ./caseflow chaos passes its defaults first; the caller's later value wins
        Demo.Cli cli = new Demo.Cli();
        new picocli.CommandLine(cli).setOverwrittenOptionsAllowed(true).parseArgs("--cases", "60", "--cases", "100");
        assertThat(cli.cases).isEqualTo(100);
    }
}
