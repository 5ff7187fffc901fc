package org.caseflow.intake.stream;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import org.caseflow.submission.domain.IntakeSettings;
import org.caseflow.platform.kafka.LatestValueUpdater;
import org.caseflow.schemas.Topics;

/**
 * intake.stations → global store of station keys (every instance verifies signatures against all of them)
 * intake.submissions → (verify the station's signature, validate, de-duplicate on submissionId) → intake.rejections
 *                                                             ↘ opened, re-keyed by person → (link repeats) → case.intake.events (by caseId)
 */
public final class IntakeTopology {

    public static final String SUBMISSIONS_STORE = "intake-submission-status";
    public static final String PERSONS_STORE = "intake-person-cases";
    /** {@code stationCode/keyId} → the latest registration or revocation of that key. */
    public static final String STATIONS_STORE = "intake-station-keys";

    private final IntakeSerdes serdes;
    private final IntakeSettings settings;
    private final IntakeMetrics metrics;

    public IntakeTopology(IntakeSerdes serdes, IntakeSettings settings, IntakeMetrics metrics) {
        this.serdes = serdes;
        this.settings = settings;
        this.metrics = metrics;
    }

    public Topology topology() {
        StreamsBuilder builder = new StreamsBuilder();
        build(builder);
        return builder.build();
    }

    public void build(StreamsBuilder builder) {
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STATIONS_STORE), Serdes.String(), serdes.stations())
                        .withLoggingDisabled(),
                Topics.INTAKE_STATIONS, Consumed.with(Serdes.String(), serdes.stations()).withName("station-keys"),
                () -> new LatestValueUpdater<>(STATIONS_STORE));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SUBMISSIONS_STORE), Serdes.String(), serdes.status()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PERSONS_STORE), Serdes.String(), Serdes.String()));

        builder.stream(Topics.INTAKE_SUBMISSIONS, Consumed.with(Serdes.String(), serdes.submissions()).withName("submissions"))
                .process(() -> new SubmissionProcessor(settings, metrics), Named.as("decide-submission"), SUBMISSIONS_STORE)
                .split(Named.as("outcome-"))
                .branch((key, outcome) -> outcome.isRejection(), Branched.withConsumer(rejections -> rejections
                        .mapValues(outcome -> outcome.rejection(), Named.as("rejection"))
                        .to(Topics.INTAKE_REJECTIONS, Produced.with(Serdes.String(), serdes.rejections()).withName("to-rejections")), "rejected"))
                .defaultBranch(Branched.withConsumer(opened -> opened
                        .mapValues(outcome -> outcome.opened(), Named.as("case-opened"))
                        .repartition(Repartitioned.with(Serdes.String(), serdes.internalEvents()).withName("opened-by-person"))
                        .process(() -> new PersonLinkingProcessor(metrics), Named.as("link-person"), PERSONS_STORE)
                        .to(Topics.CASE_INTAKE_EVENTS, Produced.with(Serdes.String(), serdes.events()).withName("to-case-events")), "opened"));
    }
}
