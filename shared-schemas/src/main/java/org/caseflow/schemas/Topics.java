package org.caseflow.schemas;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.caseflow.schemas.intake.IntakeEventEnvelope;
import org.caseflow.schemas.intake.RejectionEnvelope;
import org.caseflow.schemas.intake.StationKeyEnvelope;
import org.caseflow.schemas.intake.SubmissionEnvelope;
import org.caseflow.schemas.removal.FlightEnvelope;
import org.caseflow.schemas.removal.RemovalCommandEnvelope;
import org.caseflow.schemas.removal.RemovalCommandResultEnvelope;
import org.caseflow.schemas.removal.RemovalEventEnvelope;
import org.caseflow.schemas.screening.OfficerEnvelope;
import org.caseflow.schemas.screening.ScreeningCommandEnvelope;
import org.caseflow.schemas.screening.ScreeningEventEnvelope;

/**
 * The topic catalogue: every topic of the pipeline, in one place. Services, the local stack, tests
 * and tools take names and configs from here and nowhere else.
 */
public final class Topics {

    /**
     * Every topic has the same partition count, so a case's events on different topics are
     * co-partitioned by caseId (Kafka Streams joins rely on it).
     */
    public static final int PARTITIONS = 6;

    public static final String INTAKE_SUBMISSIONS = "intake.submissions";
    public static final String INTAKE_REJECTIONS = "intake.rejections";
    public static final String CASE_INTAKE_EVENTS = "case.intake.events";
    /** The station registry: reception stations' public keys, which intake verifies each submission's signature against. */
    public static final String INTAKE_STATIONS = "intake.stations";
    public static final String SCREENING_OFFICERS = "screening.officers";
    public static final String SCREENING_COMMANDS = "screening.commands";
    public static final String CASE_SCREENING_EVENTS = "case.screening.events";
    public static final String REMOVAL_COMMANDS = "removal.commands";
    public static final String CASE_REMOVAL_EVENTS = "case.removal.events";
    public static final String REMOVAL_FLIGHTS = "removal.flights";
    public static final String REMOVAL_COMMAND_RESULTS = "removal.command-results";

    public static final String DLT_SUFFIX = ".dlt";

    /** The case topics, in the order a case moves through them; each shares the partition count. */
    public static final List<String> CASE_TOPICS = List.of(CASE_INTAKE_EVENTS, CASE_SCREENING_EVENTS, CASE_REMOVAL_EVENTS);

    /**
     * The broker stamps each record with the time it appended it (not the writer's claim), so the audit can
     * check every event's claimed {@code recordedAt} against a time its writer cannot choose.
     */
    private static final String BROKER_TIME = "LogAppendTime";
    /** Events are the system of record: kept forever. */
    private static final Map<String, String> KEEP_FOREVER = Map.of("retention.ms", "-1", "message.timestamp.type", BROKER_TIME);
    /** Commands and rejections may expire after 30 days. */
    private static final Map<String, String> EXPIRE_30_DAYS = Map.of("retention.ms", String.valueOf(30L * 24 * 3600 * 1000),
            "message.timestamp.type", BROKER_TIME);
    /** Latest value per key (station keys, officers, flights); never deleted. */
    private static final Map<String, String> COMPACTED = Map.of("cleanup.policy", "compact", "retention.ms", "-1",
            "message.timestamp.type", BROKER_TIME);
    /** Answers to commands: the latest per commandId, for as long as a client may ask again (30 days). */
    private static final Map<String, String> ANSWERS = Map.of("cleanup.policy", "compact,delete",
            "retention.ms", String.valueOf(30L * 24 * 3600 * 1000), "message.timestamp.type", BROKER_TIME);
    /** Dead letters keep the original record's timestamp, so they stay in the writer's time. */
    private static final Map<String, String> DEAD_LETTERS = Map.of("retention.ms", "-1");

