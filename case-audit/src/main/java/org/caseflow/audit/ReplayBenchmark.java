package org.caseflow.audit;

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
import org.caseflow.schemas.intake.IntakeEventEnvelope;
import org.caseflow.schemas.removal.RemovalEligible;
import org.caseflow.schemas.removal.RemovalEventEnvelope;
import org.caseflow.schemas.removal.RemovalExecuted;
import org.caseflow.schemas.removal.RemovalScheduled;
import org.caseflow.schemas.screening.InterviewRecorded;
import org.caseflow.schemas.screening.OfficerAssigned;
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

    public static void main(String[] args) throws Exception {
        CaseflowSerdes.trustGeneratedClasses();
        CaseflowSerdes.quietRegistryClient();
        long events = 1_000_000;
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (args[i].equals("--events")) {
                events = Long.parseLong(args[i + 1]);
            }
        }
        long cases = Math.max(1, events / 10);
        System.out.printf("bench: %d cases, %d events; starting a local broker and registry%n", cases, cases * 10);
        try (LocalStack stack = LocalStack.start(new LocalStack.Settings(Path.of(".caseflow-bench"), 0, 0, 0, 0, "WARN", Duration.ofSeconds(90)))) {
            var registry = new CaseflowSerdes.RegistrySettings(stack.registryUrl(), true);
            long written = write(stack.bootstrapServers(), registry, cases);
            double rawRate = rawRead(stack.bootstrapServers());
            long start = System.nanoTime();
            AuditReport report = CaseAudit.audit(new CaseAudit.Options(stack.bootstrapServers(), stack.registryUrl(), null, null, null, "text", null,
                    Duration.ofDays(3650)), System.out);
            double seconds = (System.nanoTime() - start) / 1e9;
            double replayRate = report.records / seconds;
            long heapMb = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / (1024 * 1024);
            System.out.printf("%nwritten            %,12d events%n", written);
            System.out.printf("raw consumer read  %,12.0f records/s%n", rawRate);
            System.out.printf("audit replay       %,12.0f events/s  (%d records, %d cases, %d findings, %.1f s, heap in use %d MB)%n",
                    replayRate, report.records, report.cases, report.findingCount(), seconds, heapMb);
            System.out.printf("{\"events\":%d,\"rawReadPerSecond\":%.0f,\"replayPerSecond\":%.0f,\"replaySeconds\":%.1f,\"findings\":%d,\"heapInUseMb\":%d}%n",
                    report.records, rawRate, replayRate, seconds, report.findingCount(), heapMb);
        }
    }

    private static long write(String bootstrap, CaseflowSerdes.RegistrySettings registry, long cases) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        long written = 0;
        long started = System.nanoTime();
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), CaseflowSerdes.<SpecificRecord>serializer(registry, false))) {
            Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
            for (long c = 0; c < cases; c++) {
                String caseId = "bench-" + c;
                Instant at = t0.plusSeconds(c);
                for (var event : caseEvents(caseId, at)) {
                    producer.send(event);
                    written++;
                }
                if ((c + 1) % 10_000 == 0) {
                    System.out.printf("bench: written %,d events (%.0f/s)%n", written, written / ((System.nanoTime() - started) / 1e9));
                }
            }
            producer.flush();
        }
        return written;
    }

    private static double rawRead(String bootstrap) {
        try (var consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
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

    /** A case that goes all the way: opened, screened negatively by a certified officer, removed after its window. */
    private static List<ProducerRecord<String, SpecificRecord>> caseEvents(String caseId, Instant at) {
        List<ProducerRecord<String, SpecificRecord>> out = new ArrayList<>();
        Person person = Person.newBuilder().setGivenNames("Bench").setFamilyNames("Case").setDateOfBirth(null).setEstimatedAge(30)
                .setSex(Sex.UNKNOWN).setNationality("VEN").setLawfulResidenceCountries(List.of()).setLanguages(List.of("es"))
                .setDocuments(List.of(IdentityDocument.newBuilder().setType(DocumentType.PASSPORT).setNumber("B" + caseId).setIssuingCountry("VEN").build()))
                .build();
        CaseOpened opened = CaseOpened.newBuilder().setCaseId(caseId).setSubmissionId("sub-" + caseId).setOfficeId("office").setPerson(person)
                .setEncounter(Encounter.newBuilder().setStationCode("LAJAS_BLANCAS").setOccurredAt(at).build())
                .setFear(FearStatement.newBuilder().build()).setFlags(VulnerabilityFlags.newBuilder().build()).build();
        out.add(new ProducerRecord<>(Topics.CASE_INTAKE_EVENTS, caseId, IntakeEventEnvelope.newBuilder()
                .setMetadata(md(caseId, at, "field-office", Role.FIELD_OFFICE)).setPayload(opened).build()));
        Instant decided = at.plusSeconds(3600);
        Instant closes = decided.plus(Duration.ofHours(72));
        Object[] screening = {
                ScreeningQueued.newBuilder().setCaseId(caseId).setStationCode("LAJAS_BLANCAS").build(),
                OfficerAssigned.newBuilder().setCaseId(caseId).setOfficerId("officer-1").build(),
                InterviewRecorded.newBuilder().setCaseId(caseId).setOfficerId("officer-1").setLanguage("es").setInterpreterUsed(false).setFearArticulated(false).build(),
                ScreeningDecided.newBuilder().setCaseId(caseId).setOfficerId("officer-1")
                        .setCertification(CertificationRef.newBuilder().setCertificationId("c").setValidFrom(at.minus(Duration.ofDays(9))).setValidUntil(at.plus(Duration.ofDays(900))).build())
                        .setOutcome(ScreeningOutcome.NO_CREDIBLE_FEAR).setRationale("r").setReviewWindow(ReviewWindow.newBuilder().setOpensAt(decided).setClosesAt(closes).build()).build(),
                ScreeningConcluded.newBuilder().setCaseId(caseId).setOutcome(ScreeningOutcome.NO_CREDIBLE_FEAR).setEligibleForRemoval(true).setReviewWindowClosedAt(closes).build()};
        String[] actors = {"screening-service", "supervisor", "officer-1", "officer-1", "screening-service"};
        Role[] roles = {Role.SYSTEM, Role.SUPERVISOR, Role.SCREENING_OFFICER, Role.SCREENING_OFFICER, Role.SYSTEM};
        Instant[] times = {at.plusSeconds(1), at.plusSeconds(60), at.plusSeconds(1800), decided, closes};
        for (int i = 0; i < screening.length; i++) {
            out.add(new ProducerRecord<>(Topics.CASE_SCREENING_EVENTS, caseId,
                    ScreeningEventEnvelope.newBuilder().setMetadata(md(caseId, times[i], actors[i], roles[i])).setPayload(screening[i]).build()));
        }
        Instant departs = closes.plus(Duration.ofDays(2));
        Object[] removal = {
                RemovalEligible.newBuilder().setCaseId(caseId).setDestination("VEN").build(),
                RemovalScheduled.newBuilder().setCaseId(caseId).setFlightId("FL-" + caseId).setSeat(1).setDestination("VEN").setDepartureAt(departs).build(),
                RemovalExecuted.newBuilder().setCaseId(caseId).setFlightId("FL-" + caseId).setDepartedAt(departs).build(),
                RemovalExecuted.newBuilder().setCaseId(caseId).setFlightId("FL-" + caseId).setDepartedAt(departs).build()};
        Instant[] removalTimes = {closes.plusSeconds(1), closes.plusSeconds(2), departs, departs.plusSeconds(1)};
        for (int i = 0; i < removal.length - 1; i++) {
            out.add(new ProducerRecord<>(Topics.CASE_REMOVAL_EVENTS, caseId,
                    RemovalEventEnvelope.newBuilder().setMetadata(md(caseId, removalTimes[i], "removal-service", Role.SYSTEM)).setPayload(removal[i]).build()));
        }
        out.add(new ProducerRecord<>(Topics.CASE_INTAKE_EVENTS, caseId, IntakeEventEnvelope.newBuilder()
                .setMetadata(md(caseId, at.plusSeconds(10), "field-office", Role.FIELD_OFFICE))
                .setPayload(org.caseflow.schemas.intake.IntakeAmended.newBuilder().setCaseId(caseId).setReason("corrected station notes").build()).build()));
        return out;
    }

    private static Metadata md(String caseId, Instant at, String actor, Role role) {
        return Metadata.newBuilder().setEventId(UUID.randomUUID().toString()).setCaseId(caseId).setOccurredAt(at).setRecordedAt(at)
                .setProducer("bench").setActor(Actor.newBuilder().setId(actor).setRole(role).build()).setCausationId("cause-" + caseId)
                .setCorrelationId(caseId).build();
    }
}
