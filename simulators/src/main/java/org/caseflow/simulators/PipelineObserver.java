package org.caseflow.simulators;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.caseflow.schemas.CaseflowSerdes;
import org.caseflow.schemas.Topics;
import org.caseflow.schemas.intake.CaseOpened;
import org.caseflow.schemas.intake.IntakeEventEnvelope;
import org.caseflow.schemas.intake.RejectionEnvelope;
import org.caseflow.schemas.intake.SubmissionEnvelope;
import org.caseflow.schemas.intake.SubmissionRejected;
import org.caseflow.schemas.removal.RemovalBlocked;
import org.caseflow.schemas.removal.RemovalEventEnvelope;
import org.caseflow.schemas.removal.RemovalScheduled;
import org.caseflow.schemas.screening.ScreeningConcluded;
import org.caseflow.schemas.screening.ScreeningEventEnvelope;

/**
 * Watches the pipeline from the outside, as a reader of its topics (no consumer group, nothing
 * committed): what each case went through, rejections, dead letters and per-hop latency. Hops are timed on the
 * broker's append times (every topic logs LogAppendTime), when a fact really reached the log, not on the time its
 * writer stamped into it (intake stamps CaseOpened one repartition hop before the record is written).
 */
final class PipelineObserver implements AutoCloseable {

    /** What is known of one case, from the log. */
    static final class CaseTrack {
        String submissionId;
        long openedAt;
        String screening = "OPENED";
        String outcome;
        boolean eligible;
        boolean concluded;
        String removal;
        String blockedBy;
        long concludedAt;
        long eligibleAt;
        long decidedAt;
        String destination;
    }

    private final Thread reader;
    private volatile boolean running = true;
    private final Map<String, Long> submittedAt = new HashMap<>();
    private final Set<String> rejectedIds = new HashSet<>();
    private final Map<String, Integer> rejectionReasons = new TreeMap<>();
    private final Map<String, CaseTrack> cases = new HashMap<>();
    private final Map<String, Integer> deadLetters = new TreeMap<>();
    private final Map<String, List<Long>> hops = new TreeMap<>();
    /** Every event logged during the run, by type; decisions by outcome and blocks by safeguard as events, not cases. */
    private final Map<String, Integer> events = new TreeMap<>();
    private final Map<String, Integer> decisions = new TreeMap<>();
    private final Map<String, Integer> blockEvents = new TreeMap<>();
    private volatile long lastRecordAt = System.currentTimeMillis();
    private int unreadableCount;
    private String firstUnreadable;

    /** Set once the reader has pinned where this run begins: the end of every topic (the cluster may hold earlier runs). */
    private final java.util.concurrent.CountDownLatch positioned = new java.util.concurrent.CountDownLatch(1);

