package org.caseflow.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.caseflow.schemas.CaseflowSerdes;
import org.caseflow.schemas.common.Metadata;
import org.caseflow.schemas.intake.IntakeEventEnvelope;
import org.caseflow.schemas.removal.FlightEnvelope;
import org.caseflow.schemas.removal.RemovalEventEnvelope;
import org.caseflow.schemas.screening.ScreeningEventEnvelope;

/**
 * Reads topic partitions from the beginning (or from a time) up to the end they had when reading began:
 * no consumer group, nothing committed, so a replay never disturbs a running pipeline. Every historical
 * schema version is decoded through the registry.
 */
final class LogReader implements AutoCloseable {

    /** A record that could not be decoded: the audit reports it rather than skipping it. */
    record Unreadable(String topic, int partition, long offset, String key, String reason) {
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final Deserializer<org.apache.avro.specific.SpecificRecord> avro;

    LogReader(String bootstrapServers, String registryUrl) {
        this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000, ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024,
                ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000, ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000),
                new StringDeserializer(), new ByteArrayDeserializer());
        this.avro = CaseflowSerdes.deserializer(new CaseflowSerdes.RegistrySettings(registryUrl, false), false);
    }

    int partitions(String topic) {
        return consumer.partitionsFor(topic, Duration.ofSeconds(15)).size();
    }

    /** Reads the given partitions from {@code from} (or the beginning) to their current end, decoding each record. */
    long read(List<TopicPartition> partitions, Instant from, Instant to, Consumer<AuditRecord> records, Consumer<Unreadable> unreadable) {
        consumer.assign(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        if (from == null) {
            consumer.seekToBeginning(partitions);
        } else {
            Map<TopicPartition, Long> query = new HashMap<>();
            partitions.forEach(p -> query.put(p, from.toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(query);
            partitions.forEach(p -> {
                OffsetAndTimestamp o = offsets.get(p);
                consumer.seek(p, o == null ? end.get(p) : o.offset());
            });
        }
        long count = 0;
        List<TopicPartition> open = new ArrayList<>(partitions);
        open.removeIf(p -> consumer.position(p) >= end.get(p));
        while (!open.isEmpty()) {
            for (var record : consumer.poll(Duration.ofMillis(500))) {
                TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                if (record.offset() >= end.get(tp) || (to != null && record.timestamp() > to.toEpochMilli())) {
                    continue;
                }
                count++;
                try {
                    Object value = avro.deserialize(record.topic(), record.value());
                    records.accept(new AuditRecord(record.topic(), record.partition(), record.offset(), record.key(), metadata(value), payload(value)));
                } catch (RuntimeException e) {
                    unreadable.accept(new Unreadable(record.topic(), record.partition(), record.offset(), record.key(), String.valueOf(e.getMessage())));
                }
            }
            open.removeIf(p -> consumer.position(p) >= end.get(p));
        }
        return count;
    }

    private static Metadata metadata(Object value) {
        return switch (value) {
            case IntakeEventEnvelope e -> e.getMetadata();
            case ScreeningEventEnvelope e -> e.getMetadata();
            case RemovalEventEnvelope e -> e.getMetadata();
            case FlightEnvelope e -> e.getMetadata();
            default -> throw new IllegalArgumentException("not a case envelope: " + value.getClass().getSimpleName());
        };
    }

    private static Object payload(Object value) {
        return switch (value) {
            case IntakeEventEnvelope e -> e.getPayload();
            case ScreeningEventEnvelope e -> e.getPayload();
            case RemovalEventEnvelope e -> e.getPayload();
            case FlightEnvelope e -> e.getPayload();
            default -> null;
        };
    }

    @Override
    public void close() {
        consumer.close();
    }
}
