package org.caseflow.schemas;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.caseflow.schemas.intake.IntakeEventEnvelope;
import org.caseflow.schemas.intake.RejectionEnvelope;
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
    /** Latest value per key (officers, flights); never deleted. */
    private static final Map<String, String> COMPACTED = Map.of("cleanup.policy", "compact", "retention.ms", "-1",
            "message.timestamp.type", BROKER_TIME);
    /** Answers to commands: the latest per commandId, for as long as a client may ask again (30 days). */
    private static final Map<String, String> ANSWERS = Map.of("cleanup.policy", "compact,delete",
            "retention.ms", String.valueOf(30L * 24 * 3600 * 1000), "message.timestamp.type", BROKER_TIME);
    /** Dead letters keep the original record's timestamp, so they stay in the writer's time. */
    private static final Map<String, String> DEAD_LETTERS = Map.of("retention.ms", "-1");

    private static final List<TopicSpec> PRIMARY = List.of(
            topic(INTAKE_SUBMISSIONS, "field offices (Kafka or intake HTTP)", SubmissionEnvelope.getClassSchema(), EXPIRE_30_DAYS),
            topic(INTAKE_REJECTIONS, "intake-service", RejectionEnvelope.getClassSchema(), EXPIRE_30_DAYS),
            topic(CASE_INTAKE_EVENTS, "intake-service", IntakeEventEnvelope.getClassSchema(), KEEP_FOREVER),
            topic(SCREENING_OFFICERS, "screening-service", OfficerEnvelope.getClassSchema(), COMPACTED),
            topic(SCREENING_COMMANDS, "screening-service", ScreeningCommandEnvelope.getClassSchema(), EXPIRE_30_DAYS),
            topic(CASE_SCREENING_EVENTS, "screening-service", ScreeningEventEnvelope.getClassSchema(), KEEP_FOREVER),
            topic(REMOVAL_COMMANDS, "removal-service", RemovalCommandEnvelope.getClassSchema(), EXPIRE_30_DAYS),
            topic(CASE_REMOVAL_EVENTS, "removal-service", RemovalEventEnvelope.getClassSchema(), KEEP_FOREVER),
            topic(REMOVAL_FLIGHTS, "removal-service", FlightEnvelope.getClassSchema(), COMPACTED),
            topic(REMOVAL_COMMAND_RESULTS, "removal-service", RemovalCommandResultEnvelope.getClassSchema(), ANSWERS));

    /** Topics a service consumes get a dead-letter topic, written by that consuming service. */
    private static final List<String> CONSUMED = List.of(INTAKE_SUBMISSIONS, CASE_INTAKE_EVENTS, SCREENING_OFFICERS,
            SCREENING_COMMANDS, CASE_SCREENING_EVENTS, REMOVAL_COMMANDS);

    private Topics() {
    }

    /** Topics whose values are Avro envelopes (schema registered in the registry). */
    public static List<TopicSpec> withSchemas() {
        return PRIMARY;
    }

    /** Every topic to create, dead-letter topics included. */
    public static List<TopicSpec> all() {
        return Stream.concat(PRIMARY.stream(),
                CONSUMED.stream().map(t -> new TopicSpec(dlt(t), "the consuming service", Optional.empty(), DEAD_LETTERS)))
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

    private static TopicSpec topic(String name, String writer, Schema schema, Map<String, String> configs) {
        return new TopicSpec(name, writer, Optional.of(schema), configs);
    }
}
