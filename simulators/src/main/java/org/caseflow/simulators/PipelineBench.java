package org.caseflow.simulators;

import static org.caseflow.schemas.KafkaConfigs.with;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.caseflow.field.FieldCli;
import org.caseflow.field.StationIdentity;
import org.caseflow.localstack.LocalStack;
import org.caseflow.localstack.Ports;
import org.caseflow.localstack.ServiceProcess;
import org.caseflow.schemas.CaseflowSerdes;
import org.caseflow.schemas.Principals;
import org.caseflow.schemas.Topics;
import org.caseflow.schemas.intake.CaseOpened;
import org.caseflow.schemas.intake.IntakeEventEnvelope;
import org.caseflow.schemas.intake.RejectionEnvelope;
import org.caseflow.schemas.intake.SubmissionEnvelope;

/**
 * {@code ./caseflow bench pipeline}: Caseflow's intake beside the least any exactly-once hop can cost, in one run on
 * one fresh local broker — the raw produce and consume rate (plain kafka-clients, acks=all, idempotent), a bare
 * transactional relay (consume → produce with EOS v2, one hop and three chained hops, same partitions and record size
 * as intake's topics), then intake at full speed (signed submissions → CaseOpened), and the RSS of intake's process;
 * screening's intake of those cases and its worklist; p50/p99 per automated hop at intake's full speed and at half of
 * it (submission → case → screening), then with removal running, at the officers' full speed and half of it
 * (conclusion → removal → scheduled); the RSS of every process. Prints a table and one line of JSON with the ratio
 * intake ÷ one-hop relay.
 */
final class PipelineBench {

    /** Every figure of one run; rates are records per second. */
    record Figures(int relayRecords, int submissions, double rawProduce, double rawConsume, double relayOneHop, double relayThreeHops, double intake, long intakeRssMb,
                   Worklist worklist, List<HopRun> hopRuns, Map<String, Long> rssUnderLoadMb) {

        double intakeVsRelay() {
            return intake / relayOneHop;
        }
    }

    @picocli.CommandLine.Command(name = "bench-pipeline", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
            description = {"On a fresh local broker: the raw produce and consume rate, a bare exactly-once relay (one hop, three chained "
                    + "hops), then Caseflow's intake at full speed (signed submissions -> cases) and its RSS; a table and one line of JSON."})
    static final class Cli implements java.util.concurrent.Callable<Integer> {
        @picocli.CommandLine.Option(names = "--records", defaultValue = "20000", paramLabel = "N",
                description = "submissions intake decides (${DEFAULT-VALUE})")
        int records;
        @picocli.CommandLine.Option(names = "--relay-records", defaultValue = "200000", paramLabel = "N",
                description = "records the raw and relay measurements move (${DEFAULT-VALUE}; enough that client start-up does not count)")
        int relayRecords;
        @picocli.CommandLine.Option(names = "--work-dir", defaultValue = ".caseflow-bench",
                description = "its own cluster, emptied at start (${DEFAULT-VALUE})")
        Path workDir;
        @picocli.CommandLine.Option(names = "--service-property", paramLabel = "KEY=VALUE",
                description = "a Spring property every service starts with, to measure a setting (e.g. "
                        + "spring.kafka.streams.properties.commit.interval.ms=50); repeatable")
        List<String> serviceProperties = new ArrayList<>();
        @picocli.CommandLine.Option(names = "--service", hidden = true)
        List<String> services = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            if (records < 1 || relayRecords < 1) {
                throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--records and --relay-records must be positive");
            }
            List<String> args = serviceProperties.stream().map(p -> "--" + p).toList();
            return run(records, relayRecords, workDir, new Services(jar("intake-service"), jar("screening-service"), jar("removal-service"), args), System.out);
        }

