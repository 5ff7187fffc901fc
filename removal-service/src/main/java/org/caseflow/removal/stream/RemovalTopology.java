package org.caseflow.removal.stream;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.caseflow.schemas.Topics;
import org.caseflow.schemas.removal.RemovalCommandEnvelope;

/**
 * case.intake.events ──┐
 * case.screening.events├─▶ case step (by caseId) ──────────┐ events ─▶ case.removal.events
 * removal.commands ────┤   stays                            │ answers ─▶ removal.command-results
 * case.removal.events ─┘                                    │
 * removal.commands ──────▶ flight desk (by flightId) ───────┤ messages, re-keyed by destination ─▶ repartition
 *        ┌──────────────────────────────────────────────────┘
 *        └─▶ allocation (by destination; store: removal-schedules) ─▶ case.removal.events, removal.flights, removal.command-results
 *
 * removal.flights ─▶ global view removal-flights-view;  removal.command-results ─▶ global view removal-command-results-view
 */
public final class RemovalTopology {

    public static final String CASES_STORE = "removal-cases";
    public static final String FLIGHT_DESTINATIONS_STORE = "removal-flight-destinations";
    public static final String COMMAND_IDS_STORE = "removal-command-ids";
    public static final String SCHEDULES_STORE = "removal-schedules";
    public static final String FLIGHTS_VIEW = "removal-flights-view";
    public static final String RESULTS_VIEW = "removal-command-results-view";

    private final RemovalSerdes serdes;
    private final RemovalMetrics metrics;

    public RemovalTopology(RemovalSerdes serdes, RemovalMetrics metrics) {
        this.serdes = serdes;
        this.metrics = metrics;
    }

    public Topology topology() {
        StreamsBuilder builder = new StreamsBuilder();
        build(builder);
        return builder.build();
    }

    public void build(StreamsBuilder builder) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CASES_STORE), Serdes.String(), serdes.cases()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(FLIGHT_DESTINATIONS_STORE), Serdes.String(), Serdes.String()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(COMMAND_IDS_STORE), Serdes.String(), Serdes.String()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SCHEDULES_STORE), Serdes.String(), serdes.schedules()));
        builder.globalTable(Topics.REMOVAL_FLIGHTS, Consumed.with(Serdes.String(), serdes.flights()).withName("flights-view"),
                Materialized.<String, org.caseflow.schemas.removal.FlightEnvelope, KeyValueStore<Bytes, byte[]>>as(FLIGHTS_VIEW)
                        .withKeySerde(Serdes.String()).withValueSerde(serdes.flights()));
        builder.globalTable(Topics.REMOVAL_COMMAND_RESULTS, Consumed.with(Serdes.String(), serdes.results()).withName("results-view"),
                Materialized.<String, org.caseflow.schemas.removal.RemovalCommandResultEnvelope, KeyValueStore<Bytes, byte[]>>as(RESULTS_VIEW)
                        .withKeySerde(Serdes.String()).withValueSerde(serdes.results()));

        KStream<String, CaseInput> intake = builder.stream(Topics.CASE_INTAKE_EVENTS, Consumed.with(Serdes.String(), serdes.intakeEvents()).withName("intake-events"))
                .mapValues(e -> (CaseInput) new CaseInput.FromIntake(e), Named.as("from-intake"));
        KStream<String, CaseInput> screening = builder.stream(Topics.CASE_SCREENING_EVENTS, Consumed.with(Serdes.String(), serdes.screeningEvents()).withName("screening-events"))
                .mapValues(e -> (CaseInput) new CaseInput.FromScreening(e), Named.as("from-screening"));
        KStream<String, RemovalCommandEnvelope> commands = builder.stream(Topics.REMOVAL_COMMANDS,
                Consumed.with(Serdes.String(), serdes.commands()).withName("commands"));
        KStream<String, CaseInput> stays = commands.filterNot((key, c) -> FlightDeskProcessor.COMMANDS.contains(c.getPayload().getClass()), Named.as("stays"))
                .mapValues(e -> (CaseInput) new CaseInput.FromCommand(e), Named.as("from-stays"));
        KStream<String, CaseInput> own = builder.stream(Topics.CASE_REMOVAL_EVENTS, Consumed.with(Serdes.String(), serdes.events()).withName("removal-events"))
                .mapValues(e -> (CaseInput) new CaseInput.FromRemoval(e), Named.as("from-removal"));

        KStream<String, StepOutput> caseStep = intake.merge(screening, Named.as("merge-screening")).merge(stays, Named.as("merge-stays"))
                .merge(own, Named.as("case-inputs"))
                .process(() -> new RemovalCaseProcessor(metrics), Named.as("case-step"), CASES_STORE, COMMAND_IDS_STORE);
        KStream<String, StepOutput> flightDesk = commands.filter((key, c) -> FlightDeskProcessor.COMMANDS.contains(c.getPayload().getClass()), Named.as("flight-commands"))
                .process(() -> new FlightDeskProcessor(metrics), Named.as("flight-desk"), FLIGHT_DESTINATIONS_STORE, COMMAND_IDS_STORE);

        KStream<String, AllocationMessage> toAllocation = write(caseStep.merge(flightDesk, Named.as("to-allocation")), "case-step");
        write(toAllocation
                .repartition(Repartitioned.with(Serdes.String(), serdes.allocation()).withName("allocation-by-destination"))
                .process(() -> new AllocationProcessor(metrics), Named.as("allocate"), SCHEDULES_STORE), "allocation");
    }

    /** Writes a step's events, flight states and answers to their topics; returns its messages for allocation. */
    private KStream<String, AllocationMessage> write(KStream<String, StepOutput> outputs, String step) {
        outputs.flatMapValues(o -> o instanceof StepOutput.Event e ? java.util.List.of(e.envelope()) : java.util.List.of(), Named.as(step + "-events"))
                .to(Topics.CASE_REMOVAL_EVENTS, Produced.with(Serdes.String(), serdes.events()).withName(step + "-to-removal-events"));
        outputs.flatMapValues(o -> o instanceof StepOutput.Flight f ? java.util.List.of(f.envelope()) : java.util.List.of(), Named.as(step + "-flights"))
                .to(Topics.REMOVAL_FLIGHTS, Produced.with(Serdes.String(), serdes.flights()).withName(step + "-to-flights"));
        outputs.flatMapValues(o -> o instanceof StepOutput.Answer a ? java.util.List.of(a.envelope()) : java.util.List.of(), Named.as(step + "-answers"))
                .to(Topics.REMOVAL_COMMAND_RESULTS, Produced.with(Serdes.String(), serdes.results()).withName(step + "-to-command-results"));
        return outputs.flatMapValues(o -> o instanceof StepOutput.ToAllocation m ? java.util.List.of(m.message()) : java.util.List.<AllocationMessage>of(),
                Named.as(step + "-to-allocation"));
    }
}
