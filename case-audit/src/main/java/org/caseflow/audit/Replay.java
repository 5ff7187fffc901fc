package org.caseflow.audit;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.TimestampType;
import org.caseflow.schemas.CachedAvroDeserializer;
import org.caseflow.schemas.Topics;
import org.caseflow.schemas.common.Metadata;
import org.caseflow.schemas.intake.CaseOpened;
import org.caseflow.schemas.intake.EncounterSubmission;
import org.caseflow.schemas.intake.SubmissionRejected;
import org.caseflow.schemas.removal.FlightState;
import org.caseflow.schemas.screening.OfficerRegistered;

/**
 * One replay of the whole log: first the facts cases are checked against (officer registry, flight records),
 * then the case topics, partition by partition in parallel (a case's events share a partition number on
 * every case topic), then what spans cases (one case per accepted submission, seats across cases).
 */
final class Replay {

    /** Submissions not yet decided this long after they were logged count as in flight, not lost. */
    static final Duration IN_FLIGHT = Duration.ofMinutes(1);
    private static final int TIMELINES_KEPT = 200;

    private final CaseAudit.Options options;
    private final PrintStream progress;
    private final Findings findings;
    private final Registries registries = new Registries();
    private final Seats seats = new Seats();
    private final EventIds eventIds = new EventIds();
    private final CachedAvroDeserializer decoder;
    private final CaseLedger.Context context;
    private final AuditReport report;
    private final AtomicInteger timelinesLeft = new AtomicInteger(TIMELINES_KEPT);
    private final AtomicLong records = new AtomicLong();
    /** The case a submission opened: its id, when it was logged, and where. */
    record Opened(String caseId, long loggedAt, AuditRecord.Ref ref) {
    }

    /** submissionId → the case it opened. */
    private final Map<String, Opened> openedBySubmission = new ConcurrentHashMap<>();

    Replay(CaseAudit.Options options, PrintStream progress, Instant auditedAt) {
        this.options = options;
        this.progress = progress;
        this.findings = new Findings(options.from());
        this.decoder = new CachedAvroDeserializer(options.registry());
        this.context = new CaseLedger.Context(registries, seats, findings, options.clockTolerance());
        this.report = new AuditReport(auditedAt, options.from(), options.to());
        this.report.timelinesInText = options.caseId() != null;
    }

