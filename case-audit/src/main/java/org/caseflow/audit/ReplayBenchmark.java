package org.caseflow.audit;

import static org.caseflow.schemas.KafkaConfigs.with;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.caseflow.localstack.LocalStack;
import org.caseflow.schemas.CaseflowSerdes;
import org.caseflow.schemas.Principals;
import org.caseflow.schemas.Topics;
import org.caseflow.schemas.common.Actor;
import org.caseflow.schemas.common.CertificationRef;
import org.caseflow.schemas.common.DocumentType;
import org.caseflow.schemas.common.Encounter;
import org.caseflow.schemas.common.FearStatement;
import org.caseflow.schemas.common.IdentityDocument;
import org.caseflow.schemas.common.Metadata;
import org.caseflow.schemas.common.Person;
import org.caseflow.schemas.common.ReviewWindow;
import org.caseflow.schemas.common.Role;
import org.caseflow.schemas.common.ScreeningOutcome;
import org.caseflow.schemas.common.Sex;
import org.caseflow.schemas.common.VulnerabilityFlags;
import org.caseflow.schemas.intake.CaseOpened;
import org.caseflow.submission.EncounterSignatures;
import org.caseflow.submission.StationRegistrations;
import org.caseflow.schemas.intake.IntakeEventEnvelope;
import org.caseflow.schemas.removal.FlightEnvelope;
import org.caseflow.schemas.removal.FlightState;
import org.caseflow.schemas.removal.FlightStatus;
import org.caseflow.schemas.removal.RemovalEligible;
import org.caseflow.schemas.removal.RemovalEventEnvelope;
import org.caseflow.schemas.removal.RemovalExecuted;
import org.caseflow.schemas.removal.RemovalScheduled;
import org.caseflow.schemas.screening.InterviewRecorded;
import org.caseflow.schemas.screening.OfficerAssigned;
import org.caseflow.schemas.screening.OfficerEnvelope;
import org.caseflow.schemas.screening.OfficerRegistered;
import org.caseflow.schemas.screening.ReviewWaived;
import org.caseflow.schemas.screening.ScreeningConcluded;
import org.caseflow.schemas.screening.ScreeningDecided;
import org.caseflow.schemas.screening.ScreeningEventEnvelope;
import org.caseflow.schemas.screening.ScreeningQueued;

/**
 * {@code ./caseflow bench [--events N]}: writes a synthetic log of N events (10 per case) to a local broker,
 * then measures, in the same run, the raw consumer read rate of the case topics and the audit's replay
 * rate over the same records. Prints figures and one JSON line; not a test.
 */
public final class ReplayBenchmark {

    private ReplayBenchmark() {
    }

    /** The command line of {@code ./caseflow bench}: an unknown option is an error (exit 2), never a million-event run. */
    @picocli.CommandLine.Command(name = "caseflow bench", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
            description = {"Writes a synthetic log of N events (10 per case, plus officer and flight records) to a fresh local broker, "
                    + "then measures in the same run the raw consumer read rate of the case topics, the audit's replay rate over the same "
                    + "records, and the audit's heap high-water mark."})
    static final class Cli implements java.util.concurrent.Callable<Integer> {
        @picocli.CommandLine.Option(names = "--events", defaultValue = "1000000", paramLabel = "N", description = "events to write (${DEFAULT-VALUE})")
        long events;

        @Override
        public Integer call() throws Exception {
            if (events < 10) {
                throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--events must be at least 10");
            }
            run(events);
            return 0;
        }
    }

    public static void main(String[] args) throws Exception {
        CaseflowSerdes.trustGeneratedClasses();
        CaseflowSerdes.quietRegistryClient();
        System.exit(new picocli.CommandLine(new Cli()).execute(args));
    }

