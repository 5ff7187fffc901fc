package org.caseflow.screening.stream;

import java.time.Duration;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;
import org.caseflow.schemas.Topics;
import org.caseflow.screening.domain.ScreeningPolicy;

/**
 * case.intake.events ─┐
 *                     ├─▶ screen (stores: cases, command results, review windows; global: officers) ─▶ case.screening.events
 * screening.commands ─┘
 * Both inputs are keyed by caseId with the same partition count, so one task sees all of a case.
 */
public final class ScreeningTopology {

    public static final String CASES_STORE = "screening-cases";
    public static final String RESULTS_STORE = "screening-command-results";
    /** The worklist index: {@code STATUS/openedAt/caseId} → station and assigned officer, so a worklist read does not grow with history. */
    public static final String WORKLIST_STORE = "screening-worklist";
    /** Cases per status, kept as cases move, so the backlog gauge reads a handful of counters instead of every case. */
    public static final String STATUS_COUNTS_STORE = "screening-status-counts";
    public static final String WINDOWS_STORE = "screening-review-windows";
    public static final String OFFICERS_STORE = "screening-officers";

    private final ScreeningSerdes serdes;
    private final ScreeningPolicy policy;
    private final ScreeningMetrics metrics;
    private final Duration windowCheckInterval;

    public ScreeningTopology(ScreeningSerdes serdes, ScreeningPolicy policy, ScreeningMetrics metrics, Duration windowCheckInterval) {
        this.serdes = serdes;
        this.policy = policy;
        this.metrics = metrics;
        this.windowCheckInterval = windowCheckInterval;
    }

    public Topology topology() {
        StreamsBuilder builder = new StreamsBuilder();
        build(builder);
        return builder.build();
    }

    public void build(StreamsBuilder builder) {
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(OFFICERS_STORE), Serdes.String(), serdes.officers())
                        .withLoggingDisabled(),
                Topics.SCREENING_OFFICERS, Consumed.with(Serdes.String(), serdes.officers()).withName("officers"), () -> new org.caseflow.platform.kafka.LatestValueUpdater<>(OFFICERS_STORE));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CASES_STORE), Serdes.String(), serdes.cases()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(RESULTS_STORE), Serdes.String(), serdes.results()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(WINDOWS_STORE), Serdes.String(), Serdes.String()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(WORKLIST_STORE), Serdes.String(), Serdes.String()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STATUS_COUNTS_STORE), Serdes.String(), Serdes.Long()));

        KStream<String, Input> intake = builder.stream(Topics.CASE_INTAKE_EVENTS, Consumed.with(Serdes.String(), serdes.intakeEvents()).withName("intake-events"))
                .mapValues(e -> (Input) new Input.FromIntake(e), Named.as("from-intake"));
        KStream<String, Input> commands = builder.stream(Topics.SCREENING_COMMANDS, Consumed.with(Serdes.String(), serdes.commands()).withName("commands"))
                .mapValues(c -> (Input) new Input.FromCommand(c), Named.as("from-commands"));
        intake.merge(commands, Named.as("case-inputs"))
                .process(() -> new ScreeningProcessor(policy, metrics, windowCheckInterval), Named.as("screen"), CASES_STORE, RESULTS_STORE, WINDOWS_STORE,
                        WORKLIST_STORE, STATUS_COUNTS_STORE)
                .to(Topics.CASE_SCREENING_EVENTS, Produced.with(Serdes.String(), serdes.events()).withName("to-screening-events"));
    }
}
