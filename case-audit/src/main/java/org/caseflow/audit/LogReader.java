package org.caseflow.audit;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.caseflow.schemas.Topics;

/**
 * Reads topic partitions from the beginning up to the end they had when reading began: no consumer group,
 * nothing committed, so a replay never disturbs a running pipeline. Raw bytes only; decoding is the
 * caller's, so an undecodable record is a finding, never a crash.
 */
final class LogReader implements AutoCloseable {

    /** Enough buffered per partition to merge by time without holding a partition in memory. */
    private static final int BUFFER = 4_000;

    private final KafkaConsumer<byte[], byte[]> consumer;

    /** {@code client}: more client settings (credentials). */
    LogReader(String bootstrapServers, Map<String, Object> client) {
        this.consumer = new KafkaConsumer<>(org.caseflow.schemas.KafkaConfigs.with(client, Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000, ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024,
                // the new consumer fetches in its own thread, so the next batches arrive while this one is checked
                ConsumerConfig.GROUP_PROTOCOL_CONFIG, "consumer",
                ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000, ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000)),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }


    /** The topic's partitions; none when the topic does not exist. */
    List<TopicPartition> partitions(String topic) {
        var infos = consumer.partitionsFor(topic, Duration.ofSeconds(15));
        List<TopicPartition> out = new ArrayList<>();
        if (infos != null) {
            infos.forEach(i -> out.add(new TopicPartition(topic, i.partition())));
        }
        return out;
    }

    /** Every record of the partitions, each in offset order (for callers that need no order across partitions; they get the merged one). */
    long readAll(List<TopicPartition> partitions, Consumer<ConsumerRecord<byte[], byte[]>> sink) {
        return readMerged(partitions, sink);
    }

    /**
     * The partitions' records merged into one sequence by broker timestamp (ties: intake before screening
     * before removal, then offset), each partition in offset order: a case's events across the case topics in
     * the order the broker logged them.
     */
    long readMerged(List<TopicPartition> partitions, Consumer<ConsumerRecord<byte[], byte[]>> sink) {
        if (partitions.isEmpty()) {
            return 0;
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        Map<TopicPartition, ArrayDeque<ConsumerRecord<byte[], byte[]>>> buffers = new HashMap<>();
        partitions.forEach(p -> buffers.put(p, new ArrayDeque<>()));
        long count = 0;
        while (true) {
            while (needsFetch(partitions, buffers, end)) {
                List<TopicPartition> pause = new ArrayList<>();
                List<TopicPartition> resume = new ArrayList<>();
                partitions.forEach(p -> (buffers.get(p).size() >= BUFFER ? pause : resume).add(p));
                consumer.pause(pause);
                consumer.resume(resume);
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() < end.get(tp)) {
                        buffers.get(tp).add(record);
                    }
                }
            }
            ConsumerRecord<byte[], byte[]> next = null;
            TopicPartition from = null;
            for (var entry : buffers.entrySet()) {
                var head = entry.getValue().peek();
                if (head != null && (next == null || before(head, next))) {
                    next = head;
                    from = entry.getKey();
                }
            }
            if (next == null) {
                return count;
            }
            buffers.get(from).poll();
            count++;
            sink.accept(next);
        }
    }

    /** A partition with nothing buffered that has not been read to its end: the merge must wait for it. */
    private boolean needsFetch(List<TopicPartition> partitions, Map<TopicPartition, ArrayDeque<ConsumerRecord<byte[], byte[]>>> buffers,
                               Map<TopicPartition, Long> end) {
        for (TopicPartition p : partitions) {
            if (buffers.get(p).isEmpty() && consumer.position(p) < end.get(p)) {
                return true;
            }
        }
        return false;
    }

    private static boolean before(ConsumerRecord<byte[], byte[]> a, ConsumerRecord<byte[], byte[]> b) {
        if (a.timestamp() != b.timestamp()) {
            return a.timestamp() < b.timestamp();
        }
        int ra = rank(a.topic());
        int rb = rank(b.topic());
        return ra != rb ? ra < rb : a.offset() < b.offset();
    }

    private static int rank(String topic) {
        int i = Topics.CASE_TOPICS.indexOf(topic);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    @Override
    public void close() {
        consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(5)));
    }
}
