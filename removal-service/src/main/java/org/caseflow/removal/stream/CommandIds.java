package org.caseflow.removal.stream;

import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The commands already decided (store {@value RemovalTopology#COMMAND_IDS_STORE}): a command delivered again — a
 * retried call with the same Idempotency-Key — is not decided twice, and its first answer stands.
 */
final class CommandIds {

    private final KeyValueStore<String, String> seen;

    CommandIds(ProcessorContext<?, ?> context) {
        this.seen = context.getStateStore(RemovalTopology.COMMAND_IDS_STORE);
    }

    /** True the first time a commandId is seen, and remembers it. */
    boolean firstDelivery(String commandId) {
        if (seen.get(commandId) != null) {
            return false;
        }
        seen.put(commandId, "");
        return true;
    }
}
