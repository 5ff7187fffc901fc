package org.caseflow.screening.stream;

import org.caseflow.platform.command.CommandResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.caseflow.platform.kafka.JsonSerde;
import org.caseflow.schemas.Topics;
import org.caseflow.schemas.common.Actor;
import org.caseflow.schemas.common.CertificationRef;
import org.caseflow.schemas.common.Metadata;
import org.caseflow.schemas.common.Role;
import org.caseflow.schemas.common.VulnerabilityFlags;
import org.caseflow.schemas.intake.CaseOpened;
import org.caseflow.schemas.intake.IntakeAmended;
import org.caseflow.schemas.intake.IntakeEventEnvelope;
import org.caseflow.schemas.screening.OfficerEnvelope;
import org.caseflow.schemas.screening.OfficerRegistered;
import org.caseflow.schemas.screening.ScreeningCommandEnvelope;
import org.caseflow.schemas.screening.ScreeningEventEnvelope;
import org.caseflow.screening.domain.ScreeningPolicy;
import org.caseflow.schemas.PlainAvroSerde;
import org.caseflow.testsupport.SampleEvents;
import org.caseflow.testsupport.TopologyTests;

/** The screening topology in a TopologyTestDriver, with helpers that speak the domain's words. */
final class ScreeningHarness implements AutoCloseable {

    static final Instant NOW = Instant.parse("2026-11-01T12:00:00Z");
    static final Duration REVIEW_WINDOW = Duration.ofHours(72);

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final TopologyTestDriver driver;
    private final TestInputTopic<String, IntakeEventEnvelope> intake;
    private final TestInputTopic<String, ScreeningCommandEnvelope> commands;
    private final TestInputTopic<String, OfficerEnvelope> officers;
    private final TestOutputTopic<String, ScreeningEventEnvelope> events;
    private final List<ScreeningEventEnvelope> seen = new ArrayList<>();

    ScreeningHarness() {
        ScreeningSerdes serdes = new ScreeningSerdes(new PlainAvroSerde<>(IntakeEventEnvelope.class), new PlainAvroSerde<>(ScreeningCommandEnvelope.class),
                new PlainAvroSerde<>(ScreeningEventEnvelope.class), new PlainAvroSerde<>(OfficerEnvelope.class),
                new JsonSerde<>(StoredCase.class), new JsonSerde<>(CommandResult.class));
        var topology = new ScreeningTopology(serdes, new ScreeningPolicy(REVIEW_WINDOW), new ScreeningMetrics(meters), Duration.ofSeconds(1)).topology();
        driver = new TopologyTestDriver(topology, TopologyTests.properties("screening-test"), NOW);
        intake = driver.createInputTopic(Topics.CASE_INTAKE_EVENTS, Serdes.String().serializer(), serdes.intakeEvents().serializer());
        commands = driver.createInputTopic(Topics.SCREENING_COMMANDS, Serdes.String().serializer(), serdes.commands().serializer());
        officers = driver.createInputTopic(Topics.SCREENING_OFFICERS, Serdes.String().serializer(), serdes.officers().serializer());
        events = driver.createOutputTopic(Topics.CASE_SCREENING_EVENTS, Serdes.String().deserializer(), serdes.events().deserializer());
    }

    Instant now() {
        return NOW.plusMillis(elapsed);
    }

    private long elapsed;

    void advance(Duration duration) {
        elapsed += duration.toMillis();
        driver.advanceWallClockTime(duration);
    }

    /** An adult Venezuelan who speaks Spanish, no fear flags (or with the given protection flags). */
    void open(String caseId, boolean unaccompaniedMinor, boolean trafficking) {
        IntakeEventEnvelope opened = SampleEvents.caseOpened(caseId);
        CaseOpened payload = (CaseOpened) opened.getPayload();
        payload.getFlags().setUnaccompaniedMinor(unaccompaniedMinor);
        payload.getFlags().setTrafficking(trafficking);
        payload.getFear().setFearedCountries(List.of("VEN"));
        payload.getPerson().setLawfulResidenceCountries(List.of("COL", "ECU"));
        payload.getEncounter().setGroupId("family-" + caseId);
        intake.pipeInput(caseId, opened, now());
    }

    void open(String caseId) {
        open(caseId, false, false);
    }

    void amendFlags(String caseId, boolean unaccompaniedMinor, boolean trafficking) {
        var amended = IntakeAmended.newBuilder().setCaseId(caseId).setReason("new information")
                .setFlags(VulnerabilityFlags.newBuilder().setUnaccompaniedMinor(unaccompaniedMinor).setTrafficking(trafficking).build()).build();
        intake.pipeInput(caseId, IntakeEventEnvelope.newBuilder().setMetadata(SampleEvents.metadata(caseId, "amend-" + caseId)).setPayload(amended).build(), now());
    }

    /** Registers an officer whose certification runs from {@code from} until {@code until} (null: none). */
    void officer(String officerId, List<String> languages, Instant from, Instant until) {
        var registered = OfficerRegistered.newBuilder().setOfficerId(officerId).setName("Officer " + officerId).setLanguages(languages)
                .setCertification(from == null ? null : CertificationRef.newBuilder().setCertificationId("cert-" + officerId)
                        .setValidFrom(from).setValidUntil(until).build())
                .build();
        officers.pipeInput(officerId, OfficerEnvelope.newBuilder().setMetadata(SampleEvents.metadata(null, "officer-" + officerId)).setPayload(registered).build(), now());
    }

    void certifiedOfficer(String officerId, String... languages) {
        officer(officerId, List.of(languages), NOW.minus(Duration.ofDays(365)), NOW.plus(Duration.ofDays(365)));
    }

    /** Sends a command as {@code actorId} in {@code role}; returns the topology's result. */
    CommandResult command(String caseId, String actorId, Role role, Object payload) {
        return command(UUID.randomUUID().toString(), caseId, actorId, role, payload);
    }

    CommandResult command(String commandId, String caseId, String actorId, Role role, Object payload) {
        Metadata metadata = Metadata.newBuilder().setEventId(commandId).setCaseId(caseId).setOccurredAt(now()).setRecordedAt(now())
                .setProducer("screening-http").setActor(Actor.newBuilder().setId(actorId).setRole(role).build())
                .setCausationId(null).setCorrelationId(caseId).build();
        commands.pipeInput(caseId, ScreeningCommandEnvelope.newBuilder().setMetadata(metadata).setPayload(payload).build(), now());
        KeyValueStore<String, CommandResult> results = driver.getKeyValueStore(ScreeningTopology.RESULTS_STORE);
        return results.get(commandId);
    }

    /** Events emitted since the last call. */
    List<ScreeningEventEnvelope> newEvents() {
        List<ScreeningEventEnvelope> fresh = events.readValuesToList();
        seen.addAll(fresh);
        return fresh;
    }

    List<String> newEventTypes() {
        return newEvents().stream().map(e -> e.getPayload().getClass().getSimpleName()).toList();
    }

    List<ScreeningEventEnvelope> allEvents() {
        newEvents();
        return List.copyOf(seen);
    }

    StoredCase stored(String caseId) {
        KeyValueStore<String, StoredCase> cases = driver.getKeyValueStore(ScreeningTopology.CASES_STORE);
        return cases.get(caseId);
    }

    @Override
    public void close() {
        driver.close();
    }
}
