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

/**
 * case.intake.events ──┐
 * case.screening.events├─▶ case step (by caseId; flight commands by flightId) ─┬─▶ case.removal.events
 * removal.commands ────┤   (stores: removal-cases, removal-flight-destinations) └─▶ re-key by destination ─▶ repartition
 * case.removal.events ─┘                                                            │
 *        ┌──────────────────────────────────────────────────────────────────────────┘
 *        └─▶ allocation (by destination; store: removal-schedules) ─┬─▶ case.removal.events (by caseId)
 *                                                                   └─▶ removal.flights (by flightId) ─▶ global view removal-flights-view
 */
public final class RemovalTopology {

    public static final String CASES_STORE = "removal-cases";
    public static final String FLIGHT_DESTINATIONS_STORE = "removal-flight-destinations";
    public static final String SCHEDULES_STORE = "removal-schedules";
    public static final String FLIGHTS_VIEW = "removal-flights-view";

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
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SCHEDULES_STORE), Serdes.String(), serdes.schedules()));
        builder.globalTable(Topics.REMOVAL_FLIGHTS, Consumed.with(Serdes.String(), serdes.flights()).withName("flights-view"),
                Materialized.<String, org.caseflow.schemas.removal.FlightEnvelope, KeyValueStore<Bytes, byte[]>>as(FLIGHTS_VIEW)
                        .withKeySerde(Serdes.String()).withValueSerde(serdes.flights()));

        KStream<String, CaseInput> intake = builder.stream(Topics.CASE_INTAKE_EVENTS, Consumed.with(Serdes.String(), serdes.intakeEvents()).withName("intake-events"))
                .mapValues(e -> (CaseInput) new CaseInput.FromIntake(e), Named.as("from-intake"));
        KStream<String, CaseInput> screening = builder.stream(Topics.CASE_SCREENING_EVENTS, Consumed.with(Serdes.String(), serdes.screeningEvents()).withName("screening-events"))
                .mapValues(e -> (CaseInput) new CaseInput.FromScreening(e), Named.as("from-screening"));
        KStream<String, CaseInput> commands = builder.stream(Topics.REMOVAL_COMMANDS, Consumed.with(Serdes.String(), serdes.commands()).withName("commands"))
                .mapValues(e -> (CaseInput) new CaseInput.FromCommand(e), Named.as("from-commands"));
        KStream<String, CaseInput> own = builder.stream(Topics.CASE_REMOVAL_EVENTS, Consumed.with(Serdes.String(), serdes.events()).withName("removal-events"))
                .mapValues(e -> (CaseInput) new CaseInput.FromRemoval(e), Named.as("from-removal"));

        intake.merge(screening, Named.as("merge-screening")).merge(commands, Named.as("merge-commands")).merge(own, Named.as("case-inputs"))
                .process(() -> new RemovalCaseProcessor(metrics), Named.as("case-step"), CASES_STORE, FLIGHT_DESTINATIONS_STORE)
                .split(Named.as("case-output-"))
                .branch((key, out) -> out.isEvent(), Branched.withConsumer(events -> events
                        .mapValues(out -> out.event(), Named.as("case-event"))
                        .to(Topics.CASE_REMOVAL_EVENTS, Produced.with(Serdes.String(), serdes.events()).withName("case-step-to-removal-events")), "events"))
                .defaultBranch(Branched.withConsumer(allocation -> allocation
                        .mapValues(out -> out.allocation(), Named.as("allocation-message"))
                        .repartition(Repartitioned.with(Serdes.String(), serdes.allocation()).withName("allocation-by-destination"))
                        .process(() -> new AllocationProcessor(metrics), Named.as("allocate"), SCHEDULES_STORE)
                        .split(Named.as("allocation-output-"))
                        .branch((key, out) -> out.isEvent(), Branched.withConsumer(events -> events
                                .mapValues(out -> out.event(), Named.as("allocation-event"))
                                .to(Topics.CASE_REMOVAL_EVENTS, Produced.with(Serdes.String(), serdes.events()).withName("allocation-to-removal-events")), "events"))
                        .defaultBranch(Branched.withConsumer(flights -> flights
                                .mapValues(out -> out.flight(), Named.as("flight-state"))
                                .to(Topics.REMOVAL_FLIGHTS, Produced.with(Serdes.String(), serdes.flights()).withName("to-flights")), "flights")), "allocation"));
    }
}
