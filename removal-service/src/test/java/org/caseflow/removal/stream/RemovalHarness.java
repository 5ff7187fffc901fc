package org.caseflow.removal.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.caseflow.platform.kafka.JsonSerde;
import org.caseflow.removal.domain.DestinationSchedule;
import org.caseflow.schemas.Topics;
import org.caseflow.schemas.common.Actor;
import org.caseflow.schemas.common.CertificationRef;
import org.caseflow.schemas.common.Metadata;
import org.caseflow.schemas.common.ReviewWindow;
import org.caseflow.schemas.common.Role;
import org.caseflow.schemas.common.ScreeningOutcome;
import org.caseflow.schemas.intake.CaseOpened;
import org.caseflow.schemas.intake.IntakeEventEnvelope;
import org.caseflow.schemas.removal.CancelFlight;
import org.caseflow.schemas.removal.FlightEnvelope;
import org.caseflow.schemas.removal.FlightState;
import org.caseflow.schemas.removal.PlanFlight;
import org.caseflow.schemas.removal.RecordDeparture;
import org.caseflow.schemas.removal.RecordStay;
import org.caseflow.schemas.removal.RemovalCommandEnvelope;
import org.caseflow.schemas.removal.RemovalCommandResultEnvelope;
import org.caseflow.schemas.removal.RemovalEventEnvelope;
import org.caseflow.schemas.removal.StayReason;
import org.caseflow.schemas.screening.ProtectionReferred;
import org.caseflow.schemas.screening.ReviewDecided;
import org.caseflow.schemas.screening.ReviewResult;
import org.caseflow.schemas.screening.ScreeningConcluded;
import org.caseflow.schemas.screening.ScreeningDecided;
import org.caseflow.schemas.screening.ScreeningEventEnvelope;
import org.caseflow.schemas.PlainAvroSerde;
import org.caseflow.testsupport.SampleEvents;
import org.caseflow.testsupport.TopologyTests;

/** The removal topology in a TopologyTestDriver, fed as intake and screening would feed it. */
final class RemovalHarness implements AutoCloseable {

    static final Instant NOW = Instant.parse("2026-11-01T12:00:00Z");

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final TopologyTestDriver driver;
    private final TestInputTopic<String, IntakeEventEnvelope> intake;
    private final TestInputTopic<String, ScreeningEventEnvelope> screening;
    private final TestInputTopic<String, RemovalCommandEnvelope> commands;
    private final TestOutputTopic<String, RemovalEventEnvelope> events;
    private final TestOutputTopic<String, FlightEnvelope> flights;
    private final TestOutputTopic<String, RemovalCommandResultEnvelope> answers;
    final List<RemovalEventEnvelope> seenEvents = new ArrayList<>();
    final List<FlightState> seenFlights = new ArrayList<>();

    RemovalHarness() {
        RemovalSerdes serdes = new RemovalSerdes(new PlainAvroSerde<>(IntakeEventEnvelope.class), new PlainAvroSerde<>(ScreeningEventEnvelope.class),
                new PlainAvroSerde<>(RemovalCommandEnvelope.class), new PlainAvroSerde<>(RemovalEventEnvelope.class), new PlainAvroSerde<>(FlightEnvelope.class),
                new PlainAvroSerde<>(RemovalCommandResultEnvelope.class), new JsonSerde<>(StoredCase.class), new JsonSerde<>(AllocationMessage.class), new JsonSerde<>(DestinationSchedule.class));
        driver = new TopologyTestDriver(new RemovalTopology(serdes, new RemovalMetrics(meters)).topology(), TopologyTests.properties("removal-test"), NOW);
        intake = driver.createInputTopic(Topics.CASE_INTAKE_EVENTS, Serdes.String().serializer(), serdes.intakeEvents().serializer());
        screening = driver.createInputTopic(Topics.CASE_SCREENING_EVENTS, Serdes.String().serializer(), serdes.screeningEvents().serializer());
        commands = driver.createInputTopic(Topics.REMOVAL_COMMANDS, Serdes.String().serializer(), serdes.commands().serializer());
        events = driver.createOutputTopic(Topics.CASE_REMOVAL_EVENTS, Serdes.String().deserializer(), serdes.events().deserializer());
        flights = driver.createOutputTopic(Topics.REMOVAL_FLIGHTS, Serdes.String().deserializer(), serdes.flights().deserializer());
        answers = driver.createOutputTopic(Topics.REMOVAL_COMMAND_RESULTS, Serdes.String().deserializer(), serdes.results().deserializer());
    }

    private long elapsed;

    Instant now() {
        return NOW.plusMillis(elapsed);
    }

    void advance(Duration d) {
        elapsed += d.toMillis();
        driver.advanceWallClockTime(d);
    }

    // ---- intake and screening, as they would write ----------------------------------------------

    void open(String caseId, String nationality, List<String> residence, List<String> feared, String family, boolean minor) {
        IntakeEventEnvelope opened = SampleEvents.caseOpened(caseId);
        CaseOpened c = (CaseOpened) opened.getPayload();
        c.getPerson().setNationality(nationality);
        c.getPerson().setLawfulResidenceCountries(residence);
        c.getFear().setFearedCountries(feared);
        c.getEncounter().setGroupId(family);
        c.getFlags().setUnaccompaniedMinor(minor);
        intake.pipeInput(caseId, opened, now());
    }

