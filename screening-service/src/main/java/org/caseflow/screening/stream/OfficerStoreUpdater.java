package org.caseflow.screening.stream;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.caseflow.schemas.screening.OfficerEnvelope;

/** Keeps the global officers store in step with the compacted screening.officers topic. */
final class OfficerStoreUpdater implements Processor<String, OfficerEnvelope, Void, Void> {

    private KeyValueStore<String, OfficerEnvelope> officers;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.officers = context.getStateStore(ScreeningTopology.OFFICERS_STORE);
    }

    @Override
    public void process(Record<String, OfficerEnvelope> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            officers.delete(record.key());
        } else {
            officers.put(record.key(), record.value());
        }
    }
}
