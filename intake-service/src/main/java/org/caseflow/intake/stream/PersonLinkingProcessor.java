package org.caseflow.intake.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.caseflow.schemas.intake.CaseOpened;
import org.caseflow.schemas.intake.IntakeEventEnvelope;

/**
 * Runs on opened cases re-keyed by person (nationality + document number): links a likely repeat of a
 * person to their earlier cases (it is not rejected), then re-keys the event by caseId.
 */
final class PersonLinkingProcessor implements Processor<String, IntakeEventEnvelope, String, IntakeEventEnvelope> {

    private final IntakeMetrics metrics;
    private ProcessorContext<String, IntakeEventEnvelope> context;
    private KeyValueStore<String, String> persons;

    PersonLinkingProcessor(IntakeMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, IntakeEventEnvelope> context) {
        this.context = context;
        this.persons = context.getStateStore(IntakeTopology.PERSONS_STORE);
    }

    @Override
    public void process(Record<String, IntakeEventEnvelope> record) {
        IntakeEventEnvelope envelope = record.value();
        CaseOpened opened = (CaseOpened) envelope.getPayload();
        String caseId = opened.getCaseId();
        if (!record.key().startsWith("case:")) {
            List<String> earlier = new ArrayList<>();
            String known = persons.get(record.key());
            if (known != null) {
                for (String id : known.split(",")) {
                    if (!id.equals(caseId)) {
                        earlier.add(id);
                    }
                }
            }
            opened.setLinkedCaseIds(earlier);
            persons.put(record.key(), known == null ? caseId : earlier.contains(caseId) || known.contains(caseId) ? known : known + "," + caseId);
        }
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        metrics.caseOpened(Duration.ofMillis(now.toEpochMilli() - record.timestamp()));
        context.forward(record.withKey(caseId).withValue(envelope));
    }
}
