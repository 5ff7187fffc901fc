package org.caseflow.platform.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.caseflow.schemas.Topics;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;

/** Counts every dead-lettered record ({@code caseflow_dlt_records_total{topic}}) before handing it on. */
public final class CountingRecoverer implements ConsumerRecordRecoverer {

    private final ConsumerRecordRecoverer delegate;
    private final MeterRegistry meters;

    public CountingRecoverer(ConsumerRecordRecoverer delegate, MeterRegistry meters) {
        this.delegate = delegate;
        this.meters = meters;
        // every dead-letter series exists from the start (at 0), so dashboards and alerts see it before the first dead letter
        Topics.all().stream().map(t -> t.name()).filter(n -> n.endsWith(Topics.DLT_SUFFIX))
                .forEach(dlt -> counter(dlt.substring(0, dlt.length() - Topics.DLT_SUFFIX.length())));
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, Exception exception) {
        counter(record.topic()).increment();
        delegate.accept(record, exception);
    }

    private Counter counter(String sourceTopic) {
        return Counter.builder("caseflow.dlt.records").description("Records sent to a dead-letter topic")
                .tag("topic", sourceTopic).register(meters);
    }
}
