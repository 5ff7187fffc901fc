package org.caseflow.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;

/** The shared RocksDB budget: applied to every store, and a store opened with it works. */
class BoundedRocksDbMemoryTest {

    @Test
    void everyStoreGetsSmallMemtablesInTheSharedBudget() {
        try (Options options = new Options()) {
            options.setTableFormatConfig(new BlockBasedTableConfig()); // as Kafka Streams hands it over
            new BoundedRocksDbMemory().setConfig("any-store", options, Map.of());
            assertThat(options.writeBufferSize()).isEqualTo(4L * 1024 * 1024);
            assertThat(options.maxWriteBufferNumber()).isEqualTo(2);
            assertThat(((BlockBasedTableConfig) options.tableFormatConfig()).cacheIndexAndFilterBlocks()).isTrue();
        }
    }

    /** The way the services configure it (caseflow-defaults.properties): a persistent store opens, writes and reads. */
    @Test
    void aPersistentStoreRunsWithTheSetter(@TempDir Path state) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.table("in", Consumed.with(Serdes.String(), Serdes.String()),
                Materialized.<String, String, KeyValueStore<org.apache.kafka.common.utils.Bytes, byte[]>>as("cases"));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "bounded-rocksdb-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
        props.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class.getName());
        try (var driver = new TopologyTestDriver(builder.build(), props)) {
            var in = driver.createInputTopic("in", Serdes.String().serializer(), Serdes.String().serializer());
            for (int i = 0; i < 1_000; i++) {
                in.pipeInput("case-" + i, "state-" + i);
            }
            KeyValueStore<String, String> store = driver.getKeyValueStore("cases");
            assertThat(store.get("case-999")).isEqualTo("state-999");
            assertThat(store.approximateNumEntries()).isPositive();
        }
    }
}