    /** A negative decision by a certified officer, its window closing {@code windowOpenFor} after now. */
    void decided(String caseId, ScreeningOutcome outcome, Instant certFrom, Instant certUntil, Duration windowOpenFor) {
        var decided = ScreeningDecided.newBuilder().setCaseId(caseId).setOfficerId("off-1")
                .setCertification(CertificationRef.newBuilder().setCertificationId("cert-1").setValidFrom(certFrom).setValidUntil(certUntil).build())
                .setOutcome(outcome).setRationale("r")
                .setReviewWindow(outcome == ScreeningOutcome.NO_CREDIBLE_FEAR
                        ? ReviewWindow.newBuilder().setOpensAt(now()).setClosesAt(now().plus(windowOpenFor)).build() : null)
                .build();
        screening(caseId, decided);
    }

    void concluded(String caseId, ScreeningOutcome outcome, boolean eligible, Instant windowClosedAt, boolean waived) {
        screening(caseId, ScreeningConcluded.newBuilder().setCaseId(caseId).setOutcome(outcome).setEligibleForRemoval(eligible)
                .setDecidedBy("off-1").setReviewWindowClosedAt(windowClosedAt).setReviewWaived(waived).build());
    }

    /** An adult case, negatively decided by a certified officer, whose review window closed an hour ago. */
    void eligible(String caseId, String nationality, String family) {
        open(caseId, nationality, List.of(), List.of(), family, false);
        decided(caseId, ScreeningOutcome.NO_CREDIBLE_FEAR, NOW.minus(Duration.ofDays(100)), NOW.plus(Duration.ofDays(100)), Duration.ofHours(-1));
        concluded(caseId, ScreeningOutcome.NO_CREDIBLE_FEAR, true, now().minus(Duration.ofHours(1)), false);
    }

    void overturned(String caseId) {
        screening(caseId, ReviewDecided.newBuilder().setCaseId(caseId).setSupervisorId("sup").setResult(ReviewResult.OVERTURNED).setRationale("r").build());
    }

    void protectionReferred(String caseId) {
        screening(caseId, ProtectionReferred.newBuilder().setCaseId(caseId).setReasons(List.of()).build());
    }

    void screening(String caseId, Object payload) {
        screening.pipeInput(caseId, ScreeningEventEnvelope.newBuilder().setMetadata(metadata(caseId, Role.SYSTEM)).setPayload(payload).build(), now());
    }

    // ---- removal officers ---------------------------------------------------------------------

    String plan(String flightId, String destination, Instant departure, int seats) {
        return command(flightId, PlanFlight.newBuilder().setFlightId(flightId).setDestination(destination).setDepartureAt(departure).setSeats(seats)
                .setCarrier("Test Air").build());
    }

    String depart(String flightId, Instant at) {
        return command(flightId, RecordDeparture.newBuilder().setFlightId(flightId).setDepartedAt(at).build());
    }

    String cancelFlight(String flightId) {
        return command(flightId, CancelFlight.newBuilder().setFlightId(flightId).setReason("weather").build());
    }

    String stay(String caseId, StayReason reason) {
        return command(caseId, RecordStay.newBuilder().setCaseId(caseId).setReason(reason).setNote(null).build());
    }

    /** Sends a command; returns its commandId. */
    String command(String key, Object payload) {
        Metadata metadata = metadata(key, Role.REMOVAL_OFFICER);
        commands.pipeInput(key, RemovalCommandEnvelope.newBuilder().setMetadata(metadata).setPayload(payload).build(), now());
        return metadata.getEventId();
    }

    /** The same command delivered again (a retried call). */
    void redeliver(String key, String commandId, Object payload) {
        Metadata metadata = metadata(key, Role.REMOVAL_OFFICER);
        metadata.setEventId(commandId);
        commands.pipeInput(key, RemovalCommandEnvelope.newBuilder().setMetadata(metadata).setPayload(payload).build(), now());
    }

    /** Every answer written since the last call, by commandId (the last one per command). */
    final Map<String, List<org.caseflow.schemas.common.CommandResult>> answered = new java.util.LinkedHashMap<>();

    org.caseflow.schemas.common.CommandResult answer(String commandId) {
        answers.readKeyValuesToList().forEach(kv -> answered.computeIfAbsent(kv.key, k -> new ArrayList<>())
                .add((org.caseflow.schemas.common.CommandResult) kv.value.getPayload()));
        var all = answered.get(commandId);
        return all == null ? null : all.getLast();
    }

    private Metadata metadata(String key, Role role) {
        return Metadata.newBuilder().setEventId(UUID.randomUUID().toString()).setCaseId(key).setOccurredAt(now()).setRecordedAt(now())
                .setProducer("test").setActor(Actor.newBuilder().setId(role == Role.SYSTEM ? "screening-service" : "removal-officer").setRole(role).build())
                .setCausationId(null).setCorrelationId(key).build();
    }

    // ---- what came out --------------------------------------------------------------------------

    List<RemovalEventEnvelope> newEvents() {
        var fresh = events.readValuesToList();
        seenEvents.addAll(fresh);
        var states = flights.readValuesToList().stream().map(f -> (FlightState) f.getPayload()).toList();
        seenFlights.addAll(states);
        return fresh;
    }

    /** Event types per case, in order, since the last call. */
    Map<String, List<String>> newEventTypes() {
        return newEvents().stream().collect(Collectors.groupingBy(e -> e.getMetadata().getCaseId(), java.util.LinkedHashMap::new,
                Collectors.mapping(e -> e.getPayload().getClass().getSimpleName(), Collectors.toList())));
    }

    FlightState lastFlightState(String flightId) {
        newEvents();
        return seenFlights.stream().filter(f -> f.getFlightId().equals(flightId)).reduce((a, b) -> b).orElse(null);
    }

    StoredCase stored(String caseId) {
        org.apache.kafka.streams.state.KeyValueStore<String, StoredCase> cases = driver.getKeyValueStore(RemovalTopology.CASES_STORE);
        return cases.get(caseId);
    }

    @Override
    public void close() {
        driver.close();
    }
}
