package org.caseflow.simulators;

import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.caseflow.localstack.LocalStack;
import org.caseflow.localstack.ServiceProcess;
import org.caseflow.schemas.CaseflowSerdes;
import org.caseflow.schemas.Topics;
import org.caseflow.schemas.common.Actor;
import org.caseflow.schemas.common.Metadata;
import org.caseflow.schemas.common.Role;
import org.caseflow.schemas.removal.FlightEnvelope;
import org.caseflow.schemas.removal.FlightState;
import org.caseflow.schemas.removal.FlightStatus;
import org.caseflow.vocabulary.Bounds;

/**
 * The fault runs of {@code ./caseflow chaos}, while the demo's load runs: each service killed with SIGKILL in turn
 * (the supervisor starts it again), then the broker, then a second instance of a service sharing its partitions and
 * killed with SIGKILL (the first must take them over and answer reads for every case), then poison records on every
 * topic a service consumes. Each fault's recovery is timed; whether anything was lost, doubled or stuck is judged
 * afterwards from the demo's own counts and the audit of the whole log.
 */
final class FaultRuns implements Runnable {

    /** One fault and how long the pipeline took to be whole again (every service ready). */
    record Fault(String name, double recoverySeconds, String note) {
    }

    /** Topic → the services that consume it (each dead-letters what it cannot read). */
    static final Map<String, Integer> CONSUMERS = Map.of(Topics.INTAKE_SUBMISSIONS, 1, Topics.CASE_INTAKE_EVENTS, 2, Topics.SCREENING_OFFICERS, 1,
            Topics.SCREENING_COMMANDS, 1, Topics.CASE_SCREENING_EVENTS, 1, Topics.REMOVAL_COMMANDS, 1);
    /** Poison records sent per consumed topic that must each be dead-lettered by each consumer. */
    static final int POISON_PER_TOPIC = 4;

    /** The second instance's session timeout: how soon the group notices it died (the default 45 s would only lengthen the wait). */
    static final String SECOND_INSTANCE_SESSION_TIMEOUT = "--spring.kafka.streams.properties.session.timeout.ms=10000";

    private final LocalStack stack;
    private final Map<String, ServiceProcess> running;
    private final Map<String, org.caseflow.localstack.Supervisor.Spec> specs;
    private final List<String> twoInstances;
    private final Duration loadFirst;
    private final PrintStream out;
    final List<Fault> faults = new ArrayList<>();
    volatile boolean done;
    volatile boolean poisonSent;
    /** What the run has opened so far (set once the demo watches the log): the reads every instance must answer. */
    volatile PipelineObserver observer;

    /** {@code twoInstances}: the services that get a second instance, killed with SIGKILL once it holds partitions. */
    FaultRuns(LocalStack stack, Map<String, ServiceProcess> running, List<org.caseflow.localstack.Supervisor.Spec> specs, List<String> twoInstances,
              Duration loadFirst, PrintStream out) {
        this.stack = stack;
        this.running = running;
        this.specs = new java.util.HashMap<>();
        specs.forEach(spec -> this.specs.put(spec.name(), spec));
        this.twoInstances = List.copyOf(twoInstances);
        this.loadFirst = loadFirst;
        this.out = out;
    }

