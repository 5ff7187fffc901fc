package org.caseflow.platform.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;

/** Counts every dead-lettered record ({@code caseflow_dlt_records_total{topic}}) before handing it on. */
public final class CountingRecoverer implements ConsumerRecordRecoverer {

    private final ConsumerRecordRecoverer delegate;
    private final MeterRegistry meters;

    public CountingRecoverer(ConsumerRecordRecoverer delegate, MeterRegistry meters) {
        this.delegate = delegate;
        this.meters = meters;
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, Exception exception) {
        Counter.builder("caseflow.dlt.records").description("Records sent to a dead-letter topic")
                .tag("topic", record.topic()).register(meters).increment();
        delegate.accept(record, exception);
    }
}