    /** Reads the log and checks it. */
    AuditReport run() throws Exception {
        int partitions;
        try (LogReader reader = new LogReader(options.bootstrap(), options.kafka())) {
            partitions = reader.partitions(Topics.CASE_INTAKE_EVENTS).size();
            if (partitions == 0) {
                throw new IllegalStateException("no topic " + Topics.CASE_INTAKE_EVENTS + " at " + options.bootstrap());
            }
            readDecoded(reader, List.of(Topics.INTAKE_STATIONS, Topics.SCREENING_OFFICERS, Topics.REMOVAL_FLIGHTS), this::fact);
            progress.printf("audit: %d station keys, %d officers, %d flights in the registries%n", registries.stationKeyCount(),
                    registries.officerCount(), registries.flightCount());
        }
        // twice the cores: a partition waiting for its next fetch leaves its core to another
        int threads = Math.max(1, Math.min(partitions, 2 * Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            AtomicInteger finished = new AtomicInteger();
            for (int p = 0; p < partitions; p++) {
                int partition = p;
                done.add(pool.submit(() -> {
                    replayPartition(partition);
                    progress.printf("audit: partition %d/%d done, %,d records so far, %,d finding(s)%n", finished.incrementAndGet(), partitions,
                            records.get(), findings.total());
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        if (options.caseId() == null) {
            try (LogReader reader = new LogReader(options.bootstrap(), options.kafka())) {
                readDecoded(reader, List.of(Topics.INTAKE_SUBMISSIONS, Topics.INTAKE_REJECTIONS), this::submission);
            }
        }
        return finish();
    }

    /** Every partition of {@code topics}, decoded; what cannot be decoded is already a finding. */
    private void readDecoded(LogReader reader, List<String> topics, java.util.function.Consumer<AuditRecord> sink) {
        List<TopicPartition> tps = new ArrayList<>();
        topics.forEach(t -> tps.addAll(reader.partitions(t)));
        reader.readAll(tps, raw -> {
            AuditRecord r = decode(raw);
            if (r != null) {
                sink.accept(r);
            }
        });
    }

    /** A record of the officer registry or the flight records. */
    void fact(AuditRecord r) {
        if (!beyondWindow(r) && checkRecord(r, null)) {
            switch (r.payload()) {
                case OfficerRegistered o -> registries.officer(r, o);
                case org.caseflow.schemas.intake.StationKeyRegistered k -> registries.stationKey(r, k);
                case org.caseflow.schemas.intake.StationKeyRevoked k -> registries.stationKey(r, k);
                case FlightState f -> registries.flight(r, f);
                default -> { }
            }
        }
    }

    /** The cases of one partition number, replayed together. */
    static final class PartitionState {
        final Map<String, CaseLedger> cases = new HashMap<>();
        final Map<TopicPartition, Long> lastRecordedAt = new HashMap<>();
    }

    /** A record of a case topic, in log order within its partition state. */
    void caseRecord(AuditRecord r, PartitionState state) {
        if (beyondWindow(r)) {
            return;
        }
        String caseId = r.key() != null ? r.key() : r.metadata().getCaseId();
        if (caseId == null || (options.caseId() != null && !options.caseId().equals(caseId))) {
            return;
        }
        checkRecord(r, state.lastRecordedAt);
        CaseLedger ledger = state.cases.computeIfAbsent(caseId, id -> new CaseLedger(id, context,
                options.caseId() != null || timelinesLeft.getAndDecrement() > 0));
        ledger.accept(r);
        if (r.payload() instanceof CaseOpened o) {
            Opened first = openedBySubmission.putIfAbsent(o.getSubmissionId(), new Opened(caseId, r.timestamp(), r.ref()));
            if (first != null && !caseId.equals(first.caseId())) {
                findings.add(Rules.S6, caseId, "Submission " + o.getSubmissionId() + " opened a second case (the first is " + first.caseId() + ").",
                        r, first.ref());
            }
        }
    }

    /** After a partition: cases that stopped moving, and each case into the report. */
    void finishPartition(PartitionState state) {
        for (CaseLedger ledger : state.cases.values()) {
            Instant last = ledger.lastLoggedAt();
            if (!ledger.settled() && last.isBefore(report.auditedAt.minus(options.stuckAfter()))) {
                findings.add(Rules.STUCK, ledger.caseId(), "No progress since " + last + " (screening " + ledger.screeningState()
                        + (ledger.removalState() == null ? "" : ", removal " + ledger.removalState()) + "), beyond the limit of " + options.stuckAfter() + ".",
                        ledger.lastRef(), last);
            }
            report.add(ledger);
        }
    }

    /** submissionId → when it was logged and where (the records themselves are not kept). */
    private final Map<String, Opened> submitted = new HashMap<>();
    private final Map<String, Boolean> rejected = new HashMap<>();
    private long earliestSubmission = Long.MAX_VALUE;

    /** A record of intake.submissions or intake.rejections. */
    void submission(AuditRecord r) {
        if (beyondWindow(r) || !checkRecord(r, null)) {
            return;
        }
        switch (r.payload()) {
            case EncounterSubmission s -> {
                submitted.putIfAbsent(s.getSubmissionId(), new Opened(null, r.timestamp(), r.ref()));
                earliestSubmission = Math.min(earliestSubmission, r.timestamp());
            }
            case SubmissionRejected s -> rejected.put(s.getSubmissionId(), Boolean.TRUE);
            default -> { }
        }
    }

    /** What spans cases, then the report. */
    AuditReport finish() {
        if (options.caseId() == null) {
            checkSubmissions();
            seats.check(registries, findings);
        }
        report.records = records.get();
        report.setFindings(findings);
        return report;
    }

    private void replayPartition(int partition) {
        PartitionState state = new PartitionState();
        try (LogReader reader = new LogReader(options.bootstrap(), options.kafka())) {
            List<TopicPartition> tps = Topics.CASE_TOPICS.stream().map(t -> new TopicPartition(t, partition)).toList();
            reader.readMerged(tps, raw -> {
                AuditRecord r = decode(raw);
                if (r != null) {
                    caseRecord(r, state);
                }
            });
        }
        finishPartition(state);
    }

    /** Only records up to --to are replayed; --from only narrows what is reported (state needs the history before it). */
    private boolean beyondWindow(AuditRecord r) {
        return options.to() != null && r.loggedAt().isAfter(options.to());
    }

    /** Every accepted submission became exactly one case, and every case came from a submission the log holds. */
    private void checkSubmissions() {
        Instant settledBefore = report.auditedAt.minus(IN_FLIGHT);
        for (var e : submitted.entrySet()) {
            Opened s = e.getValue();
            Instant loggedAt = Instant.ofEpochMilli(s.loggedAt());
            if (!openedBySubmission.containsKey(e.getKey()) && !rejected.containsKey(e.getKey()) && loggedAt.isBefore(settledBefore)) {
                findings.add(Rules.S6, null, "Submission " + e.getKey() + " was neither opened as a case nor rejected: lost.", s.ref(), loggedAt);
            }
        }
        for (var e : openedBySubmission.entrySet()) {
            Opened opened = e.getValue();
            if (!submitted.containsKey(e.getKey()) && opened.loggedAt() >= earliestSubmission) {
                findings.add(Rules.S6, opened.caseId(), "Case opened for submission " + e.getKey() + ", which intake.submissions does not hold.",
                        opened.ref(), Instant.ofEpochMilli(opened.loggedAt()));
            }
        }
    }

    /** Decodes a raw record; an undecodable one is a MALFORMED_RECORD finding, never a crash. */
    private AuditRecord decode(ConsumerRecord<byte[], byte[]> raw) {
        records.incrementAndGet();
        String key = raw.key() == null ? null : new String(raw.key(), StandardCharsets.UTF_8);
        boolean appendTime = raw.timestampType() == TimestampType.LOG_APPEND_TIME;
        try {
            SpecificRecord envelope = decoder.deserialize(raw.topic(), raw.value());
            var metadataField = envelope.getSchema().getField("metadata");
            var payloadField = envelope.getSchema().getField("payload");
            if (metadataField == null || payloadField == null || !(envelope.get(metadataField.pos()) instanceof Metadata metadata)) {
                throw new IllegalArgumentException(envelope.getSchema().getFullName() + " is not a Caseflow envelope");
            }
            return new AuditRecord(raw.topic(), raw.partition(), raw.offset(), raw.timestamp(), appendTime, key, envelope.getSchema().getFullName(),
                    metadata, envelope.get(payloadField.pos()));
        } catch (RuntimeException e) {
            findings.add(new Finding(Rules.MALFORMED_RECORD, key, "Unreadable record: " + e.getMessage(),
                    new AuditRecord.Ref(raw.topic(), raw.partition(), raw.offset(), null, "unreadable"), List.of()));
            return null;
        }
    }

    /**
     * What a record says about itself, checked against what the log knows: the topic carries its type and was
     * written by the topic's writer; key, metadata and payload name the same case; its claimed times agree with
     * the broker's timestamp and its position. Returns false when it cannot be trusted as a fact at all.
     */
    private boolean checkRecord(AuditRecord r, Map<TopicPartition, Long> lastRecordedAt) {
        String expectedType = java.util.Objects.requireNonNullElse(Topics.envelopeOf(r.topic()), "");
        String caseId = r.key();
        Metadata md = r.metadata();
        boolean trusted = true;
        String envelopeType = r.envelope();
        if (!expectedType.equals(envelopeType)) {
            findings.add(Rules.WRONG_WRITER, caseId, r.type() + " (a " + simple(envelopeType) + ") on " + r.topic() + ", which carries "
                    + simple(expectedType) + ".", r);
            trusted = false;
        }
        String writer = expectedProducer(r.topic());
        if (writer != null && !writer.equals(md.getProducer())) {
            findings.add(Rules.WRONG_WRITER, caseId, r.type() + " on " + r.topic() + " claims producer '" + md.getProducer() + "'; its only writer is "
                    + writer + ".", r);
            trusted = false;
        }
        if (Topics.CASE_TOPICS.contains(r.topic())) {
            String payloadCase = payloadCaseId(r.payload());
            if (caseId == null) {
                findings.add(Rules.MALFORMED_RECORD, md.getCaseId(), r.type() + " has no record key.", r);
            } else if (!caseId.equals(md.getCaseId()) || (payloadCase != null && !caseId.equals(payloadCase))) {
                findings.add(Rules.MALFORMED_RECORD, caseId, r.type() + " filed under key " + caseId + " names case " + md.getCaseId()
                        + " in its metadata and " + payloadCase + " in its payload.", r);
            }
        }
        if (md.getEventId() == null || !eventIds.add(md.getEventId())) {
            findings.add(Rules.DUPLICATE_EVENT_ID, caseId, "Event id " + md.getEventId() + " appears twice in the log.", r);
        }
        checkTimes(r, lastRecordedAt);
        return trusted;
    }

    private void checkTimes(AuditRecord r, Map<TopicPartition, Long> lastRecordedAt) {
        Metadata md = r.metadata();
        long tolerance = options.clockTolerance().toMillis();
        long recorded = md.getRecordedAt().toEpochMilli();
        String caseId = r.key();
        if (Math.abs(recorded - r.timestamp()) > tolerance) {
            findings.add(Rules.LOG_TIME, caseId, r.type() + " claims it was recorded at " + md.getRecordedAt() + " but the broker logged it at "
                    + r.loggedAt() + (r.logAppendTime() ? "" : " (writer-supplied timestamp)") + ".", r);
        }
        if (md.getOccurredAt().toEpochMilli() > recorded + tolerance) {
            findings.add(Rules.LOG_TIME, caseId, r.type() + " claims it happened at " + md.getOccurredAt() + ", after it was recorded at "
                    + md.getRecordedAt() + ".", r);
        } else if ((r.topic().equals(Topics.CASE_SCREENING_EVENTS) || r.topic().equals(Topics.CASE_REMOVAL_EVENTS))
                && recorded - md.getOccurredAt().toEpochMilli() > tolerance) {
            findings.add(Rules.LOG_TIME, caseId, r.type() + " is back-dated: it claims " + md.getOccurredAt() + " but was recorded at "
                    + md.getRecordedAt() + " (the service decides and records in one step).", r);
        }
        if (lastRecordedAt != null) {
            TopicPartition tp = new TopicPartition(r.topic(), r.partition());
            Long previous = lastRecordedAt.get(tp);
            if (previous != null && recorded < previous - tolerance) {
                findings.add(Rules.LOG_TIME, caseId, r.type() + " claims " + md.getRecordedAt() + ", earlier than a record logged before it on "
                        + tp + " (" + Instant.ofEpochMilli(previous) + ").", r);
            }
            lastRecordedAt.merge(tp, recorded, Math::max);
        }
    }

    /** The single writer's producer name per topic (DESIGN's topic table). */
    private static String expectedProducer(String topic) {
        return switch (topic) {
            case Topics.CASE_INTAKE_EVENTS, Topics.INTAKE_REJECTIONS -> "intake-service";
            case Topics.CASE_SCREENING_EVENTS -> "screening-service";
            case Topics.CASE_REMOVAL_EVENTS, Topics.REMOVAL_FLIGHTS -> "removal-service";
            default -> null; // submissions (field offices, intake HTTP) and the officer registry have several legitimate names
        };
    }

    private static String payloadCaseId(Object payload) {
        if (payload instanceof SpecificRecord s) {
            var field = s.getSchema().getField("caseId");
            if (field != null) {
                Object v = s.get(field.pos());
                return v == null ? null : v.toString();
            }
        }
        return null;
    }

    private static String simple(String fullName) {
        return fullName.substring(fullName.lastIndexOf('.') + 1);
    }
}
