package org.caseflow.field;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class FieldCliTest {

    @TempDir
    Path dir;

    @Test
    void everyCommandExplainsItself() {
        CommandLine cli = FieldCli.commandLine();
        assertThat(cli.getSubcommands().keySet()).contains("init", "register", "template", "record", "sync", "list", "show", "rotate-key");
        for (var sub : cli.getSubcommands().values()) {
            assertThat(sub.getCommandSpec().usageMessage().description()).as(sub.getCommandName()).isNotEmpty();
            sub.getCommandSpec().options().stream().filter(o -> !o.usageHelp() && !o.versionHelp())
                    .forEach(o -> assertThat(o.description()).as(sub.getCommandName() + " " + o.longestName()).isNotEmpty());
        }
        assertThat(cli.execute("record", "--help")).isZero();
        assertThat(cli.execute("sync", "--no-such-option")).isEqualTo(2);
    }

    @Test
    void aCsvFileIsCheckedSignedAndJournaledLineByLine() throws Exception {
        Path station = dir.resolve("station");
        assertThat(run("init", "--station", "LAJAS_BLANCAS", "--dir", station.toString())).contains("key id ");
        assertThat(Files.getPosixFilePermissions(station.resolve(StationIdentity.PRIVATE_KEY)).toString()).isEqualTo("[OWNER_READ, OWNER_WRITE]");
        String at = Instant.now().minusSeconds(600).toString();
        Path csv = dir.resolve("encounters.csv");
        Files.writeString(csv, EncounterFiles.CSV_HEADER + "\n"
                + "csv-1,\"Ana, Maria\",Prueba,1990-01-02,,FEMALE,col,,es;en,PASSPORT,PA1,COL,LAJAS_BLANCAS," + at + ",8.3,-77.6,,,false,false,false,false,true,VEN\n"
                + "csv-2,Bo,Prueba,,,MALE,XX,,es,,,,LAJAS_BLANCAS," + at + ",,,,,false,false,false,false,false,\n");
        String out = run("record", "--dir", station.toString(), "--file", csv.toString());
        assertThat(out).contains("recorded csv-1").contains("REFUSED csv-2").contains("NATIONALITY_INVALID").contains("AGE_MISSING")
                .doesNotContain("Bo,").doesNotContain("Maria");
        try (Spool spool = Spool.open(station)) {
            assertThat(spool.all()).extracting(Spool.Entry::submissionId).containsExactly("csv-1");
            assertThat(spool.find("csv-1").body()).contains("\"givenNames\":\"Ana, Maria\"").contains("\"signature\":{\"keyId\"");
        }
        assertThat(run("list", "--dir", station.toString())).contains("csv-1").contains("RECORDED").contains("waiting 1");
    }

    private static String run(String... args) {
        PrintStream original = System.out;
        var buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true));
        try {
            FieldCli.commandLine().execute(args);
        } finally {
            System.setOut(original);
        }
        return buffer.toString();
    }
}