        private Path jar(String service) {
            return services.stream().map(s -> s.split("[=:]")).filter(s -> s[0].equals(service)).map(s -> Path.of(s[1]))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("no --service " + service + "=JAR:PORT given"));
        }
    }

    private static final int RECORD_BYTES = 600;

    private PipelineBench() {
    }

    /** The services' jars, and the arguments each starts with. */
    record Services(Path intake, Path screening, Path removal, List<String> args) {
    }

    static int run(int records, int relayRecords, Path workDir, Services services, PrintStream out) throws Exception {
        out.printf("caseflow bench pipeline: %,d relayed records, %,d submissions, fresh cluster in %s%s%n", relayRecords, records, workDir,
                services.args().isEmpty() ? "" : ", services with " + String.join(" ", services.args()));
        var settings = LocalStack.Settings.anyPorts(workDir, true);
        try (LocalStack stack = LocalStack.start(settings)) {
            Map<String, Object> admin = stack.kafkaClient(Principals.PROVISIONING);
            Relay relay = relay(admin, relayRecords, out);
            out.println("intake: starting the service");
            double intake;
            long rss;
            Worklist worklist;
            List<HopRun> hopRuns = new ArrayList<>();
            Map<String, Long> rssUnderLoad = new LinkedHashMap<>();
            try (ServiceProcess service = ServiceProcess.start("intake-service", services.intake(), Ports.pick(0), stack, services.args())) {
                service.awaitHealthy(Duration.ofSeconds(120));
                StationIdentity station = station(stack, service, workDir);
                intake = intake(stack, station, records, out);
                rss = rssMb(service.process().pid());
                out.println("screening: starting the service; it queues every case intake opened");
                try (ServiceProcess screening = ServiceProcess.start("screening-service", services.screening(), Ports.pick(0), stack, services.args())) {
                    screening.awaitHealthy(Duration.ofSeconds(120));
                    worklist = worklist(stack, screening, records, out);
                    // full speed: offered at intake's own full speed; with screening beside it on the same cores the chain
                    // carries less, and what it carried (cases per second until the last was queued) is its maximum rate
                    HopRun full = intakeHops(stack, station, "full", intake, out);
                    hopRuns.add(full);
                    hopRuns.add(intakeHops(stack, station, "half", full.ratePerSec() / 2, out));
                    out.println("removal: starting the service; officers conclude cases for it");
                    try (ServiceProcess removal = ServiceProcess.start("removal-service", services.removal(), Ports.pick(0), stack, services.args())) {
                        removal.awaitHealthy(Duration.ofSeconds(120));
                        hopRuns.addAll(removalHops(stack, screening, removal, out));
                        // every process of the run, right after the steady-rate phases
                        stack.processIds().forEach((name, pid) -> rssUnderLoad.put(name, rssMb(pid)));
                        rssUnderLoad.put("intake-service", rssMb(service.process().pid()));
                        rssUnderLoad.put("screening-service", rssMb(screening.process().pid()));
                        rssUnderLoad.put("removal-service", rssMb(removal.process().pid()));
                    }
                }
            }
            Figures f = new Figures(relayRecords, records, relay.produce(), relay.consume(), relay.oneHop(), relay.threeHops(), intake, rss, worklist, hopRuns,
                    rssUnderLoad);
            report(f, out);
            return 0;
        }
    }

    record Relay(double produce, double consume, double oneHop, double threeHops) {
    }

    /** The bare figures: write {@code records} once, read them, then relay them one hop and three chained hops. */
    static Relay relay(Map<String, Object> client, int records, PrintStream out) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String in = "bench." + run + ".in";
        List<String> oneHop = List.of(in, "bench." + run + ".a");
        List<String> threeHops = List.of(in, "bench." + run + ".b1", "bench." + run + ".b2", "bench." + run + ".b3");
        try (Admin a = Admin.create(client)) {
            Set<String> names = new HashSet<>(oneHop);
            names.addAll(threeHops);
            a.createTopics(names.stream().map(n -> new NewTopic(n, Topics.PARTITIONS, (short) 1)
                    .configs(Map.of("message.timestamp.type", "LogAppendTime"))).toList()).all().get();
        }
        byte[] value = new byte[RECORD_BYTES];
        long started = System.nanoTime();
        // every record must be in before anything is relayed: a send the broker refused (seen once on a just-created
        // topic: OutOfOrderSequenceException, retried until the delivery timeout) is sent again by a new producer
        List<Integer> missing = java.util.stream.IntStream.range(0, records).boxed().toList();
        for (int attempt = 1; !missing.isEmpty(); attempt++) {
            if (attempt > 3) {
                throw new IllegalStateException(missing.size() + " records could not be written to " + in + " in 3 attempts");
            }
            List<Integer> failed = java.util.Collections.synchronizedList(new ArrayList<>());
            try (var producer = new KafkaProducer<>(with(client, ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000), new StringSerializer(), new ByteArraySerializer())) {
                for (int i : missing) {
                    producer.send(new ProducerRecord<>(in, "key-" + i, value), (metadata, error) -> {
                        if (error != null) {
                            failed.add(i);
                        }
                    });
                }
                producer.flush();
            }
            if (!failed.isEmpty()) {
                out.printf("raw produce: %d of %d sends refused (attempt %d); sending them again%n", failed.size(), missing.size(), attempt);
            }
            missing = List.copyOf(failed);
        }
        double produce = rate(records, started);
        out.printf("raw produce: %,.0f records/s%n", produce);
        started = System.nanoTime();
        long read = count(client, in, records, Duration.ofSeconds(120));
        double consume = rate(read, started);
        out.printf("raw consume: %,.0f records/s%n", consume);
        // the relays are judged against what the input topic holds (a refused send that was in fact written once is there too)
        long stored = countAll(client, in);
        if (stored != records) {
            out.printf("the input topic holds %d records for %d sent; the relays must carry exactly those%n", stored, records);
        }
        double one = chain(client, oneHop, stored, run + "-1");
        out.printf("bare relay, one exactly-once hop: %,.0f records/s%n", one);
        double three = chain(client, threeHops, stored, run + "-3");
        out.printf("bare relay, three exactly-once hops: %,.0f records/s%n", three);
        return new Relay(produce, consume, one, three);
    }

    /** Runs one transactional relay per hop of {@code topics}, all at once, until the last topic holds every record (read committed). */
    static double chain(Map<String, Object> client, List<String> topics, long records, String run) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> hops = new ArrayList<>();
        long started = System.nanoTime();
        for (int h = 0; h + 1 < topics.size(); h++) {
            String from = topics.get(h);
            String to = topics.get(h + 1);
            String id = "bench-relay-" + run + "-" + h;
            hops.add(Thread.ofPlatform().name(id).start(() -> hop(client, from, to, id, stop)));
        }
        long arrived = count(client, topics.getLast(), records, Duration.ofSeconds(300));
        double rate = rate(arrived, started);
        stop.set(true);
        for (Thread t : hops) {
            t.join(10_000);
        }
        // exactly once: nothing missing, and (read again to the end, hops stopped) nothing doubled
        long total = count(client, topics.getLast(), records + 1L, Duration.ofSeconds(3));
        if (arrived != records || total != records) {
            throw new IllegalStateException(total + " records came through " + topics + ", " + records + " went in");
        }
        return rate;
    }

    /** One exactly-once hop: read committed, write and commit the input offsets in the same transaction (EOS v2). */
    private static void hop(Map<String, Object> client, String from, String to, String id, AtomicBoolean stop) {
        var consumerConfig = with(client, ConsumerConfig.GROUP_ID_CONFIG, id, ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        var producerConfig = with(client, ProducerConfig.TRANSACTIONAL_ID_CONFIG, id, ProducerConfig.LINGER_MS_CONFIG, 5);
        try (var consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer());
             var producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new ByteArraySerializer())) {
            producer.initTransactions();
            consumer.subscribe(List.of(from));
            while (!stop.get()) {
                var batch = consumer.poll(Duration.ofMillis(100));
                if (batch.isEmpty()) {
                    continue;
                }
                producer.beginTransaction();
                Map<TopicPartition, OffsetAndMetadata> offsets = new LinkedHashMap<>();
                for (ConsumerRecord<String, byte[]> r : batch) {
                    producer.send(new ProducerRecord<>(to, r.key(), r.value()));
                    offsets.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
                }
                producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
                producer.commitTransaction();
            }
        }
    }

    /** Every committed record of a topic, read to its end. */
    static long countAll(Map<String, Object> client, String topic) {
        return read(client, topic, Long.MAX_VALUE, true, Duration.ofSeconds(120));
    }

    /** Reads a topic (committed records only) until it holds {@code expected} records or {@code timeout} passes; how many it read. */
    static long count(Map<String, Object> client, String topic, long expected, Duration timeout) {
        return read(client, topic, expected, false, timeout);
    }

    /** Reads a topic from its start until {@code expected} records, its end (when {@code toEnd}) or {@code timeout}. */
    private static long read(Map<String, Object> client, String topic, long expected, boolean toEnd, Duration timeout) {
        var config = with(client, ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        try (var consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            var partitions = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = toEnd ? consumer.endOffsets(partitions) : Map.of();
            long read = 0;
            long deadline = System.nanoTime() + timeout.toNanos();
            while (read < expected && System.nanoTime() < deadline
                    && (!toEnd || partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)))) {
                read += consumer.poll(Duration.ofMillis(100)).count();
            }
            return read;
        }
    }

    /** The bench's reception station, its key registered with intake (as a supervisor) and known to it. */
    static StationIdentity station(LocalStack stack, ServiceProcess intake, Path workDir) throws Exception {
        StationIdentity station = StationIdentity.create(workDir.resolve("bench-station-" + UUID.randomUUID()), "LAJAS_BLANCAS");
        var users = org.caseflow.localstack.LocalUsers.tokens(stack.workDir());
        int status = FieldCli.register(intake.url(), users.of("supervisor"), station);
        if (status != 200) {
            throw new IllegalStateException("intake refused the bench station's key: HTTP " + status);
        }
        if (!FieldCli.awaitKnown(intake.url(), users.of("field-office"), station, Duration.ofSeconds(60))) {
            throw new IllegalStateException("intake does not know the bench station's key");
        }
        return station;
    }

    /** {@code records} valid submissions signed by {@code station}, their ids prefixed with {@code sub-<run>-}. */
    @SuppressWarnings("unchecked")
    static List<SubmissionEnvelope> submissions(StationIdentity station, int records, String run) {
        List<SubmissionEnvelope> submissions = new ArrayList<>(records);
        Instant now = Instant.now();
        for (Population.Planned p : new Population(7, run).generate(records * 2, now)) {
            if (submissions.size() == records) {
                break;
            }
            if (p.malformed() || p.retry()) {
                continue;
            }
            ((Map<String, Object>) p.body().get("encounter")).put("stationCode", "LAJAS_BLANCAS");
            submissions.add(FieldOffices.signedEnvelope(p.body(), station, "office-bench", now));
        }
        return submissions;
    }

    /** Intake at full speed: {@code records} signed submissions written as fast as a field office can, until each is a case. */
    static double intake(LocalStack stack, StationIdentity station, int records, PrintStream out) throws Exception {
        String run = Long.toString(System.currentTimeMillis(), 36);
        List<SubmissionEnvelope> submissions = submissions(station, records, run);
        var registry = new CaseflowSerdes.RegistrySettings(stack.registryUrl(), false);
        AtomicLong opened = new AtomicLong();
        AtomicLong rejected = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        Thread watcher = Thread.ofPlatform().name("bench-watch").start(() -> watch(stack, registry, run, opened, rejected, stop));
        long started = System.nanoTime();
        try (var producer = fieldOffice(stack, registry, 5)) {
            submissions.forEach(s -> send(producer, s));
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        long nextProgress = System.nanoTime();
        while (opened.get() + rejected.get() < submissions.size() && System.nanoTime() < deadline) {
            if (System.nanoTime() >= nextProgress) {
                out.printf("intake: %,d of %,d decided%n", opened.get() + rejected.get(), submissions.size());
                nextProgress += 2_000_000_000L;
            }
            Thread.sleep(20);
        }
        double rate = rate(opened.get() + rejected.get(), started);
        stop.set(true);
        watcher.join(10_000);
        if (rejected.get() > 0 || opened.get() != submissions.size()) {
            throw new IllegalStateException("intake opened " + opened.get() + " and rejected " + rejected.get() + " of " + submissions.size());
        }
        out.printf("intake: %,.0f submissions/s became cases%n", rate);
        return rate;
    }

    /** A field office's producer of submissions (acks=all, idempotent), as the field-office principal. */
    private static KafkaProducer<String, SubmissionEnvelope> fieldOffice(LocalStack stack, CaseflowSerdes.RegistrySettings registry, int lingerMs) {
        var config = with(stack.kafkaClient(Principals.FIELD_OFFICE), ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, lingerMs);
        return new KafkaProducer<>(config, new StringSerializer(), CaseflowSerdes.serializer(registry, false));
    }

    private static void send(KafkaProducer<String, SubmissionEnvelope> producer, SubmissionEnvelope submission) {
        String key = ((org.caseflow.schemas.intake.EncounterSubmission) submission.getPayload()).getSubmissionId();
        producer.send(new ProducerRecord<>(Topics.INTAKE_SUBMISSIONS, key, submission));
    }

    /** One hop's latency from the broker's append times, and how many cases it was timed on. */
    record Hop(long p50Ms, long p99Ms, int count) {
    }

    /** The automated hops of one part of the pipeline under one load ("full" or "half" speed); {@code ratePerSec}: cases per second carried. */
    record HopRun(String load, double ratePerSec, Map<String, Hop> hops) {
    }

    /** How long a steady-rate phase runs: long enough that a commit interval or a fetch wait shows in the p99. */
    private static final Duration STEADY = Duration.ofSeconds(20);

    /**
     * Intake and screening running, submissions at {@code rate} per second for 20 s: each hop timed on the broker's
     * append times, as the demo's observer does (submission → case, case → screening's first event for it).
     */
    static HopRun intakeHops(LocalStack stack, StationIdentity station, String load, double rate, PrintStream out) throws Exception {
        int count = (int) Math.max(200, rate * STEADY.toSeconds());
        String run = Long.toString(System.currentTimeMillis(), 36) + "h";
        List<SubmissionEnvelope> submissions = submissions(station, count, run);
        var registry = new CaseflowSerdes.RegistrySettings(stack.registryUrl(), false);
        out.printf("hops at %s speed: %,d submissions at %,.0f/s, intake and screening running%n", load, count, rate);
        try (PipelineObserver observer = new PipelineObserver(stack.kafkaClient(Principals.AUDITOR), registry);
             var producer = fieldOffice(stack, registry, 0)) {
            long started = System.nanoTime();
            for (int i = 0; i < submissions.size(); i++) {
                // paced: submission i leaves at i / rate seconds after the start, as field offices would send them
                pace(started, i, rate);
                send(producer, submissions.get(i));
            }
            producer.flush();
            // every submission of the phase decided before its figures are taken (and before the next phase)
            long drained = drain(observer, () -> observer.decided() >= count, load, out);
            double carried = count / ((drained - started) / 1e9);
            out.printf("hops at %s speed: %,.0f submissions/s offered, %,.0f/s carried to a case%n", load, rate, carried);
            return hopRun(observer, load, Math.min(rate, carried), List.of("submission->case", "case->screening"), out);
        }
    }

    /**
     * Waits (at most 5 min) until {@code done} holds for what the observer saw, then until nothing arrives for 2 s; when
     * it held. Polls the observer's counts, not its snapshot (which sorts every hop's latencies) on the measured cores.
     */
    private static long drain(PipelineObserver observer, java.util.function.BooleanSupplier done, String load, PrintStream out)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        long nextProgress = System.nanoTime() + 2_000_000_000L;
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            if (System.nanoTime() >= nextProgress) {
                out.printf("hops at %s speed: draining the backlog (%,d submissions decided)%n", load, observer.decided());
                nextProgress += 2_000_000_000L;
            }
            Thread.sleep(100);
        }
        long held = System.nanoTime();
        observer.awaitQuiet(Duration.ofSeconds(2), Duration.ofSeconds(30));
        return held;
    }

    /** Sleeps until the {@code i}-th event of a run that started at {@code startedNanos} is due at {@code rate} per second. */
    private static void pace(long startedNanos, int i, double rate) throws InterruptedException {
        long wait = startedNanos + (long) (i / rate * 1e9) - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    private static HopRun hopRun(PipelineObserver observer, String load, double rate, List<String> names, PrintStream out) {
        var snapshot = observer.snapshot();
        Map<String, Hop> hops = new LinkedHashMap<>();
        for (String name : names) {
            long[] p = snapshot.latencyMillis().getOrDefault(name, new long[] {0, 0});
            Hop hop = new Hop(p[0], p[1], snapshot.hopCounts().getOrDefault(name, 0));
            hops.put(name, hop);
            out.printf("hops at %s speed: %s p50 %d ms, p99 %d ms (%,d timed)%n", load, name, hop.p50Ms(), hop.p99Ms(), hop.count());
        }
        return new HopRun(load, rate, hops);
    }

    /**
     * Removal's automated hops: screening officers conclude waiting cases over HTTP (assign, interview, decide
     * NO_CREDIBLE_FEAR, waive review: the case concludes eligible at once), first as fast as 48 calls in flight allow for
     * 20 s, then at half that rate; removal, with a flight planned to every destination, takes each concluded case in
     * and seats it (conclusion → removal's first event, eligible → scheduled).
     */
    static List<HopRun> removalHops(LocalStack stack, ServiceProcess screening, ServiceProcess removal, PrintStream out) throws Exception {
        var users = org.caseflow.localstack.LocalUsers.tokens(stack.workDir());
        Api screeningApi = new Api(screening.url(), users);
        new Officers(screeningApi, 7).register();
        java.util.Queue<String> waiting = waitingCases(screeningApi, 4000);
        planFlights(new Api(removal.url(), users), waiting.size());
        out.printf("removal: %,d waiting cases to conclude; flights planned to every destination%n", waiting.size());
        HopRun full = concluding(stack, screeningApi, waiting, "full", 0, out);
        HopRun half = concluding(stack, screeningApi, waiting, "half", full.ratePerSec() / 2, out);
        return List.of(full, half);
    }

    /** Up to {@code atMost} cases waiting for an officer, oldest first. */
    private static java.util.Queue<String> waitingCases(Api screening, int atMost) {
        java.util.Queue<String> ids = new java.util.ArrayDeque<>();
        for (int page = 0; ids.size() < atMost; page++) {
            var items = screening.get("/api/worklist?status=AWAITING_SCREENING&size=500&page=" + page, "supervisor").body().path("items");
            if (items.isEmpty()) {
                break;
            }
            items.forEach(item -> ids.add(item.get("caseId").asText()));
        }
        return ids;
    }

    /** Enough seats to every destination of the population for {@code cases} removals (1,000-seat flights, six hours out). */
    private static void planFlights(Api removal, int cases) {
        for (Population.Nationality n : Population.MIX) {
            for (int seats = 0; seats < Math.max(cases, 1); seats += 1000) {
                var answer = removal.post("/api/flights", "removal-officer", Map.of("destination", n.code(),
                        "departureAt", Instant.now().plus(Duration.ofHours(6)).toString(), "seats", 1000, "carrier", "Bench Air"));
                if (answer.status() != 201 && answer.status() != 202) {
                    throw new IllegalStateException("removal refused a flight to " + n.code() + ": HTTP " + answer.status() + " " + answer.body());
                }
            }
        }
    }

    /** Concludes cases from {@code waiting} for 20 s, {@code rate} per second (0: as fast as the officers' calls allow). */
    private static HopRun concluding(LocalStack stack, Api screening, java.util.Queue<String> waiting, String load, double rate, PrintStream out)
            throws Exception {
        var registry = new CaseflowSerdes.RegistrySettings(stack.registryUrl(), false);
        AtomicLong concluded = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        java.util.concurrent.atomic.AtomicReference<String> firstRefusal = new java.util.concurrent.atomic.AtomicReference<>();
        var inFlight = new java.util.concurrent.Semaphore(Officers.IN_FLIGHT); // as many calls in flight as the demo's officers
        double achieved;
        try (PipelineObserver observer = new PipelineObserver(stack.kafkaClient(Principals.AUDITOR), registry)) {
            long started = System.nanoTime();
            long end = started + STEADY.toNanos();
            try (var calls = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; System.nanoTime() < end && !waiting.isEmpty(); i++) {
                    if (rate > 0) {
                        pace(started, i, rate);
                    }
                    inFlight.acquire();
                    String caseId = waiting.poll();
                    calls.submit(() -> {
                        try {
                            String refusal = conclude(screening, caseId);
                            if (refusal == null) {
                                concluded.incrementAndGet();
                            } else {
                                refused.incrementAndGet();
                                firstRefusal.compareAndSet(null, refusal);
                            }
                        } finally {
                            inFlight.release();
                        }
                    });
                }
            }
            achieved = rate(concluded.get(), started);
            out.printf("removal hops at %s speed: %,d cases concluded at %,.1f/s (%d refused%s)%n", load, concluded.get(), achieved, refused.get(),
                    firstRefusal.get() == null ? "" : ", first: " + firstRefusal.get());
            long done = concluded.get();
            drain(observer, () -> observer.timed("conclusion->removal") >= done, load, out);
            // a person who named their nationality as feared is blocked (S3), not seated: no eligible -> scheduled hop for them
            out.printf("removal hops at %s speed: blocked by a safeguard %s%n", load, observer.snapshot().blockEvents());
            return hopRun(observer, load, achieved, List.of("conclusion->removal", "eligible->scheduled"), out);
        }
    }

    /** One case through screening to an eligible conclusion; null when every call was accepted, else what was refused. */
    private static String conclude(Api screening, String caseId) {
        String path = "/api/cases/" + caseId;
        List<Object[]> steps = List.of(
                new Object[] {"/assignment", "supervisor", Map.of("officerId", "officer-1")},
                // through an interpreter: whatever language the person speaks, the interview is valid
                new Object[] {"/interview", "officer-1", Map.of("language", "es", "interpreterUsed", true, "fearArticulated", false, "fearedCountries", List.of())},
                new Object[] {"/decision", "officer-1", Map.of("outcome", "NO_CREDIBLE_FEAR", "rationale", "Bench decision on the interview record.")},
                new Object[] {"/review-waiver", "officer-1", Map.of("reason", "The person waived review in writing.")});
        for (Object[] step : steps) {
            var answer = screening.post(path + step[0], (String) step[1], step[2]);
            if (answer.status() / 100 != 2) {
                return step[0] + " HTTP " + answer.status() + " " + answer.body().path("code").asText(answer.body().path("detail").asText());
            }
        }
        return null;
    }

    /** The worklist once screening holds {@code cases} cases: how fast it took them in, then 500 calls as an officer (bearer token). */
    record Worklist(int cases, double queuedPerSec, double p50Ms, double p99Ms, long rssMb) {
    }

    static Worklist worklist(LocalStack stack, ServiceProcess service, int cases, PrintStream out) throws Exception {
        var api = new Api(service.url(), org.caseflow.localstack.LocalUsers.tokens(stack.workDir()));
        String path = "/api/worklist?status=AWAITING_SCREENING&size=50";
        long started = System.nanoTime();
        long deadline = started + Duration.ofMinutes(20).toNanos();
        long screened = 0;
        long nextProgress = System.nanoTime();
        long stableSince = System.nanoTime();
        // screening has taken in every case once its backlog gauge (cases per status: most wait for an officer, protection
        // cases were referred at once) stops growing for 5 s; it counts cases, which can be fewer than CaseOpened events
        // (intake amends the case of a person it already knows)
        while (System.nanoTime() < deadline) {
            long now = backlog(service);
            if (now != screened) {
                screened = now;
                stableSince = System.nanoTime();
            } else if (screened > 0 && System.nanoTime() - stableSince > 5_000_000_000L) {
                break;
            }
            if (System.nanoTime() >= nextProgress) {
                out.printf("screening: %,d cases in screening (of %,d opened)%n", screened, cases);
                nextProgress += 2_000_000_000L;
            }
            Thread.sleep(200);
        }
        if (screened == 0) {
            throw new IllegalStateException("screening took in no case");
        }
        double queued = screened / ((stableSince - started) / 1e9);
        long waiting = api.get(path, "officer-1").body().path("total").asLong();
        long[] nanos = new long[520];
        for (int i = 0; i < nanos.length; i++) {
            long t = System.nanoTime();
            var answer = api.get(path, "officer-1");
            nanos[i] = System.nanoTime() - t;
            if (answer.status() != 200 || answer.body().path("items").size() != 50) {
                throw new IllegalStateException("the worklist answered " + answer.status());
            }
        }
        // the first 20 warm the connection and the token
        long[] measured = java.util.Arrays.copyOfRange(nanos, 20, nanos.length);
        java.util.Arrays.sort(measured);
        double p50 = measured[measured.length / 2] / 1e6;
        double p99 = measured[(int) Math.ceil(measured.length * 0.99) - 1] / 1e6;
        out.printf("screening: worklist of %,d waiting cases (%,d in screening) p50 %.1f ms, p99 %.1f ms (500 calls)%n", waiting, screened, p50, p99);
        return new Worklist((int) waiting, queued, p50, p99, rssMb(service.process().pid()));
    }

    /** The sum of screening's backlog gauge over every status, from its Prometheus endpoint. */
    private static long backlog(ServiceProcess service) {
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(service.url() + "/actuator/prometheus")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            return (long) response.body().lines().filter(l -> l.startsWith("caseflow_screening_backlog{"))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
        } catch (Exception e) {
            return 0;
        }
    }

    /** Counts this run's CaseOpened and rejections (read committed, as the auditor). */
    @SuppressWarnings("unchecked")
    private static void watch(LocalStack stack, CaseflowSerdes.RegistrySettings registry, String run, AtomicLong opened, AtomicLong rejected,
                              AtomicBoolean stop) {
        var config = with(stack.kafkaClient(Principals.AUDITOR), ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), CaseflowSerdes.<org.apache.avro.specific.SpecificRecord>deserializer(registry, false))) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.CASE_INTAKE_EVENTS, Topics.INTAKE_REJECTIONS)) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            String prefix = "sub-" + run + "-";
            while (!stop.get()) {
                for (var r : consumer.poll(Duration.ofMillis(100))) {
                    if (r.value() instanceof IntakeEventEnvelope e && e.getPayload() instanceof CaseOpened c && c.getSubmissionId().startsWith(prefix)) {
                        opened.incrementAndGet();
                    } else if (r.value() instanceof RejectionEnvelope && r.key() != null && r.key().startsWith(prefix)) {
                        rejected.incrementAndGet();
                    }
                }
            }
        }
    }

    static void report(Figures f, PrintStream out) {
        out.println();
        out.printf("%-44s %14s%n", "pipeline bench", "records/s");
        out.printf("%-44s %,14.0f%n", "raw produce (acks=all, idempotent)", f.rawProduce());
        out.printf("%-44s %,14.0f%n", "raw consume (read committed)", f.rawConsume());
        out.printf("%-44s %,14.0f%n", "bare relay, 1 exactly-once hop", f.relayOneHop());
        out.printf("%-44s %,14.0f%n", "bare relay, 3 chained exactly-once hops", f.relayThreeHops());
        out.printf("%-44s %,14.0f%n", "caseflow intake (" + String.format("%,d", f.submissions()) + " signed submissions -> cases)", f.intake());
        out.printf("%-44s %14.3f   (target >= 0.6)%n", "intake / bare 1-hop relay", f.intakeVsRelay());
        out.printf("%-44s %11d MB   (target < 400)%n", "intake RSS after the run", f.intakeRssMb());
        Worklist w = f.worklist();
        out.printf("%-44s %,14.0f%n", "screening takes cases in (case -> worklist)", w.queuedPerSec());
        out.printf("%-44s %11.1f ms   (p50 %.1f ms; target p99 < 50 ms at 100k)%n", "worklist p99, " + String.format("%,d", w.cases()) + " waiting",
                w.p99Ms(), w.p50Ms());
        out.printf("%-44s %11d MB   (target < 400)%n", "screening RSS after the run", w.rssMb());
        for (HopRun run : f.hopRuns()) {
            run.hops().forEach((name, hop) -> out.printf("%-44s %11d ms   (p50 %d ms, %,d timed at %,.0f/s; target p99 < 100 ms at half)%n",
                    "hop p99, " + name + " at " + run.load() + " speed", hop.p99Ms(), hop.p50Ms(), hop.count(), run.ratePerSec()));
        }
        f.rssUnderLoadMb().forEach((name, mb) -> out.printf("%-44s %11d MB%n", "RSS after the hops, " + name, mb));
        StringBuilder rssJson = new StringBuilder();
        f.rssUnderLoadMb().forEach((name, mb) -> rssJson.append(rssJson.isEmpty() ? "" : ",").append(String.format("\"%s\":%d", name, mb)));
        StringBuilder hopsJson = new StringBuilder();
        for (HopRun run : f.hopRuns()) {
            StringBuilder each = new StringBuilder();
            run.hops().forEach((name, hop) -> each.append(each.isEmpty() ? "" : ",").append(String.format(
                    "\"%s\":{\"p50Ms\":%d,\"p99Ms\":%d,\"count\":%d}", name, hop.p50Ms(), hop.p99Ms(), hop.count())));
            hopsJson.append(hopsJson.isEmpty() ? "" : ",").append(String.format(Locale.ROOT, "{\"load\":\"%s\",\"ratePerSec\":%.1f,\"hops\":{%s}}",
                    run.load(), run.ratePerSec(), each));
        }
        out.printf(Locale.ROOT, "{\"relayRecords\":%d,\"submissions\":%d,\"rawProducePerSec\":%.0f,\"rawConsumePerSec\":%.0f,\"relayOneHopPerSec\":%.0f,\"relayThreeHopsPerSec\":%.0f,"
                        + "\"intakePerSec\":%.0f,\"intakeVsRelayOneHop\":%.3f,\"intakeRssMb\":%d,\"worklistCases\":%d,\"screeningQueuedPerSec\":%.0f,"
                        + "\"worklistP50Ms\":%.1f,\"worklistP99Ms\":%.1f,\"screeningRssMb\":%d,\"hopRuns\":[%s],\"rssMb\":{%s}}%n", f.relayRecords(),
                f.submissions(), f.rawProduce(), f.rawConsume(), f.relayOneHop(), f.relayThreeHops(), f.intake(), f.intakeVsRelay(), f.intakeRssMb(), w.cases(),
                w.queuedPerSec(), w.p50Ms(), w.p99Ms(), w.rssMb(), hopsJson, rssJson);
    }

    /** Resident memory of a process, from /proc (0 where there is none). */
    static long rssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (Exception e) {
            // not Linux, or the process is gone
        }
        return 0;
    }

    private static double rate(long count, long startedNanos) {
        return count / ((System.nanoTime() - startedNanos) / 1e9);
    }

}
