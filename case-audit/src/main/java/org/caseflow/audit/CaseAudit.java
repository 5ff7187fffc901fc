package org.caseflow.audit;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.caseflow.schemas.CaseflowSerdes;

/**
 * {@code ./caseflow audit}: replays the case topics, partition by partition (a case's events share a
 * partition number on every case topic), so memory holds one partition's cases at a time, not the log.
 * Exit 0 clean, 1 findings, 2 could not run.
 */
public final class CaseAudit {

    /** {@code kafka}: client settings beside the bootstrap servers (the auditor's credentials); empty for a cluster without them. */
    public record Options(String bootstrap, Map<String, Object> kafka, String registry, Instant from, Instant to, String caseId, String format,
                          Path out, Duration stuckAfter, Duration clockTolerance) {
        public Options {
            kafka = Map.copyOf(kafka);
        }
    }

    /** The local default's auditor credentials, relative to where ./caseflow runs. */
    static final Path LOCAL_AUDITOR = Path.of(".caseflow", "credentials", "auditor.properties");

    private CaseAudit() {
    }

    /** The command line of {@code ./caseflow audit}. */
    @picocli.CommandLine.Command(name = "caseflow audit", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
            description = {"Replays the whole log (case topics, officer registry, flight records, submissions and rejections) and checks "
                    + "every safeguard S1-S6 and the log's integrity. Exit 0 clean, 1 findings, 2 bad options or the log could not be read."})
    static final class Cli implements java.util.concurrent.Callable<Integer> {
        @picocli.CommandLine.Option(names = "--bootstrap", defaultValue = "127.0.0.1:9092", paramLabel = "HOST:PORT", description = "broker (${DEFAULT-VALUE})")
        String bootstrap;
        @picocli.CommandLine.Option(names = "--kafka-config", paramLabel = "FILE",
                description = "Kafka client settings with the auditor's credentials (.caseflow/credentials/auditor.properties when it exists)")
        Path kafkaConfig;
        @picocli.CommandLine.Option(names = "--registry", defaultValue = "http://127.0.0.1:8081/apis/registry/v3", paramLabel = "URL",
                description = "registry v3 API (${DEFAULT-VALUE})")
        String registry;
        @picocli.CommandLine.Option(names = "--from", paramLabel = "TIME", description = "report findings logged from (ISO-8601); the replay reads from the start")
        Instant from;
        @picocli.CommandLine.Option(names = "--to", paramLabel = "TIME", description = "report findings logged until (ISO-8601)")
        Instant to;
        @picocli.CommandLine.Option(names = "--case", paramLabel = "ID", description = "one case only, with its timeline")
        String caseId;
        @picocli.CommandLine.Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text, json or html (${DEFAULT-VALUE})")
        Format format;
        @picocli.CommandLine.Option(names = "--out", paramLabel = "FILE", description = "write the report to FILE")
        Path out;
        @picocli.CommandLine.Option(names = "--stuck-after", defaultValue = "P7D", paramLabel = "DURATION",
                description = "a case without progress this long is STUCK (${DEFAULT-VALUE})")
        Duration stuckAfter;
        @picocli.CommandLine.Option(names = "--clock-tolerance", defaultValue = "PT10S", paramLabel = "DURATION",
                description = "claimed times may differ from the broker's by this much (${DEFAULT-VALUE})")
        Duration clockTolerance;

        enum Format { text, json, html }

        Options options() throws java.io.IOException {
            Path config = kafkaConfig != null ? kafkaConfig : Files.exists(LOCAL_AUDITOR) ? LOCAL_AUDITOR : null;
            Map<String, Object> kafka = config == null ? Map.of() : org.caseflow.localstack.KafkaCredentials.read(config);
            return new Options(bootstrap, kafka, registry, from, to, caseId, format.name(), out, stuckAfter, clockTolerance);
        }

        @Override
        public Integer call() throws Exception {
            Options options = options();
            try {
                AuditReport report = audit(options, System.err);
                String rendered = switch (options.format()) {
                    case "json" -> json(report);
                    case "html" -> report.html();
                    default -> report.text();
                };
                if (options.out() != null) {
                    Files.writeString(options.out(), rendered);
                    System.out.println("audit report written to " + options.out() + ": " + (report.clean() ? "CLEAN" : report.findingCount() + " finding(s)"));
                } else {
                    System.out.print(rendered);
                }
                return report.clean() ? 0 : 1;
            } catch (Exception e) {
                System.err.println("caseflow audit: could not run: " + e.getMessage()
                        + (options.kafka().isEmpty() ? " (a broker that requires authentication needs --kafka-config FILE, e.g. "
                        + LOCAL_AUDITOR + ")" : ""));
                return 2;
            }
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("bench")) {
            ReplayBenchmark.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        CaseflowSerdes.trustGeneratedClasses();
        CaseflowSerdes.quietRegistryClient();
        System.exit(commandLine().execute(args));
    }

    /** Bad options exit 2 with the usage; a failure outside the replay (an unreadable --kafka-config) exits 2 too. */
    static picocli.CommandLine commandLine() {
        picocli.CommandLine line = new picocli.CommandLine(new Cli()).setCaseInsensitiveEnumValuesAllowed(true);
        line.registerConverter(Instant.class, Instant::parse).registerConverter(Duration.class, Duration::parse);
        return line.setExecutionExceptionHandler((e, cl, parsed) -> {
            cl.getErr().println("caseflow audit: " + e.getMessage());
            return 2;
        });
    }

    /** Replays and checks; {@code progress} gets one line per partition. */
    public static AuditReport audit(Options options, PrintStream progress) throws Exception {
        return new Replay(options, progress, Instant.now()).run();
    }

    static String json(AuditReport report) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report.json()) + "\n";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
