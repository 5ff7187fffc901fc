package org.caseflow.platform.kafka;

import java.util.Map;

import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBufferManager;

/**
 * Every RocksDB store of a service shares one block cache and one memtable budget, so the service's native memory is
 * bounded whatever the number of stores and partitions (Kafka Streams' own recipe, "bounded memory"). By default each
 * store instance gets its own 50 MB cache and up to three 16 MB memtables: a service with a few stores on six
 * partitions could use over a gigabyte off the heap under write load. Set as {@code rocksdb.config.setter} in
 * caseflow-defaults.properties.
 */
public class BoundedRocksDbMemory implements RocksDBConfigSetter {

    /** Block cache for every store, memtables included (they are charged to it). */
    static final long OFF_HEAP_BYTES = 32L * 1024 * 1024;
    /** The share of the cache memtables may take before RocksDB flushes them. */
    static final long MEMTABLE_BYTES = 16L * 1024 * 1024;
    private static final long MEMTABLE_SIZE = 4L * 1024 * 1024;
    /** Index and filter blocks stay cached ahead of data blocks: they are what every read needs first. */
    private static final double INDEX_FILTER_RATIO = 0.2;

    /** Shared by every store of the process, created with the first store (the native library is loaded by then). */
    private static final class Shared {
        static final Cache CACHE;
        static final WriteBufferManager WRITE_BUFFERS;

        static {
            RocksDB.loadLibrary();
            CACHE = new LRUCache(OFF_HEAP_BYTES, -1, false, INDEX_FILTER_RATIO);
            WRITE_BUFFERS = new WriteBufferManager(MEMTABLE_BYTES, CACHE);
        }
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(Shared.CACHE);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setTableFormatConfig(table);
        options.setWriteBufferManager(Shared.WRITE_BUFFERS);
        options.setWriteBufferSize(MEMTABLE_SIZE);
        options.setMaxWriteBufferNumber(2);
    }

    @Override
    public void close(String storeName, Options options) {
        // the cache and the write buffer manager are shared by every store: never closed with one of them
    }
}