    @Override
    public void run() {
        try {
            Thread.sleep(loadFirst.toMillis());
            for (String name : List.copyOf(running.keySet())) {
                ServiceProcess victim = running.get(name);
                out.println("chaos: kill -9 " + name);
                long started = System.nanoTime();
                ProcessHandle.of(victim.process().pid()).ifPresent(ProcessHandle::destroyForcibly);
                awaitWhole(victim, started, "kill -9 " + name);
                Thread.sleep(3000);
            }
            long brokerPid = Long.parseLong(Files.readString(stack.workDir().resolve("kafka.pid")).strip());
            out.println("chaos: kill -9 the Kafka broker");
            long started = System.nanoTime();
            ProcessHandle.of(brokerPid).ifPresent(ProcessHandle::destroyForcibly);
            awaitWhole(null, started, "kill -9 kafka");
            Thread.sleep(3000);
            for (String name : twoInstances) {
                secondInstanceKilled(name);
                Thread.sleep(3000);
            }
            started = System.nanoTime();
            sendPoison();
            poisonSent = true;
            faults.add(new Fault("poison records (" + POISON_PER_TOPIC + " on each of " + CONSUMERS.size() + " consumed topics)",
                    (System.nanoTime() - started) / 1e9, "garbage, unknown schema id, wrong schema, beyond the size bound; plus a tombstone"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            out.println("chaos: a fault run failed: " + e);
            faults.add(new Fault("fault runs", -1, "stopped: " + e.getMessage()));
        } finally {
            done = true;
        }
    }

    /** Until the supervisor has started a new process (or broker) and every service answers ready. */
    private void awaitWhole(ServiceProcess victim, long started, String name) throws InterruptedException {
        long deadline = started + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            boolean replaced = victim == null ? stack.brokerAlive() : running.values().stream().noneMatch(s -> s == victim);
            if (replaced && running.values().stream().allMatch(s -> s.process().isAlive() && s.isReady())) {
                double seconds = (System.nanoTime() - started) / 1e9;
                out.printf("chaos: whole again after %s in %.1f s%n", name, seconds);
                faults.add(new Fault(name, seconds, ""));
                return;
            }
            Thread.sleep(250);
        }
        faults.add(new Fault(name, -1, "not whole again within 3 minutes"));
    }

    /**
     * A second instance of {@code name} joins the group and takes part of its partitions; once it holds some, it is
     * killed with SIGKILL. Recovered when the group is back to one member holding every partition and the first
     * instance answers a read (200, or 404 for what it never saw) for every case and submission of the run.
     */
    private void secondInstanceKilled(String name) throws Exception {
        var spec = specs.get(name);
        List<String> extra = new ArrayList<>(spec.extraArgs());
        extra.add(SECOND_INSTANCE_SESSION_TIMEOUT);
        String label = "two " + name + " instances, kill -9 one";
        out.println("chaos: a second " + name + " instance");
        try (ServiceProcess second = ServiceProcess.start(name, name + "-2", spec.jar(), org.caseflow.localstack.Ports.pick(0), stack, extra);
             var admin = org.apache.kafka.clients.admin.Admin.create(stack.kafkaClient(org.caseflow.schemas.Principals.PROVISIONING))) {
            second.awaitHealthy(Duration.ofSeconds(120));
            if (!awaitMembers(admin, name, 2, Duration.ofSeconds(90))) {
                faults.add(new Fault(label, -1, "the second instance never held partitions"));
                return;
            }
            out.println("chaos: kill -9 the second " + name + " instance (it holds partitions)");
            long started = System.nanoTime();
            ProcessHandle.of(second.process().pid()).ifPresent(ProcessHandle::destroyForcibly);
            boolean alone = awaitMembers(admin, name, 1, Duration.ofSeconds(120));
            int answered = alone ? awaitReads(name, started + Duration.ofMinutes(3).toNanos()) : -1;
            double seconds = (System.nanoTime() - started) / 1e9;
            if (answered < 0) {
                faults.add(new Fault(label, -1, alone ? "reads not all answered within 3 minutes" : "its partitions never moved to the first"));
            } else {
                out.printf("chaos: the first %s instance took every partition and answered %d reads %.1f s after the kill%n", name, answered, seconds);
                faults.add(new Fault(label, seconds, "the first took its partitions; " + answered + " reads answered"));
            }
        }
    }

    /** Until the service's group has {@code members} members, each holding partitions (and no partition left unassigned). */
    private static boolean awaitMembers(org.apache.kafka.clients.admin.Admin admin, String group, int members, Duration atMost) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            var description = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
            if (description.groupState() == org.apache.kafka.common.GroupState.STABLE && description.members().size() == members
                    && description.members().stream().allMatch(m -> !m.assignment().topicPartitions().isEmpty())) {
                return true;
            }
            Thread.sleep(500);
        }
        return false;
    }

    /** Reads every case (or, for intake, every submission) of the run from the first instance until all are answered; how many. */
    private int awaitReads(String name, long deadline) throws InterruptedException {
        ServiceProcess first = running.get(name);
        Api api = new Api(first.url(), org.caseflow.localstack.LocalUsers.tokens(stack.workDir()));
        PipelineObserver watched = observer;
        List<String> paths = watched == null ? List.of() : name.startsWith("intake")
                ? watched.submissionIds().stream().map(id -> "/api/submissions/" + id).toList()
                : watched.caseIds().stream().map(id -> "/api/cases/" + id).toList();
        String user = name.startsWith("intake") ? "field-office" : name.startsWith("screening") ? "officer-1" : "removal-officer";
        List<String> unanswered = new ArrayList<>(paths);
        while (!unanswered.isEmpty() && System.nanoTime() < deadline) {
            unanswered.removeIf(path -> {
                int status = api.get(path, user).status();
                return status == 200 || status == 404;
            });
            if (!unanswered.isEmpty()) {
                Thread.sleep(250);
            }
        }
        return unanswered.isEmpty() ? paths.size() : -1;
    }

    /** Garbage, an unknown schema id, a well-formed record of the wrong schema, one beyond the size bound, and a tombstone. */
    private void sendPoison() throws Exception {
        var registry = new CaseflowSerdes.RegistrySettings(stack.registryUrl(), false);
        byte[] wrongSchema = CaseflowSerdes.<FlightEnvelope>serializer(registry, false).serialize(Topics.REMOVAL_FLIGHTS, FlightEnvelope.newBuilder()
                .setMetadata(Metadata.newBuilder().setEventId("chaos").setOccurredAt(java.time.Instant.now()).setRecordedAt(java.time.Instant.now())
                        .setProducer("chaos").setActor(Actor.newBuilder().setId("chaos").setRole(Role.SYSTEM).build()).setCorrelationId("chaos").build())
                .setPayload(FlightState.newBuilder().setFlightId("FL-CHAOS").setDestination("VEN").setDepartureAt(java.time.Instant.now())
                        .setCarrier("c").setSeats(1).setStatus(FlightStatus.PLANNED).build()).build());
        byte[] unknownSchema = ByteBuffer.allocate(12).put((byte) 0).putInt(999_999).putInt(7).array();
        byte[] oversized = new byte[Bounds.RECORD_BYTES + 1_000];
        System.arraycopy(wrongSchema, 0, oversized, 0, 5);
        // poison comes from a faulty writer: played by the provisioning super user, as each topic has its own writer
        Map<String, Object> writer = new java.util.HashMap<>(stack.kafkaClient(org.caseflow.schemas.Principals.PROVISIONING));
        writer.putAll(Map.of(ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 1_000_000));
        try (var producer = new KafkaProducer<>(writer, new StringSerializer(), new ByteArraySerializer())) {
            for (String topic : CONSUMERS.keySet()) {
                Map<String, byte[]> poison = new LinkedHashMap<>();
                poison.put("garbage", "\u0000not avro at all".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                poison.put("unknown-schema", unknownSchema);
                poison.put("wrong-schema", wrongSchema);
                poison.put("oversized", oversized);
                for (var p : poison.entrySet()) {
                    producer.send(new ProducerRecord<>(topic, "chaos-" + p.getKey(), p.getValue())).get();
                }
                producer.send(new ProducerRecord<>(topic, "chaos-tombstone", null)).get();
            }
        }
        out.println("chaos: poison records sent to " + String.join(", ", CONSUMERS.keySet()));
    }

    /** Dead letters each consumed topic must have received from this run's poison. */
    static Map<String, Integer> expectedDeadLetters() {
        Map<String, Integer> expected = new LinkedHashMap<>();
        CONSUMERS.forEach((topic, consumers) -> expected.put(Topics.dlt(topic), POISON_PER_TOPIC * consumers));
        return expected;
    }
}
