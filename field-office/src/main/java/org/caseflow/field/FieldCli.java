package org.caseflow.field;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import org.caseflow.schemas.AccessTokens;
import org.caseflow.submission.SubmissionJson;
import org.caseflow.submission.SubmissionRequest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./caseflow field}: a reception station's client. Prints submission ids and reason codes, never personal data. */
@Command(name = "field", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"A reception station's client: record encounters offline into a durable journal, signed with the station's key, "
                + "and deliver each to intake exactly once when the link returns."},
        subcommands = {FieldCli.Init.class, FieldCli.Register.class, FieldCli.Template.class, FieldCli.Record.class, FieldCli.SyncCommand.class,
                FieldCli.ListCommand.class, FieldCli.Show.class, FieldCli.RotateKey.class})
public final class FieldCli {

    /** Where the station keeps its key and journal. */
    static class StationDir {
        @Option(names = "--dir", defaultValue = ".caseflow-field", description = "The station's directory: key pair and journal (default: ${DEFAULT-VALUE}).")
        Path dir;
    }

    static class IntakeOptions {
        @Option(names = "--intake", defaultValue = "http://127.0.0.1:8181", description = "Intake's URL (default: ${DEFAULT-VALUE}).")
        String url;
        @Option(names = "--credentials", defaultValue = ".caseflow/credentials/http/field-office.properties", paramLabel = "FILE",
                description = "The station's client at Caseflow's identity provider, role FIELD_OFFICE: issuer, client-id and client-secret "
                        + "(default: the local default's, ${DEFAULT-VALUE}).")
        Path credentials;
    }

    @Command(name = "init", mixinStandardHelpOptions = true, description = "Make the station's Ed25519 key pair and journal; prints the public key to register.")
    static final class Init implements Callable<Integer> {
        @CommandLine.Mixin StationDir station;
        @Option(names = "--station", required = true, description = "The station's code, as intake knows it (e.g. LAJAS_BLANCAS).")
        String code;
        @Override
        public Integer call() throws Exception {
            StationIdentity identity = StationIdentity.create(station.dir, code);
            Spool.open(station.dir).close();
            System.out.println("station " + code + " in " + station.dir.toAbsolutePath() + " (private key: station.key, yours only)");
            System.out.println("key id " + identity.keyId() + "; a supervisor registers the public key with intake:");
            System.out.println("  ./caseflow field register --dir " + station.dir + "      (local default), or");
            System.out.println("  PUT /api/stations/" + code + "/keys/" + identity.keyId() + "  {\"publicKey\": \"" + identity.publicKeyBase64() + "\"}");
            return 0;
        }
    }

    @Command(name = "register", mixinStandardHelpOptions = true,
            description = "As a supervisor, register the station's public key with intake.")
    static final class Register implements Callable<Integer> {
        @CommandLine.Mixin StationDir station;
        @Option(names = "--intake", defaultValue = "http://127.0.0.1:8181", description = "Intake's URL (default: ${DEFAULT-VALUE}).")
        String url;
        @Option(names = "--credentials", defaultValue = ".caseflow/credentials/http/supervisor.properties", paramLabel = "FILE",
                description = "The supervisor's client at Caseflow's identity provider: issuer, client-id and client-secret "
                        + "(default: the local default's, ${DEFAULT-VALUE}).")
        Path credentials;

        @Override
        public Integer call() throws Exception {
            StationIdentity identity = StationIdentity.load(station.dir);
            int status = register(url, AccessTokens.of(credentials), identity);
            System.out.println("register " + identity.stationCode() + "/" + identity.keyId() + ": HTTP " + status);
            return status == 200 ? 0 : 1;
        }
    }

    @Command(name = "template", mixinStandardHelpOptions = true, description = "Print a JSON template of one encounter, or the CSV header with --csv.")
    static final class Template implements Callable<Integer> {
        @Option(names = "--csv", description = "The CSV header (one encounter per line; lists separated by ';').")
        boolean csv;