    /**
     * Each topic with its writers and readers (principals). Readers are the services (and field offices) that consume
     * it; the auditor reads every catalogued topic, dead letters included, which provisioning adds to every topic.
     */
    private static final List<TopicSpec> PRIMARY = List.of(
            topic(INTAKE_SUBMISSIONS, Set.of(Principals.FIELD_OFFICE, Principals.INTAKE), Set.of(Principals.INTAKE),
                    SubmissionEnvelope.getClassSchema(), EXPIRE_30_DAYS),
            topic(INTAKE_REJECTIONS, Set.of(Principals.INTAKE), Set.of(Principals.FIELD_OFFICE), RejectionEnvelope.getClassSchema(), EXPIRE_30_DAYS),
            topic(CASE_INTAKE_EVENTS, Set.of(Principals.INTAKE), Set.of(Principals.SCREENING, Principals.REMOVAL),
                    IntakeEventEnvelope.getClassSchema(), KEEP_FOREVER),
            topic(INTAKE_STATIONS, Set.of(Principals.INTAKE), Set.of(Principals.INTAKE), StationKeyEnvelope.getClassSchema(), COMPACTED),
            topic(SCREENING_OFFICERS, Set.of(Principals.SCREENING), Set.of(Principals.SCREENING), OfficerEnvelope.getClassSchema(), COMPACTED),
            topic(SCREENING_COMMANDS, Set.of(Principals.SCREENING), Set.of(Principals.SCREENING), ScreeningCommandEnvelope.getClassSchema(),
                    EXPIRE_30_DAYS),
            topic(CASE_SCREENING_EVENTS, Set.of(Principals.SCREENING), Set.of(Principals.REMOVAL), ScreeningEventEnvelope.getClassSchema(), KEEP_FOREVER),
            topic(REMOVAL_COMMANDS, Set.of(Principals.REMOVAL), Set.of(Principals.REMOVAL), RemovalCommandEnvelope.getClassSchema(), EXPIRE_30_DAYS),
            topic(CASE_REMOVAL_EVENTS, Set.of(Principals.REMOVAL), Set.of(Principals.REMOVAL), RemovalEventEnvelope.getClassSchema(), KEEP_FOREVER),
            topic(REMOVAL_FLIGHTS, Set.of(Principals.REMOVAL), Set.of(Principals.REMOVAL), FlightEnvelope.getClassSchema(), COMPACTED),
            topic(REMOVAL_COMMAND_RESULTS, Set.of(Principals.REMOVAL), Set.of(Principals.REMOVAL), RemovalCommandResultEnvelope.getClassSchema(),
                    ANSWERS));

    /** Topics a service consumes get a dead-letter topic, written by that consuming service. */
    private static final Map<String, String> CONSUMED = Map.of(INTAKE_SUBMISSIONS, Principals.INTAKE, INTAKE_STATIONS, Principals.INTAKE,
            CASE_INTAKE_EVENTS, Principals.SCREENING,
            SCREENING_OFFICERS, Principals.SCREENING, SCREENING_COMMANDS, Principals.SCREENING, CASE_SCREENING_EVENTS, Principals.REMOVAL,
            REMOVAL_COMMANDS, Principals.REMOVAL);

    private Topics() {
    }

    /** Topics whose values are Avro envelopes (schema registered in the registry). */
    public static List<TopicSpec> withSchemas() {
        return PRIMARY;
    }

    /** Every topic to create, dead-letter topics included. */
    public static List<TopicSpec> all() {
        return Stream.concat(PRIMARY.stream(),
                CONSUMED.entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(t -> new TopicSpec(dlt(t.getKey()), deadLetterWriters(t.getKey()), Set.of(), Optional.empty(), DEAD_LETTERS)))
                .toList();
    }

    /**
     * The envelope type (schema full name) a catalogue topic carries, or null for topics outside the catalogue
     * (internal changelog and repartition topics) and dead-letter topics.
     */
    public static String envelopeOf(String topic) {
        return ENVELOPES.get(topic);
    }

    private static final Map<String, String> ENVELOPES = PRIMARY.stream()
            .collect(java.util.stream.Collectors.toUnmodifiableMap(TopicSpec::name, t -> t.valueSchema().orElseThrow().getFullName()));

    public static TopicSpec byName(String name) {
        return all().stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not in the topic catalogue: " + name));
    }

    public static String dlt(String topic) {
        return topic + DLT_SUFFIX;
    }

    /**
     * Who writes a topic's dead letters: every service that consumes the topic (case.intake.events is read by screening
     * and removal; each dead-letters what it cannot read).
     */
    private static Set<String> deadLetterWriters(String topic) {
        Set<String> writers = new java.util.TreeSet<>(PRIMARY.stream().filter(t -> t.name().equals(topic)).findFirst().orElseThrow().readers());
        writers.retainAll(Principals.SERVICES);
        writers.add(CONSUMED.get(topic));
        return writers;
    }

    private static TopicSpec topic(String name, Set<String> writers, Set<String> readers, Schema schema, Map<String, String> configs) {
        return new TopicSpec(name, writers, readers, Optional.of(schema), configs);
    }
}
