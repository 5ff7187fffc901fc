package org.caseflow.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a topic from the beginning, committed records only, without a consumer group, until what was
 * read satisfies a condition (or the time is up, which fails the test with what was read).
 */
public final class TopicReader {

    private TopicReader() {
    }

    /** Reads as the auditor, who may read every catalogued topic and joins no group. */
    public static <K, V> List<ConsumerRecord<K, V>> readUntil(StackAddresses stack, String topic, Deserializer<K> keys, Deserializer<V> values,
                                                              Predicate<List<ConsumerRecord<K, V>>> done, Duration timeout) {
        var config = stack.kafka(org.caseflow.schemas.Principals.AUDITOR, Map.of(
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"));
        List<ConsumerRecord<K, V>> read = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, keys, values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(250)).forEach(read::add);
                if (done.test(read)) {
                    return read;
                }
            }
        }
        throw new AssertionError("after " + timeout + ", " + topic + " did not hold what was expected; read " + read.size() + " records");
    }
}