        @Override
        public Integer call() {
            System.out.println(csv ? EncounterFiles.CSV_HEADER : EncounterFiles.JSON_TEMPLATE);
            return 0;
        }
    }

    @Command(name = "record", mixinStandardHelpOptions = true,
            description = "Check encounters with intake's rules, sign them and write them to the journal (nothing is sent). Exit 1 if any was refused.")
    static final class Record implements Callable<Integer> {
        @CommandLine.Mixin StationDir station;
        @Option(names = "--file", description = "A .json file (one encounter or an array) or a .csv file (see 'field template --csv').")
        Path file;
        @Option(names = "--json", description = "One encounter as JSON on the command line.")
        String json;

        @Override
        public Integer call() throws Exception {
            if ((file == null) == (json == null)) {
                throw new CommandLine.ParameterException(new CommandLine(this), "give exactly one of --file or --json");
            }
            var forms = file != null ? EncounterFiles.read(file) : java.util.List.of(SubmissionJson.read(json));
            int refused = 0;
            try (FieldOffice office = FieldOffice.open(station.dir, "station")) {
                for (SubmissionRequest form : forms) {
                    switch (office.record(form)) {
                        case FieldOffice.Spooled s -> System.out.println("recorded " + s.submissionId());
                        case FieldOffice.AlreadySpooled s -> System.out.println("already recorded " + s.submissionId() + " (unchanged)");
                        case FieldOffice.Refused r -> {
                            refused++;
                            System.out.println("REFUSED " + r.submissionId() + ":");
                            r.reasons().forEach(reason -> System.out.println("  " + reason.code() + " (" + reason.field() + "): " + reason.message()));
                        }
                    }
                }
            }
            System.out.printf("%d recorded, %d refused; './caseflow field sync' delivers them%n", forms.size() - refused, refused);
            return refused == 0 ? 0 : 1;
        }
    }

    @Command(name = "sync", mixinStandardHelpOptions = true,
            description = "Deliver the journal to intake; each encounter is marked only when intake's verdict is back. Retries while the link is down.")
    static final class SyncCommand implements Callable<Integer> {
        @CommandLine.Mixin StationDir station;
        @CommandLine.Mixin IntakeOptions intake;
        @Option(names = "--watch", description = "Keep going: deliver what is recorded from now on too (Ctrl-C stops).")
        boolean watch;
        @Option(names = "--give-up-after", defaultValue = "PT30M", description = "Stop trying after this long (ISO-8601, default: ${DEFAULT-VALUE}); "
                + "the journal keeps what waits.")
        Duration giveUpAfter;
        @Option(names = "--parallel", defaultValue = "4", description = "Deliveries in flight (default: ${DEFAULT-VALUE}).")
        int parallel;

