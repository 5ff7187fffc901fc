package org.caseflow.audit;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
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

    static final String USAGE = """
            usage: caseflow audit [options]
            Replays the whole log (case topics, officer registry, flight records, submissions and rejections) and checks
            every safeguard S1-S6 and the log's integrity. Exit 0 clean, 1 findings, 2 could not read the log.
              --bootstrap HOST:PORT       broker (127.0.0.1:9092)
              --kafka-config FILE         Kafka client settings with the auditor's credentials
                                          (.caseflow/credentials/auditor.properties when it exists)
              --registry URL              registry v3 API (http://127.0.0.1:8081/apis/registry/v3)
              --from TIME --to TIME       report findings logged in this window (ISO-8601); the replay reads from the start
              --case ID                   one case only, with its timeline
              --format text|json|html     report format (text)
              --out FILE                  write the report to FILE
              --stuck-after DURATION      a case without progress this long is STUCK (P7D)
              --clock-tolerance DURATION  claimed times may differ from the broker's by this much (PT10S)
              --help                      this text""";

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

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("bench")) {
            ReplayBenchmark.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        CaseflowSerdes.trustGeneratedClasses();
        CaseflowSerdes.quietRegistryClient();
        if (java.util.Arrays.asList(args).contains("--help") || java.util.Arrays.asList(args).contains("-h")) {
            System.out.println(USAGE);
            System.exit(0);
            return;
        }
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("caseflow audit: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
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
            System.exit(report.clean() ? 0 : 1);
        } catch (Exception e) {
            System.err.println("caseflow audit: could not run: " + e.getMessage()
                    + (options.kafka().isEmpty() ? " (a broker that requires authentication needs --kafka-config FILE, e.g. "
                    + LOCAL_AUDITOR + ")" : ""));
            System.exit(2);
        }
    }

    static Options parse(String[] args) {
        String bootstrap = "127.0.0.1:9092";
        Path kafkaConfig = Files.exists(LOCAL_AUDITOR) ? LOCAL_AUDITOR : null;
        String registry = "http://127.0.0.1:8081/apis/registry/v3";
        Instant from = null;
        Instant to = null;
        String caseId = null;
        String format = "text";
        Path out = null;
        Duration stuckAfter = Duration.ofDays(7);
        Duration clockTolerance = Duration.ofSeconds(10);
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            if (value == null) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            try {
                switch (args[i]) {
                    case "--bootstrap" -> bootstrap = value;
                    case "--kafka-config" -> kafkaConfig = Path.of(value);
                    case "--registry" -> registry = value;
                    case "--from" -> from = Instant.parse(value);
                    case "--to" -> to = Instant.parse(value);
                    case "--case" -> caseId = value;
                    case "--format" -> {
                        if (!List.of("text", "json", "html").contains(value)) {
                            throw new IllegalArgumentException("--format is text, json or html");
                        }
                        format = value;
                    }
                    case "--out" -> out = Path.of(value);
                    case "--stuck-after" -> stuckAfter = Duration.parse(value);
                    case "--clock-tolerance" -> clockTolerance = Duration.parse(value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(args[i] + " needs an ISO-8601 value (e.g. 2026-11-27T10:00:00Z or PT24H), not " + value);
            }
            i++;
        }
        Map<String, Object> kafka;
        try {
            kafka = kafkaConfig == null ? Map.of() : org.caseflow.localstack.KafkaCredentials.read(kafkaConfig);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("cannot read --kafka-config " + kafkaConfig + ": " + e.getMessage());
        }
        return new Options(bootstrap, kafka, registry, from, to, caseId, format, out, stuckAfter, clockTolerance);
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
