package org.caseflow.intake.api;

import java.util.Optional;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.caseflow.intake.domain.SubmissionStatus;
import org.caseflow.intake.stream.IntakeTopology;
import org.caseflow.platform.web.CaseflowProblem;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/** Reads submission statuses from the topology's state store (interactive query). */
@Component
class SubmissionStatusReader {

    private final StreamsBuilderFactoryBean streams;

    SubmissionStatusReader(StreamsBuilderFactoryBean streams) {
        this.streams = streams;
    }

    /** The status, or empty while the store is unavailable (restoring, rebalancing): the topology still decides. */
    Optional<SubmissionStatus> findIfReadable(String submissionId) {
        try {
            return find(submissionId);
        } catch (CaseflowProblem unavailable) {
            return Optional.empty();
        }
    }

    /** The status; 503 problem while the store is unavailable. */
    Optional<SubmissionStatus> find(String submissionId) {
        KafkaStreams kafkaStreams = streams.getKafkaStreams();
        if (kafkaStreams == null) {
            throw unavailable();
        }
        try {
            ReadOnlyKeyValueStore<String, SubmissionStatus> store = kafkaStreams.store(
                    StoreQueryParameters.fromNameAndType(IntakeTopology.SUBMISSIONS_STORE, QueryableStoreTypes.keyValueStore()));
            return Optional.ofNullable(store.get(submissionId));
        } catch (InvalidStateStoreException e) {
            throw unavailable();
        }
    }

    private static CaseflowProblem unavailable() {
        return new CaseflowProblem(HttpStatus.SERVICE_UNAVAILABLE, "STORE_NOT_READY",
                "Submission statuses are being restored after a restart or rebalance; try again in a few seconds.", java.util.Map.of());
    }
}