    static void run(long events) throws Exception {
        long cases = Math.max(1, events / 10);
        System.out.printf("bench: %d cases, %d events; starting a local broker and registry%n", cases, cases * 10);
        try (LocalStack stack = LocalStack.start(LocalStack.Settings.anyPorts(Path.of(".caseflow-bench"), true))) {
            var registry = new CaseflowSerdes.RegistrySettings(stack.registryUrl(), false);
            // the synthetic log is written with the super user (it plays every writer), read as the auditor
            long written = write(stack.kafkaClient(Principals.PROVISIONING), registry, cases);
            double rawRate = rawRead(stack.kafkaClient(Principals.AUDITOR));
            System.gc();
            // the heap in use, sampled every 50 ms during the replay (garbage included: what the JVM really needed)
            java.util.concurrent.atomic.AtomicLong peak = new java.util.concurrent.atomic.AtomicLong();
            java.util.concurrent.atomic.AtomicBoolean replaying = new java.util.concurrent.atomic.AtomicBoolean(true);
            Thread sampler = Thread.ofPlatform().daemon().start(() -> {
                while (replaying.get()) {
                    peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            long start = System.nanoTime();
            AuditReport report = CaseAudit.audit(new CaseAudit.Options(stack.bootstrapServers(),
                    stack.credentials().clientProperties(Principals.AUDITOR), stack.registryUrl(), null, null, null, "text", null,
                    Duration.ofDays(3650), Duration.ofSeconds(30)), System.out);
            double seconds = (System.nanoTime() - start) / 1e9;
            double replayRate = report.records / seconds;
            replaying.set(false);
            sampler.join();
            long peakHeapMb = peak.get() / (1024 * 1024);
            System.out.printf("%nwritten            %,12d events%n", written);
            System.out.printf("raw consumer read  %,12.0f records/s%n", rawRate);
            System.out.printf("audit replay       %,12.0f records/s  (%d records, %d cases, %d findings, %.1f s)%n",
                    replayRate, report.records, report.cases, report.findingCount(), seconds);
            System.out.printf("replay / raw       %12.2f x%n", replayRate / rawRate);
            if (!report.clean()) {
                System.out.println("findings by rule   " + report.ruleCounts() + (report.findings.isEmpty() ? "" : "; first: " + report.findings.getFirst().message()));
            }
            System.out.printf("heap high-water    %,12d MB (heap in use, sampled during the replay; -Xmx %d MB)%n", peakHeapMb,
                    Runtime.getRuntime().maxMemory() / (1024 * 1024));
            System.out.printf("{\"events\":%d,\"rawReadPerSecond\":%.0f,\"replayPerSecond\":%.0f,\"ratio\":%.2f,\"replaySeconds\":%.1f,\"findings\":%d,"
                    + "\"heapPeakMb\":%d}%n", report.records, rawRate, replayRate, replayRate / rawRate, seconds, report.findingCount(), peakHeapMb);
        }
    }

    private static long write(Map<String, Object> client, CaseflowSerdes.RegistrySettings registry, long cases) throws Exception {
        Map<String, Object> config = with(client, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        long written = 0;
        long started = System.nanoTime();
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), CaseflowSerdes.<SpecificRecord>serializer(registry, false))) {
            Instant now = Instant.now();
            producer.send(new ProducerRecord<>(Topics.SCREENING_OFFICERS, OFFICER, OfficerEnvelope.newBuilder()
                    .setMetadata(md(null, now, "provisioning", "supervisor-1", Role.SUPERVISOR))
                    .setPayload(OfficerRegistered.newBuilder().setOfficerId(OFFICER).setName("Bench Officer").setLanguages(List.of("es"))
                            .setCertification(CERTIFICATION).build()).build())).get();
            producer.send(new ProducerRecord<>(Topics.INTAKE_STATIONS, StationRegistrations.registryKey(STATION_CODE,
                    EncounterSignatures.keyId(STATION.getPublic())), StationRegistrations.registered(STATION_CODE, STATION.getPublic().getEncoded(),
                    "supervisor-1", now))).get();
            // topic by topic, as the pipeline writes them: intake's events are logged before screening's, screening's before removal's
            for (String topic : org.caseflow.schemas.Topics.CASE_TOPICS) {
                for (long c = 0; c < cases; c++) {
                    for (var event : caseEvents(topic, c)) {
                        producer.send(event);
                        written++;
                    }
                    if (topic.equals(org.caseflow.schemas.Topics.CASE_REMOVAL_EVENTS) && (c % SEATS == SEATS - 1 || c == cases - 1)) {
                        producer.send(flight(c / SEATS));
                        written++;
                    }
                    if ((c + 1) % 20_000 == 0) {
                        System.out.printf("bench: %s, %,d of %,d cases (%,.0f events/s)%n", topic, c + 1, cases,
                                written / ((System.nanoTime() - started) / 1e9));
                    }
                }
                producer.flush();
            }
            producer.flush();
        }
        return written;
    }


    private static double rawRead(Map<String, Object> client) {
        try (var consumer = new KafkaConsumer<>(with(client, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000, ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.CASE_INTAKE_EVENTS, Topics.CASE_SCREENING_EVENTS, Topics.CASE_REMOVAL_EVENTS)) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            long total = end.values().stream().mapToLong(Long::longValue).sum();
            long read = 0;
            long started = System.nanoTime();
            while (read < total) {
                read += consumer.poll(Duration.ofMillis(500)).count();
            }
            return read / ((System.nanoTime() - started) / 1e9);
        }
    }

    private static final String OFFICER = "officer-1";
    /** The one station of the synthetic log: every case carries its signature, as intake records it, and the audit verifies each. */
    private static final String STATION_CODE = "LAJAS_BLANCAS";
    private static final java.security.KeyPair STATION = EncounterSignatures.newKeyPair();
    private static final int SEATS = 100;
    private static final Instant DEPARTS = Instant.parse("2027-01-01T08:00:00Z");
    private static final CertificationRef CERTIFICATION = CertificationRef.newBuilder().setCertificationId("cert-bench")
            .setValidFrom(Instant.parse("2026-01-01T00:00:00Z")).setValidUntil(Instant.parse("2030-01-01T00:00:00Z")).build();

    /**
     * A case's events on one case topic, for a case that goes all the way, legally: opened, screened negatively by a
     * certified officer who waives review, flown.
     */
    private static List<ProducerRecord<String, SpecificRecord>> caseEvents(String topic, long c) {
        return switch (topic) {
            case Topics.CASE_INTAKE_EVENTS -> intakeEvents("bench-" + c, Instant.now());
            case Topics.CASE_SCREENING_EVENTS -> screeningEvents("bench-" + c, Instant.now());
            default -> removalEvents("bench-" + c, "FL-" + (c / SEATS), (int) (c % SEATS) + 1, Instant.now());
        };
    }

    private static List<ProducerRecord<String, SpecificRecord>> intakeEvents(String caseId, Instant now) {
        Person person = Person.newBuilder().setGivenNames("Bench").setFamilyNames("Case").setDateOfBirth(null).setEstimatedAge(30)
                .setSex(Sex.UNKNOWN).setNationality("VEN").setLawfulResidenceCountries(List.of()).setLanguages(List.of("es"))
                .setDocuments(List.of(IdentityDocument.newBuilder().setType(DocumentType.PASSPORT).setNumber("B" + caseId).setIssuingCountry("VEN").build()))
                .build();
        CaseOpened opened = CaseOpened.newBuilder().setCaseId(caseId).setSubmissionId("sub-" + caseId).setOfficeId("office").setPerson(person)
                .setEncounter(Encounter.newBuilder().setStationCode("LAJAS_BLANCAS").setOccurredAt(now.minusSeconds(3600)).build())
                .setFear(FearStatement.newBuilder().build()).setFlags(VulnerabilityFlags.newBuilder().build()).build();
        opened.setSignature(EncounterSignatures.signed(EncounterSignatures.submissionOf(opened), STATION.getPrivate(),
                EncounterSignatures.keyId(STATION.getPublic())).getSignature());
        return List.of(new ProducerRecord<>(Topics.CASE_INTAKE_EVENTS, caseId, IntakeEventEnvelope.newBuilder()
                .setMetadata(md(caseId, now, "intake-service", "LAJAS_BLANCAS", Role.FIELD_OFFICE)).setPayload(opened).build()));
    }

    private static List<ProducerRecord<String, SpecificRecord>> screeningEvents(String caseId, Instant now) {
        List<ProducerRecord<String, SpecificRecord>> out = new ArrayList<>();
        Object[] screening = {
                ScreeningQueued.newBuilder().setCaseId(caseId).setStationCode("LAJAS_BLANCAS").build(),
                OfficerAssigned.newBuilder().setCaseId(caseId).setOfficerId(OFFICER).build(),
                InterviewRecorded.newBuilder().setCaseId(caseId).setOfficerId(OFFICER).setLanguage("es").setInterpreterUsed(false).setFearArticulated(false).build(),
                ScreeningDecided.newBuilder().setCaseId(caseId).setOfficerId(OFFICER).setCertification(CERTIFICATION)
                        .setOutcome(ScreeningOutcome.NO_CREDIBLE_FEAR).setRationale("r")
                        .setReviewWindow(ReviewWindow.newBuilder().setOpensAt(now).setClosesAt(now.plus(Duration.ofHours(72))).build()).build(),
                ReviewWaived.newBuilder().setCaseId(caseId).setReason("waived at the interview").build(),
                ScreeningConcluded.newBuilder().setCaseId(caseId).setOutcome(ScreeningOutcome.NO_CREDIBLE_FEAR).setEligibleForRemoval(true)
                        .setReviewWaived(true).build()};
        String[] actors = {"screening-service", "supervisor-1", OFFICER, OFFICER, OFFICER, OFFICER};
        Role[] roles = {Role.SYSTEM, Role.SUPERVISOR, Role.SCREENING_OFFICER, Role.SCREENING_OFFICER, Role.SCREENING_OFFICER, Role.SCREENING_OFFICER};
        for (int i = 0; i < screening.length; i++) {
            out.add(new ProducerRecord<>(Topics.CASE_SCREENING_EVENTS, caseId, ScreeningEventEnvelope.newBuilder()
                    .setMetadata(md(caseId, now, "screening-service", actors[i], roles[i])).setPayload(screening[i]).build()));
        }
        return out;
    }

    private static List<ProducerRecord<String, SpecificRecord>> removalEvents(String caseId, String flightId, int seat, Instant now) {
        List<ProducerRecord<String, SpecificRecord>> out = new ArrayList<>();
        Object[] removal = {
                RemovalEligible.newBuilder().setCaseId(caseId).setDestination("VEN").build(),
                RemovalScheduled.newBuilder().setCaseId(caseId).setFlightId(flightId).setSeat(seat).setDestination("VEN").setDepartureAt(DEPARTS).build(),
                RemovalExecuted.newBuilder().setCaseId(caseId).setFlightId(flightId).setDepartedAt(DEPARTS).build()};
        String[] removalActors = {"removal-service", "removal-service", "removal-officer-1"};
        Role[] removalRoles = {Role.SYSTEM, Role.SYSTEM, Role.REMOVAL_OFFICER};
        for (int i = 0; i < removal.length; i++) {
            out.add(new ProducerRecord<>(Topics.CASE_REMOVAL_EVENTS, caseId, RemovalEventEnvelope.newBuilder()
                    .setMetadata(md(caseId, now, "removal-service", removalActors[i], removalRoles[i])).setPayload(removal[i]).build()));
        }
        return out;
    }

    private static ProducerRecord<String, SpecificRecord> flight(long n) {
        String flightId = "FL-" + n;
        return new ProducerRecord<>(Topics.REMOVAL_FLIGHTS, flightId, FlightEnvelope.newBuilder()
                .setMetadata(md(null, Instant.now(), "removal-service", "removal-officer-1", Role.REMOVAL_OFFICER))
                .setPayload(FlightState.newBuilder().setFlightId(flightId).setDestination("VEN").setDepartureAt(DEPARTS).setCarrier("bench air")
                        .setSeats(SEATS).setStatus(FlightStatus.DEPARTED).setAssignments(List.of()).build()).build());
    }

    private static Metadata md(String caseId, Instant at, String producer, String actor, Role role) {
        return Metadata.newBuilder().setEventId(UUID.randomUUID().toString()).setCaseId(caseId).setOccurredAt(at).setRecordedAt(at)
                .setProducer(producer).setActor(Actor.newBuilder().setId(actor).setRole(role).build()).setCausationId("cause-" + UUID.randomUUID())
                .setCorrelationId(caseId == null ? "bench" : caseId).build();
    }
}
