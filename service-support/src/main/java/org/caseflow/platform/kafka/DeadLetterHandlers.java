package org.caseflow.platform.kafka;

import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.caseflow.schemas.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;

/**
 * No poison pill stops a service: a record whose processing throws, or whose result cannot be written (too
 * large, not serializable), goes to its source topic's dead-letter topic with headers saying why, and the
 * task goes on with the next record. The same recoverer as for unreadable records writes the dead letters.
 */
public final class DeadLetterHandlers {

    /** The config key under which the streams config carries the recoverer object. */
    public static final String RECOVERER = "caseflow.dead-letter.recoverer";

    private static final Logger log = LoggerFactory.getLogger(DeadLetterHandlers.class);

    private DeadLetterHandlers() {
    }

    /** Both handlers are configured with the recoverer the streams config carries. */
    abstract static class WithRecoverer implements org.apache.kafka.common.Configurable {

        ConsumerRecordRecoverer recoverer;

        @Override
        public void configure(Map<String, ?> configs) {
            recoverer = (ConsumerRecordRecoverer) configs.get(RECOVERER);
        }
    }

    /** Processing threw: the source record is dead-lettered, processing continues. */
    public static final class Processing extends WithRecoverer implements ProcessingExceptionHandler {

        @Override
        public ProcessingHandlerResponse handle(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
            deadLetter(recoverer, context, exception, "processing failed");
            return ProcessingHandlerResponse.CONTINUE;
        }
    }

    /**
     * A result could not be written: a record too large or not serializable is skipped (its source record is
     * dead-lettered); anything else (the broker gone, fenced) fails as before, so exactly-once is never bent.
     */
    public static final class Production extends WithRecoverer implements ProductionExceptionHandler {

        @Override
        public ProductionExceptionHandlerResponse handle(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
            if (exception instanceof RecordTooLargeException) {
                deadLetter(recoverer, context, exception, "result to " + record.topic() + " too large (" + sizeOf(record) + " bytes)");
                return ProductionExceptionHandlerResponse.CONTINUE;
            }
            return ProductionExceptionHandlerResponse.FAIL;
        }

        @Override
        public ProductionExceptionHandlerResponse handleSerializationException(ErrorHandlerContext context, ProducerRecord record, Exception exception,
                                                                               SerializationExceptionOrigin origin) {
            deadLetter(recoverer, context, exception, "result to " + record.topic() + " could not be serialized");
            return ProductionExceptionHandlerResponse.CONTINUE;
        }

        private static int sizeOf(ProducerRecord<byte[], byte[]> record) {
            return (record.key() == null ? 0 : record.key().length) + (record.value() == null ? 0 : record.value().length);
        }
    }

    private static void deadLetter(ConsumerRecordRecoverer recoverer, ErrorHandlerContext context, Exception exception, String what) {
        String source = context == null ? null : context.topic();
        if (source == null || context.sourceRawValue() == null && context.sourceRawKey() == null) {
            // a punctuation (no source record) or an internal topic: nothing to move aside, the error is logged
            log.error("{} with no source record to dead-letter (task {}): {}", what, context == null ? "?" : context.taskId(), exception.toString());
            return;
        }
        boolean hasDeadLetterTopic = Topics.all().stream().anyMatch(t -> t.name().equals(Topics.dlt(source)));
        if (!hasDeadLetterTopic || recoverer == null) {
            log.error("{} for a record of {} (partition {}, offset {}), which has no dead-letter topic; skipped: {}", what, source,
                    context.partition(), context.offset(), exception.toString());
            return;
        }
        log.warn("{} for the record at {}-{}@{}; moved to {} : {}", what, source, context.partition(), context.offset(), Topics.dlt(source),
                exception.toString());
        var original = new ConsumerRecord<>(source, context.partition(), context.offset(), context.timestamp(), TimestampType.CREATE_TIME,
                -1, -1, context.sourceRawKey(), context.sourceRawValue(), context.headers(), java.util.Optional.empty());
        recoverer.accept(original, new IllegalStateException(what + ": " + exception.getMessage(), exception));
    }
}