    /** {@code client}: a Kafka client configuration that may read every topic (the auditor's). */
    PipelineObserver(Map<String, Object> client, CaseflowSerdes.RegistrySettings registry) {
        this.reader = Thread.ofPlatform().name("pipeline-observer").daemon().start(() -> read(client, registry));
        try {
            if (!positioned.await(60, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new IllegalStateException("the observer could not reach the broker within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void read(Map<String, Object> client, CaseflowSerdes.RegistrySettings registry) {
        var config = new java.util.HashMap<>(client);
        config.putAll(Map.of(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"));
        List<String> topics = new ArrayList<>(List.of(Topics.INTAKE_SUBMISSIONS, Topics.INTAKE_REJECTIONS, Topics.CASE_INTAKE_EVENTS,
                Topics.CASE_SCREENING_EVENTS, Topics.CASE_REMOVAL_EVENTS));
        Topics.all().stream().map(t -> t.name()).filter(n -> n.endsWith(Topics.DLT_SUFFIX)).forEach(topics::add);
        var deserializer = CaseflowSerdes.deserializer(registry, false);
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            topics.forEach(t -> consumer.partitionsFor(t).forEach(p -> partitions.add(new TopicPartition(t, p.partition()))));
            consumer.assign(partitions);
            // only this run: what the durable cluster held before is not counted
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            positioned.countDown();
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    lastRecordAt = System.currentTimeMillis();
                    if (record.topic().endsWith(Topics.DLT_SUFFIX)) {
                        synchronized (this) {
                            deadLetters.merge(record.topic(), 1, Integer::sum);
                        }
                        continue;
                    }
                    if (record.value() == null) {
                        continue; // a tombstone: no event (the services dead-letter it where an event was expected)
                    }
                    Object value;
                    try {
                        value = deserializer.deserialize(record.topic(), record.value());
                    } catch (RuntimeException unreadable) {
                        // garbage on intake.submissions is expected (the service dead-letters it); anything else is reported
                        synchronized (this) {
                            if (!record.topic().equals(Topics.INTAKE_SUBMISSIONS) && unreadableCount++ == 0) {
                                firstUnreadable = record.topic() + ": " + unreadable;
                                System.err.println("observer: cannot read " + firstUnreadable);
                            }
                        }
                        continue;
                    }
                    synchronized (this) {
                        apply(record, value);
                    }
                }
            }
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record, Object value) {
        switch (value) {
            case SubmissionEnvelope s -> submittedAt.putIfAbsent(record.key(), record.timestamp());
            case RejectionEnvelope r -> {
                SubmissionRejected rejected = (SubmissionRejected) r.getPayload();
                if (rejectedIds.add(rejected.getSubmissionId())) {
                    rejected.getReasons().forEach(reason -> rejectionReasons.merge(reason.getCode(), 1, Integer::sum));
                }
            }
            case IntakeEventEnvelope e when e.getPayload() instanceof CaseOpened opened -> {
                events.merge("CaseOpened", 1, Integer::sum);
                CaseTrack track = cases.computeIfAbsent(opened.getCaseId(), id -> new CaseTrack());
                track.submissionId = opened.getSubmissionId();
                track.openedAt = record.timestamp();
                Long sent = submittedAt.get(opened.getSubmissionId());
                if (sent != null) {
                    hop("submission->case", track.openedAt - sent);
                }
            }
            case ScreeningEventEnvelope e -> {
                CaseTrack track = cases.computeIfAbsent(record.key(), id -> new CaseTrack());
                String type = e.getPayload().getClass().getSimpleName();
                long at = record.timestamp();
                events.merge(type, 1, Integer::sum);
                if ("OPENED".equals(track.screening) && track.openedAt > 0) {
                    hop("case->screening", at - track.openedAt); // screening's first event for the case
                }
                if (e.getPayload() instanceof org.caseflow.schemas.screening.ScreeningDecided d) {
                    decisions.merge(d.getOutcome().name(), 1, Integer::sum);
                    track.decidedAt = at;
                    if (track.openedAt > 0) {
                        hop("intake->decision", at - track.openedAt);
                    }
                }
                if (e.getPayload() instanceof ScreeningConcluded c) {
                    track.concluded = true;
                    track.outcome = c.getOutcome().name();
                    track.eligible = c.getEligibleForRemoval();
                    track.concludedAt = at;
                    track.screening = "FINAL";
                } else if (!track.concluded) {
                    track.screening = type;
                }
            }
            case RemovalEventEnvelope e -> {
                CaseTrack track = cases.computeIfAbsent(record.key(), id -> new CaseTrack());
                String type = e.getPayload().getClass().getSimpleName();
                long at = record.timestamp();
                if (track.removal == null && track.concludedAt > 0) {
                    hop("conclusion->removal", at - track.concludedAt);
                }
                events.merge(type, 1, Integer::sum);
                if (e.getPayload() instanceof org.caseflow.schemas.removal.RemovalEligible eligible) {
                    track.eligibleAt = at;
                    track.destination = eligible.getDestination();
                }
                if (e.getPayload() instanceof RemovalScheduled && track.eligibleAt > 0) {
                    hop("eligible->scheduled", at - track.eligibleAt);
                }
                if (e.getPayload() instanceof RemovalScheduled && track.decidedAt > 0) {
                    hop("decision->scheduled", at - track.decidedAt);
                }
                if (e.getPayload() instanceof RemovalBlocked b) {
                    track.blockedBy = b.getSafeguard().name();
                    blockEvents.merge(b.getSafeguard().name(), 1, Integer::sum);
                }
                track.removal = type;
            }
            default -> { }
        }
    }

    private void hop(String name, long millis) {
        hops.computeIfAbsent(name, n -> new ArrayList<>()).add(Math.max(0, millis));
    }

    long quietForMillis() {
        return System.currentTimeMillis() - lastRecordAt;
    }

    /** Submissions of the run decided so far (cases opened and rejections): cheap to poll, unlike {@link #snapshot()}. */
    synchronized int decided() {
        return (int) cases.values().stream().filter(t -> t.submissionId != null).count() + rejectedIds.size();
    }

    /** How many times a hop was timed so far: cheap to poll, unlike {@link #snapshot()}. */
    synchronized int timed(String hop) {
        return hops.getOrDefault(hop, List.of()).size();
    }

    /** The cases opened during the run. */
    synchronized List<String> caseIds() {
        return cases.entrySet().stream().filter(e -> e.getValue().submissionId != null).map(Map.Entry::getKey).toList();
    }

    /** The submissions sent during the run. */
    synchronized List<String> submissionIds() {
        return List.copyOf(submittedAt.keySet());
    }

    /** Waits until no record has arrived for {@code quiet}, at most {@code atMost}. */
    void awaitQuiet(Duration quiet, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (quietForMillis() < quiet.toMillis() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    synchronized Snapshot snapshot() {
        Map<String, Integer> screening = new TreeMap<>();
        Map<String, Integer> outcomes = new TreeMap<>();
        Map<String, Integer> removal = new TreeMap<>();
        Map<String, Integer> blocks = new TreeMap<>();
        Map<String, Integer> waitingForSeat = new TreeMap<>();
        List<String> unfinished = new ArrayList<>();
        for (var entry : cases.entrySet()) {
            CaseTrack t = entry.getValue();
            if (t.submissionId == null) {
                continue;
            }
            screening.merge(t.screening, 1, Integer::sum);
            if (t.concluded) {
                outcomes.merge(t.outcome, 1, Integer::sum);
            }
            if (t.removal != null) {
                removal.merge(t.removal, 1, Integer::sum);
            }
            if (t.blockedBy != null) {
                blocks.merge(t.blockedBy, 1, Integer::sum);
            }
            if ("RemovalEligible".equals(t.removal)) {
                waitingForSeat.merge(t.destination, 1, Integer::sum);
            }
            boolean explained = t.concluded && (!t.eligible || t.removal != null);
            if (!explained) {
                unfinished.add(entry.getKey());
            }
        }
        Map<String, long[]> latency = new TreeMap<>();
        hops.forEach((name, values) -> {
            List<Long> sorted = values.stream().sorted().toList();
            latency.put(name, new long[] {percentile(sorted, 50), percentile(sorted, 99)});
        });
        long opened = cases.values().stream().filter(t -> t.submissionId != null).count();
        return new Snapshot(submittedAt.size(), (int) opened, rejectedIds.size(), new TreeMap<>(rejectionReasons), screening, outcomes, removal,
                blocks, new TreeMap<>(deadLetters), latency, unfinished, new TreeMap<>(events), new TreeMap<>(decisions), new TreeMap<>(blockEvents),
                waitingForSeat, hopCounts());
    }

    private Map<String, Integer> hopCounts() {
        Map<String, Integer> counts = new TreeMap<>();
        hops.forEach((name, values) -> counts.put(name, values.size()));
        return counts;
    }

    /**
     * {@code screening}: cases by their last screening event (FINAL once concluded); {@code removal}: cases by their last removal
     * event; {@code events}: every event of the run by type; {@code waitingForSeat}: cases whose last removal event is
     * RemovalEligible, by destination.
     */
    record Snapshot(int submissions, int cases, int rejected, Map<String, Integer> rejectionReasons, Map<String, Integer> screening,
                    Map<String, Integer> outcomes, Map<String, Integer> removal, Map<String, Integer> blocks, Map<String, Integer> deadLetters,
                    Map<String, long[]> latencyMillis, List<String> unfinished, Map<String, Integer> events, Map<String, Integer> decisions,
                    Map<String, Integer> blockEvents, Map<String, Integer> waitingForSeat, Map<String, Integer> hopCounts) {
    }

    private static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        reader.join(5000);
    }
}
