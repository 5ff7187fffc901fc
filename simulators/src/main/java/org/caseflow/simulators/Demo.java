package org.caseflow.simulators;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.caseflow.localstack.LocalStack;
import org.caseflow.localstack.Ports;
import org.caseflow.localstack.ServiceProcess;
import org.caseflow.schemas.CaseflowSerdes;
import org.caseflow.schemas.Topics;
import org.caseflow.schemas.intake.SubmissionEnvelope;

/**
 * {@code ./caseflow demo}: the whole pipeline on the local default, driven by simulated field offices,
 * screening officers and removal officers, with live progress, a summary table and, as the last line,
 * one line of JSON. Exit 0 when everything adds up, 1 if a case is left unexplained, 2 on bad arguments.
 */
public final class Demo {

    /** {@code twoInstances}: under {@code chaos}, the services that get a second instance which is then killed. */
    record Options(int cases, double rate, long timeScale, long seed, Path workDir, Duration timeout, List<String[]> services, boolean fresh,
                   boolean chaos, List<String> twoInstances) {
    }

    /** The command line of {@code ./caseflow demo} (and {@code chaos}); internal options are hidden. */
    @picocli.CommandLine.Command(name = "caseflow demo", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
            subcommands = PipelineBench.Cli.class,
            description = {"The whole pipeline on the local default, driven by simulated field offices, screening officers and removal "
                    + "officers; progress every two seconds, a summary table, the audit's verdict and one line of JSON. Exit 0 when the "
                    + "numbers add up and the audit is clean, 1 if they do not, 2 on bad options. The cluster in .caseflow/ is kept "
                    + "(--fresh starts empty). './caseflow chaos' takes the same options."})
    static final class Cli implements java.util.concurrent.Callable<Integer> {
        @picocli.CommandLine.Option(names = "--cases", defaultValue = "150", paramLabel = "N", description = "people crossing (${DEFAULT-VALUE})")
        int cases;
        @picocli.CommandLine.Option(names = "--rate", defaultValue = "25", paramLabel = "PER_SECOND", description = "submissions per second (${DEFAULT-VALUE})")
        double rate;
        @picocli.CommandLine.Option(names = "--time-scale", defaultValue = "21600", paramLabel = "X",
                description = "72 h review windows pass in 72 h / X (${DEFAULT-VALUE}: 12 s)")
        long timeScale;
        @picocli.CommandLine.Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "the synthetic population (${DEFAULT-VALUE})")
        long seed;
        @picocli.CommandLine.Option(names = "--timeout", defaultValue = "600", paramLabel = "SECONDS", description = "give up after (${DEFAULT-VALUE})")
        long timeout;
        @picocli.CommandLine.Option(names = "--fresh", description = "start from an empty cluster")
        boolean fresh;
        @picocli.CommandLine.Option(names = "--chaos", hidden = true)
        boolean chaos;
        @picocli.CommandLine.Option(names = "--two-instances", hidden = true, split = ",", defaultValue = "intake-service,screening-service,removal-service")
        List<String> twoInstances;
        @picocli.CommandLine.Option(names = "--work-dir", defaultValue = ".caseflow", hidden = true)
        Path workDir;
        @picocli.CommandLine.Option(names = "--service", hidden = true)
        List<String> services = new ArrayList<>();
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        Options options() {
            if (cases < 1 || rate <= 0 || timeScale < 1 || timeout < 10) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--cases, --rate and --time-scale must be positive, --timeout at least 10");
            }
            return new Options(cases, rate, timeScale, seed, workDir, Duration.ofSeconds(timeout),
                    services.stream().map(s -> s.split("[=:]")).toList(), fresh, chaos, twoInstances);
        }

        @Override
        public Integer call() throws Exception {
            return run(options(), System.out, Watcher.NONE);
        }
    }

    /**
     * Told where the services answer at three moments of a run (tests hang a real Prometheus on it): all healthy and
     * nothing sent yet; officers done, flights not yet departed; everything settled, services still running.
     */
    interface Watcher {
        Watcher NONE = new Watcher() { };

        default void healthy(Map<String, String> serviceUrls) throws Exception {
        }

        default void beforeDeparture(Map<String, String> serviceUrls) throws Exception {
        }

        default void finished(Map<String, String> serviceUrls) throws Exception {
        }
    }

    public static void main(String[] args) {
        CaseflowSerdes.quietRegistryClient();
        CaseflowSerdes.trustGeneratedClasses();
        System.exit(commandLine().execute(args));
    }

    /** A later option wins over an earlier one (./caseflow chaos sets defaults its caller may override); a failure exits 1. */
    static picocli.CommandLine commandLine() {
        return new picocli.CommandLine(new Cli()).setOverwrittenOptionsAllowed(true).setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("caseflow demo: " + e.getMessage());
            return 1;
        });
    }

    /** Runs the demo; {@code watcher} hears when the services are healthy, before the departures and at the end. */
    static int run(Options options, java.io.PrintStream out, Watcher watcher) throws Exception {
        long started = System.nanoTime();
        Duration reviewWindow = Duration.ofHours(72).dividedBy(options.timeScale());
        if (reviewWindow.compareTo(Duration.ofSeconds(1)) < 0) {
            reviewWindow = Duration.ofSeconds(1);
        }
        out.printf("caseflow demo: %d people, %.0f/s, seed %d, review window %s (72 h / %d)%n", options.cases(), options.rate(), options.seed(),
                reviewWindow, options.timeScale());
        // the same durable cluster as ./caseflow up (so up and audit show the demo's cases afterwards); --fresh starts empty
        var settings = LocalStack.Settings.anyPorts(options.workDir(), options.fresh());
        org.caseflow.localstack.AotCache.prepareInBackground(options.services().stream().map(s -> Path.of(s[1])).toList());
        try (LocalStack stack = LocalStack.start(settings)) {
            Map<String, ServiceProcess> services = new java.util.concurrent.ConcurrentHashMap<>();
            java.util.concurrent.atomic.AtomicBoolean stopping = new java.util.concurrent.atomic.AtomicBoolean();
            try {
                List<org.caseflow.localstack.Supervisor.Spec> specs = new ArrayList<>();
                for (String[] s : options.services()) {
                    List<String> extra = s[0].startsWith("screening")
                            ? List.of("--caseflow.screening.review-window=" + reviewWindow, "--caseflow.screening.window-check-interval=200ms")
                            : List.of();
                    int port = Ports.pick(0);
                    specs.add(new org.caseflow.localstack.Supervisor.Spec(s[0], Path.of(s[1]), port, extra));
                    services.put(s[0], ServiceProcess.start(s[0], Path.of(s[1]), port, stack, extra));
                }
                for (ServiceProcess s : services.values()) {
                    s.awaitHealthy(Duration.ofSeconds(120));
                }
                out.printf("stack healthy in %.0f s (logs: %s)%n", (System.nanoTime() - started) / 1e9, stack.logsDir());
                FaultRuns faults = null;
                if (options.chaos()) {
                    // the supervisor starts again whatever the fault runs kill, as under ./caseflow up
                    var supervisor = new org.caseflow.localstack.Supervisor(stack, specs, services, stopping, out);
                    Thread.ofPlatform().name("supervisor").daemon().start(() -> {
                        try {
                            supervisor.run();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
                    faults = new FaultRuns(stack, services, specs, options.twoInstances(), Duration.ofSeconds(4), out);
                    Thread.ofPlatform().name("fault-runs").daemon().start(faults);
                }
                Map<String, String> urls = new java.util.TreeMap<>();
                services.forEach((name, process) -> urls.put(name, process.url()));
                watcher.healthy(urls);
                int status = drive(options, stack, services, out, started, faults, () -> watcher.beforeDeparture(urls));
                watcher.finished(urls);
                return status;
            } finally {
                stopping.set(true);
                services.values().forEach(ServiceProcess::close);
            }
        }
    }

    /** A step that may throw, run between the officers' work and the departures. */
    interface Step {
        void run() throws Exception;
    }

    private static int drive(Options options, LocalStack stack, Map<String, ServiceProcess> services, java.io.PrintStream out, long started,
                             FaultRuns faults, Step beforeDeparture) throws Exception {
        Instant runStartedAt = Instant.now();
        var users = org.caseflow.localstack.LocalUsers.tokens(stack.workDir());
        Api intake = new Api(services.get("intake-service").url(), users);
        Api screening = new Api(services.get("screening-service").url(), users);
        Api removal = new Api(services.get("removal-service").url(), users);
        var registry = new CaseflowSerdes.RegistrySettings(stack.registryUrl(), false);
        String runId = Long.toString(options.seed(), 36) + "-" + Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        List<Population.Planned> planned = new Population(options.seed(), runId).generate(options.cases(), Instant.now());
        long distinct = planned.stream().filter(p -> !p.retry()).count();

        Officers officers = new Officers(screening, options.seed());
        officers.register();
        int seatsPlanned = planFlights(removal, options.cases());
        // the observer reads as the auditor; simulated field offices write submissions as the field-office principal
        Map<String, Object> fieldOffice = new java.util.HashMap<>(stack.kafkaClient(org.caseflow.schemas.Principals.FIELD_OFFICE));
        fieldOffice.putAll(Map.of(ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true));
        String intakeUrl = services.get("intake-service").url();
        try (PipelineObserver observer = new PipelineObserver(stack.kafkaClient(org.caseflow.schemas.Principals.AUDITOR), registry);
             var producer = new KafkaProducer<>(fieldOffice,
                     new StringSerializer(), CaseflowSerdes.<SubmissionEnvelope>serializer(registry, false));
             FieldOffices stations = new FieldOffices(options.workDir(), List.of(Population.STATIONS), intakeUrl)) {
            if (faults != null) {
                faults.observer = observer;
            }
            stations.startSyncs(intakeUrl);
            Thread officerThread = Thread.ofPlatform().name("officers").daemon().start(officers);
            AtomicInteger sent = new AtomicInteger();
            long intervalNanos = (long) (1e9 / options.rate());
            long deadline = System.nanoTime() + options.timeout().toNanos();
            long nextProgress = System.nanoTime();
            int index = 0;
            long nextSend = System.nanoTime();
            while (System.nanoTime() < deadline) {
                while (index < planned.size() && System.nanoTime() >= nextSend) {
                    Population.Planned p = planned.get(index++);
                    if (p.viaHttp() && !p.malformed()) {
                        // the station's client journals it (a retry of the same id changes nothing); its sync delivers it
                        stations.record(p.body());
                    } else {
                        stations.sendOverKafka(producer, p.body());
                    }
                    sent.incrementAndGet();
                    nextSend += intervalNanos;
                }
                var snapshot = observer.snapshot();
                if (System.nanoTime() >= nextProgress) {
                    out.println(progress(started, sent.get(), planned.size(), snapshot));
                    nextProgress += 2_000_000_000L;
                }
                boolean allSent = index == planned.size() && sent.get() == planned.size() && stations.waiting() == 0;
                boolean allProcessed = snapshot.cases() + snapshot.rejected() >= distinct;
                boolean faultsOver = faults == null || (faults.done && deadLettersArrived(snapshot));
                if (allSent && allProcessed && faultsOver && snapshot.unfinished().isEmpty() && observer.quietForMillis() > 2000) {
                    break;
                }
                Thread.sleep(50);
            }
            officers.stop();
            officerThread.join(5000);

            observer.awaitQuiet(Duration.ofSeconds(2), Duration.ofSeconds(20));
            beforeDeparture.run();
            Departures departures = departAll(removal);
            int boarded = departures.boarded();
            long settle = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < settle && observer.snapshot().removal().getOrDefault("RemovalExecuted", 0) < boarded) {
                Thread.sleep(100);
            }
            Thread.sleep(1000);
            var last = observer.snapshot();
            out.println(progress(started, sent.get(), planned.size(), last));
            // the whole log is replayed; findings are reported for what was logged during this run (earlier runs had their own verdict)
            var audit = org.caseflow.audit.CaseAudit.audit(new org.caseflow.audit.CaseAudit.Options(stack.bootstrapServers(),
                    stack.credentials().clientProperties(org.caseflow.schemas.Principals.AUDITOR), stack.registryUrl(),
                    runStartedAt, null, null, "text", null, Duration.ofHours(1), Duration.ofSeconds(10)), new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
            return summarize(out, last, distinct, planned.size() - distinct, seatsPlanned, departures, audit, faults);
        }
    }

    /** Removal officers plan flights per destination with limited seats (fewer than demand, so some wait). */
    private static int planFlights(Api removal, int people) {
        int seats = 0;
        for (Population.Nationality n : Population.MIX) {
            int flightSeats = (int) Math.max(2, Math.round(people * n.share() * 0.2));
            var answer = removal.post("/api/flights", "removal-officer", Map.of("destination", n.code(),
                    "departureAt", Instant.now().plus(Duration.ofHours(6)).toString(), "seats", flightSeats, "carrier", "Demo Air"));
            if (answer.status() == 201 || answer.status() == 202) {
                seats += flightSeats;
            }
        }
        return seats;
    }

    /** Seats taken and offered on planned flights per destination just before departure, and how many boarded. */
    record Departures(Map<String, Integer> seatsTaken, Map<String, Integer> seatsPlanned, int boarded) {
    }

    /** Records the departure of every flight with passengers. */
    private static Departures departAll(Api removal) {
        int boarded = 0;
        Map<String, Integer> taken = new java.util.TreeMap<>();
        Map<String, Integer> offered = new java.util.TreeMap<>();
        for (JsonNode flight : removal.get("/api/flights", "removal-officer").body()) {
            if (!"PLANNED".equals(flight.path("status").asText())) {
                continue;
            }
            String destination = flight.path("destination").asText();
            taken.merge(destination, flight.path("seatsTaken").asInt(), Integer::sum);
            offered.merge(destination, flight.path("seats").asInt(), Integer::sum);
            if (flight.path("seatsTaken").asInt() > 0) {
                boarded += flight.path("seatsTaken").asInt();
                removal.post("/api/flights/" + flight.path("flightId").asText() + "/departure", "removal-officer", Map.of());
            }
        }
        return new Departures(taken, offered, boarded);
    }

    private static String progress(long started, int sent, int total, PipelineObserver.Snapshot s) {
        var st = s.screening();
        var r = s.removal();
        return String.format("[%4.0fs] sent %d/%d | opened %d rejected %d | queued %d assigned %d interviewed %d window %d review %d final %d protection %d"
                        + " | removal eligible %d scheduled %d executed %d blocked %d stayed %d | dlt %d",
                (System.nanoTime() - started) / 1e9, sent, total, s.cases(), s.rejected(),
                st.getOrDefault("OPENED", 0) + st.getOrDefault("ScreeningQueued", 0), st.getOrDefault("OfficerAssigned", 0),
                st.getOrDefault("InterviewRecorded", 0), st.getOrDefault("ScreeningDecided", 0) + st.getOrDefault("ReviewWaived", 0),
                st.getOrDefault("ReviewRequested", 0) + st.getOrDefault("ReviewDecided", 0), st.getOrDefault("FINAL", 0),
                s.outcomes().getOrDefault("PROTECTION_REFERRAL", 0),
                r.getOrDefault("RemovalEligible", 0), r.getOrDefault("RemovalScheduled", 0), r.getOrDefault("RemovalExecuted", 0),
                r.getOrDefault("RemovalBlocked", 0), r.getOrDefault("RemovalStayed", 0) + r.getOrDefault("RemovalCancelled", 0),
                s.deadLetters().values().stream().mapToInt(Integer::intValue).sum());
    }

    /** Every poison record dead-lettered by every service that consumes its topic. */
    private static boolean deadLettersArrived(PipelineObserver.Snapshot s) {
        return FaultRuns.expectedDeadLetters().entrySet().stream().allMatch(e -> s.deadLetters().getOrDefault(e.getKey(), 0) >= e.getValue());
    }

    private static int summarize(java.io.PrintStream out, PipelineObserver.Snapshot s, long distinct, long retries, int seatsPlanned,
                                 Departures departures, org.caseflow.audit.AuditReport audit, FaultRuns faults) {
        int boarded = departures.boarded();
        int outcomes = s.outcomes().values().stream().mapToInt(Integer::intValue).sum();
        int scheduledOrFlown = s.removal().getOrDefault("RemovalScheduled", 0) + s.removal().getOrDefault("RemovalExecuted", 0);
        List<String> problems = new ArrayList<>();
        if (s.cases() + s.rejected() != distinct) {
            problems.add("submitted " + distinct + " != accepted " + s.cases() + " + rejected " + s.rejected());
        }
        if (outcomes != s.cases()) {
            problems.add("accepted " + s.cases() + " != screening outcomes " + outcomes);
        }
        if (scheduledOrFlown > seatsPlanned) {
            problems.add("scheduled " + scheduledOrFlown + " > seats planned " + seatsPlanned);
        }
        if (!s.unfinished().isEmpty()) {
            problems.add(s.unfinished().size() + " case(s) left without a final or explained state, e.g. " + s.unfinished().getFirst());
        }
        out.println();
        out.printf("%-34s %8s%n", "", "count");
        row(out, "submissions (distinct)", distinct);
        row(out, "  retries of the same submissionId", retries);
        row(out, "  accepted: cases opened", s.cases());
        row(out, "  rejected", s.rejected());
        s.rejectionReasons().forEach((reason, n) -> row(out, "    " + reason, n));
        row(out, "screening outcomes", outcomes);
        s.outcomes().forEach((outcome, n) -> row(out, "  " + outcome, n));
        row(out, "removal: seats planned", seatsPlanned);
        s.removal().forEach((event, n) -> row(out, "  last event " + event, n));
        s.blocks().forEach((safeguard, n) -> row(out, "  blocked by " + safeguard, n));
        row(out, "  boarded at departure", boarded);
        s.deadLetters().forEach((topic, n) -> row(out, "dead letters " + topic, n));
        s.latencyMillis().forEach((hop, p) -> out.printf("%-34s p50 %5d ms  p99 %5d ms%n", "latency " + hop, p[0], p[1]));
        // under fault runs, the poison records (keys chaos-*) are findings by design: the audit must report them, and does
        long unexpected = faults == null ? audit.findingCount()
                : audit.findingList().stream().filter(f -> f.caseId() == null || !f.caseId().startsWith("chaos-")).count();
        if (unexpected > 0) {
            problems.add("the audit of the log found " + unexpected + " finding(s)" + (faults == null ? "" : " besides the poison records"));
        }
        out.print(audit.text());
        Map<String, Object> chaos = faults == null ? null : chaosTable(out, s, audit, faults, problems);
        problems.forEach(p -> out.println("INCONSISTENT: " + p));

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("submitted", distinct);
        json.put("retries", retries);
        json.put("accepted", s.cases());
        json.put("rejected", s.rejected());
        json.put("rejectionsByReason", s.rejectionReasons());
        json.put("screeningOutcomes", s.outcomes());
        json.put("removal", s.removal());
        json.put("blocksBySafeguard", s.blocks());
        json.put("seatsPlanned", seatsPlanned);
        json.put("boarded", boarded);
        json.put("seatsTakenBeforeDeparture", departures.seatsTaken());
        json.put("seatsPlannedBeforeDeparture", departures.seatsPlanned());
        json.put("waitingForSeat", s.waitingForSeat());
        json.put("screeningStates", s.screening());
        json.put("events", s.events());
        json.put("decisionsByOutcome", s.decisions());
        json.put("blockEventsBySafeguard", s.blockEvents());
        json.put("deadLetters", s.deadLetters());
        Map<String, Object> latency = new LinkedHashMap<>();
        s.latencyMillis().forEach((hop, p) -> latency.put(hop, Map.of("p50Ms", p[0], "p99Ms", p[1], "count", s.hopCounts().get(hop))));
        json.put("latency", latency);
        if (chaos != null) {
            json.put("chaos", chaos);
        }
        json.put("consistent", problems.isEmpty());
        json.put("audit", Map.of("verdict", audit.clean() ? "CLEAN" : "FINDINGS", "findings", audit.findingCount(), "rules", audit.verdicts()));
        try {
            out.println(Api.JSON.writeValueAsString(json));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return problems.isEmpty() ? 0 : 1;
    }

    /** The fault table: per fault, what was lost, doubled, stuck or answered 5xx, and how long recovery took. */
    private static Map<String, Object> chaosTable(java.io.PrintStream out, PipelineObserver.Snapshot s, org.caseflow.audit.AuditReport audit,
                                                  FaultRuns faults, List<String> problems) {
        // lost and doubled are judged over the whole run (the faults overlap the same load): from the demo's counts and the audit
        // (the poison records' own findings, keys chaos-*, are not the pipeline's)
        var pipelineFindings = audit.findingList().stream().filter(f -> f.caseId() == null || !f.caseId().startsWith("chaos-")).toList();
        long lost = s.unfinished().size() + pipelineFindings.stream().filter(f -> f.rule().equals(org.caseflow.audit.Rules.S6)).count();
        long doubled = pipelineFindings.stream().filter(f -> f.rule().equals(org.caseflow.audit.Rules.DUPLICATE_EVENT_ID)
                || f.rule().equals(org.caseflow.audit.Rules.ILLEGAL_TRANSITION)).count();
        int serverErrors = Api.serverErrors();
        out.println();
        out.printf("%-62s %6s %8s %6s %5s %10s%n", "fault", "lost", "doubled", "stuck", "5xx", "recovery");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (FaultRuns.Fault f : faults.faults) {
            out.printf("%-62s %6d %8d %6d %5d %9.1fs %s%n", f.name(), lost, doubled, s.unfinished().size(), serverErrors, f.recoverySeconds(), f.note());
            rows.add(Map.of("fault", f.name(), "recoverySeconds", f.recoverySeconds()));
            if (f.recoverySeconds() < 0) {
                problems.add("fault '" + f.name() + "' did not recover: " + f.note());
            }
        }
        Map<String, Integer> expected = FaultRuns.expectedDeadLetters();
        expected.forEach((topic, n) -> {
            int got = s.deadLetters().getOrDefault(topic, 0);
            if (got < n) {
                problems.add(topic + " received " + got + " of the " + n + " dead letters the poison records call for");
            }
        });
        if (lost > 0 || doubled > 0) {
            problems.add("fault runs: " + lost + " lost, " + doubled + " doubled");
        }
        if (serverErrors > 0) {
            problems.add("fault runs: " + serverErrors + " answer(s) 5xx other than 503");
        }
        return Map.of("faults", rows, "lost", lost, "doubled", doubled, "stuck", s.unfinished().size(), "serverErrors", serverErrors,
                "deadLettersExpected", expected);
    }

    private static void row(java.io.PrintStream out, String label, long value) {
        out.printf("%-34s %8d%n", label, value);
    }
}