        @Override
        public Integer call() throws Exception {
            try (Spool spool = Spool.open(station.dir)) {
                var link = new IntakeLink(intake.url, AccessTokens.of(intake.credentials));
                var result = new Sync(spool, link, System.out, parallel, Duration.ofSeconds(30)).run(watch, giveUpAfter);
                ListCommand.table(spool, null);
                return result.waiting() == 0 ? 0 : 3;
            } catch (IntakeLink.Refused e) {
                System.err.println("sync: " + e.getMessage());
                return 2;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The journal as a table: submission id, state, case id or reasons.")
    static final class ListCommand implements Callable<Integer> {
        @CommandLine.Mixin StationDir station;
        @Option(names = "--state", description = "Only RECORDED, ACCEPTED or REJECTED.")
        Spool.State state;

        @Override
        public Integer call() throws Exception {
            try (Spool spool = Spool.open(station.dir)) {
                table(spool, state);
            }
            return 0;
        }

        static void table(Spool spool, Spool.State only) throws java.sql.SQLException {
            System.out.printf("%-48s %-9s %-8s %s%n", "submission", "state", "attempts", "case / reasons");
            for (Spool.Entry e : spool.all()) {
                if (only != null && e.state() != only) {
                    continue;
                }
                String detail = switch (e.state()) {
                    case ACCEPTED -> e.caseId();
                    case REJECTED -> e.reasons().replace("\n", "; ");
                    case RECORDED -> "waiting for delivery";
                };
                System.out.printf("%-48s %-9s %-8d %s%n", e.submissionId(), e.state(), e.attempts(), detail);
            }
            var c = spool.counts();
            System.out.printf("accepted %d, rejected %d, waiting %d%n", c.get(Spool.State.ACCEPTED), c.get(Spool.State.REJECTED), c.get(Spool.State.RECORDED));
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Print one recorded encounter as JSON (without its signature), e.g. to correct a rejected one and record it under a new id.")
    static final class Show implements Callable<Integer> {
        @CommandLine.Mixin StationDir station;
        @Parameters(paramLabel = "SUBMISSION_ID")
        String submissionId;

        @Override
        public Integer call() throws Exception {
            try (Spool spool = Spool.open(station.dir)) {
                Spool.Entry entry = spool.find(submissionId);
                if (entry == null) {
                    System.err.println("no encounter " + submissionId + " in the journal");
                    return 1;
                }
                SubmissionRequest r = SubmissionJson.read(entry.body());
                System.out.println(SubmissionJson.write(new SubmissionRequest(null, r.person(), r.encounter(), r.indicators(), r.fear(), null)));
                return 0;
            }
        }
    }

    @Command(name = "rotate-key", mixinStandardHelpOptions = true,
            description = "Make a new key pair for the station (the old private key is kept as station.key.<keyId>); register the new key, "
                    + "sync what was signed with the old one, then have a supervisor revoke it (docs/field-office.md).")
    static final class RotateKey implements Callable<Integer> {
        @CommandLine.Mixin StationDir station;

        @Override
        public Integer call() throws Exception {
            StationIdentity identity = StationIdentity.rotate(station.dir);
            System.out.println("new key id " + identity.keyId() + " for station " + identity.stationCode() + "; register it before recording more:");
            System.out.println("  PUT /api/stations/" + identity.stationCode() + "/keys/" + identity.keyId() + "  {\"publicKey\": \""
                    + identity.publicKeyBase64() + "\"}");
            return 0;
        }
    }

    /** Registers a station's key as a supervisor; the HTTP status (200 when intake took it). */
    public static int register(String intakeUrl, AccessTokens supervisor, StationIdentity identity) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(intakeUrl.replaceAll("/+$", "") + "/api/stations/" + identity.stationCode() + "/keys/" + identity.keyId()))
                .header("Authorization", supervisor.authorization()).header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"publicKey\": \"" + identity.publicKeyBase64() + "\"}")).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /**
     * Waits until intake knows the station's key (a registration reaches every instance through intake.stations);
     * false when {@code timeout} passes first. Asked as {@code user} (FIELD_OFFICE, SUPERVISOR or AUDITOR).
     */
    public static boolean awaitKnown(String intakeUrl, AccessTokens user, StationIdentity identity, Duration timeout)
            throws InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(intakeUrl.replaceAll("/+$", "") + "/api/stations/" + identity.stationCode() + "/keys/"
                + identity.keyId())).header("Authorization", user.authorization()).timeout(Duration.ofSeconds(10)).GET().build();
        var http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return true;
                }
            } catch (java.io.IOException e) {
                // intake not reachable right now: ask again
            }
            Thread.sleep(50);
        }
        return false;
    }

    public static CommandLine commandLine() {
        return new CommandLine(new FieldCli()).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("field: " + e.getMessage());
                    return 2;
                });
    }

    public static void main(String[] args) {
        org.caseflow.schemas.CaseflowSerdes.trustGeneratedClasses();
        System.exit(commandLine().execute(args));
    }
}
