package org.caseflow.audit;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.kafka.common.TopicPartition;
import org.caseflow.schemas.CaseflowSerdes;
import org.caseflow.schemas.Topics;
import org.caseflow.schemas.intake.CaseOpened;
import org.caseflow.schemas.removal.FlightState;
import org.caseflow.schemas.removal.SeatAssignment;

/**
 * {@code ./caseflow audit}: replays the case topics, partition by partition (a case's events share a
 * partition number on every case topic), so memory holds one partition's cases at a time, not the log.
 * Exit 0 clean, 1 findings, 2 could not run.
 */
public final class CaseAudit {

    static final String USAGE = "usage: caseflow audit [--bootstrap HOST:PORT] [--registry URL] [--from TIME] [--to TIME] [--case ID]"
            + " [--format text|json|html] [--out FILE] [--stuck-after DURATION]";

    public record Options(String bootstrap, String registry, Instant from, Instant to, String caseId, String format, Path out, Duration stuckAfter) {
    }

    private CaseAudit() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("bench")) {
            ReplayBenchmark.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        CaseflowSerdes.trustGeneratedClasses();
        CaseflowSerdes.quietRegistryClient();
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
                System.out.println("audit report written to " + options.out() + ": " + (report.clean() ? "CLEAN" : report.findings.size() + " finding(s)"));
            } else {
                System.out.print(rendered);
            }
            System.exit(report.clean() ? 0 : 1);
        } catch (Exception e) {
            System.err.println("caseflow audit: could not run: " + e.getMessage());
            System.exit(2);
        }
    }

    static Options parse(String[] args) {
        String bootstrap = "127.0.0.1:9092";
        String registry = "http://127.0.0.1:8081/apis/registry/v3";
        Instant from = null;
        Instant to = null;
        String caseId = null;
        String format = "text";
        Path out = null;
        Duration stuckAfter = Duration.ofDays(7);
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            if (value == null) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            try {
                switch (args[i]) {
                    case "--bootstrap" -> bootstrap = value;
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
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(args[i] + " needs an ISO-8601 value (e.g. 2026-11-27T10:00:00Z or PT24H), not " + value);
            }
            i++;
        }
        return new Options(bootstrap, registry, from, to, caseId, format, out, stuckAfter);
    }

    /** Replays and checks; {@code progress} gets one line per partition. */
    public static AuditReport audit(Options options, PrintStream progress) {
        Instant auditedAt = Instant.now();
        AuditReport report = new AuditReport(auditedAt, options.from(), options.to());
        CaseChecker checker = new CaseChecker(options.stuckAfter(), auditedAt);
        Set<String> seenEventIds = new HashSet<>();
        Map<String, AuditRecord> submissions = new HashMap<>();
        try (LogReader reader = new LogReader(options.bootstrap(), options.registry())) {
            int partitions = reader.partitions(Topics.CASE_INTAKE_EVENTS);
            for (int p = 0; p < partitions; p++) {
                Map<String, List<AuditRecord>> byCase = new LinkedHashMap<>();
                List<TopicPartition> tps = List.of(new TopicPartition(Topics.CASE_INTAKE_EVENTS, p), new TopicPartition(Topics.CASE_SCREENING_EVENTS, p),
                        new TopicPartition(Topics.CASE_REMOVAL_EVENTS, p));
                report.records += reader.read(tps, options.from(), options.to(),
                        r -> byCase.computeIfAbsent(r.key() != null ? r.key() : String.valueOf(r.metadata().getCaseId()), k -> new ArrayList<>()).add(r),
                        bad -> report.findings.add(new Finding(Rules.UNKNOWN_EVENT_TYPE, bad.key(), "Unreadable record: " + bad.reason(),
                                new AuditRecord.Ref(bad.topic(), bad.partition(), bad.offset(), null, "unreadable"), List.of())));
                for (var entry : byCase.entrySet()) {
                    if (options.caseId() != null && !options.caseId().equals(entry.getKey())) {
                        continue;
                    }
                    CaseChecker.CaseResult result = checker.check(entry.getKey(), entry.getValue(), seenEventIds);
                    report.add(result, options.caseId() != null || byCase.size() <= 200);
                    for (AuditRecord r : entry.getValue()) {
                        if (r.payload() instanceof CaseOpened opened) {
                            AuditRecord first = submissions.putIfAbsent(opened.getSubmissionId(), r);
                            if (first != null && !first.key().equals(r.key())) {
                                report.findings.add(CaseChecker.finding(Rules.S6, r.key(), "Submission " + opened.getSubmissionId()
                                        + " opened a second case (the first is " + first.key() + ").", r, first));
                            }
                        }
                    }
                }
                progress.printf("audit: partition %d/%d done, %d records, %d cases so far, %d finding(s)%n", p + 1, partitions, report.records,
                        report.cases, report.findings.size());
            }
            if (options.caseId() == null) {
                checkFlights(reader, report);
            }
        }
        return report;
    }

    /** S6 on flights: a seat never given twice, a flight never over its seats. */
    private static void checkFlights(LogReader reader, AuditReport report) {
        List<TopicPartition> tps = new ArrayList<>();
        for (int p = 0; p < reader.partitions(Topics.REMOVAL_FLIGHTS); p++) {
            tps.add(new TopicPartition(Topics.REMOVAL_FLIGHTS, p));
        }
        reader.read(tps, null, null, r -> {
            if (r.payload() instanceof FlightState f) {
                Set<Integer> seats = new HashSet<>();
                boolean twice = f.getAssignments().stream().map(SeatAssignment::getSeat).anyMatch(s -> !seats.add(s));
                if (twice || f.getAssignments().size() > f.getSeats()) {
                    AuditRecord.Ref ref = r.ref();
                    report.findings.add(new Finding(Rules.S6, "flight:" + f.getFlightId(), "Flight " + f.getFlightId() + " holds "
                            + f.getAssignments().size() + " for " + f.getSeats() + " seats" + (twice ? ", a seat given twice" : "") + ".", ref, List.of()));
                }
            }
        }, bad -> { });
    }

    static String json(AuditReport report) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report.json()) + "\n";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
