package fr.ais.consolidation.app;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds RocksDB memory for the whole instance: every store shares one block cache and one write
 * buffer manager charged to it (the recipe of the Kafka Streams memory management guide), so the
 * number of stores and partitions does not multiply memory use. Sizes come from the settings.
 */
public final class BoundedRocksDbConfig implements RocksDBConfigSetter {

    /** Streams config key: block cache bytes for the instance. */
    public static final String BLOCK_CACHE_BYTES = "ais.rocksdb.block.cache.bytes";
    /** Streams config key: memtable bytes for the instance, counted inside the block cache. */
    public static final String WRITE_BUFFER_BYTES = "ais.rocksdb.write.buffer.bytes";

    private static Cache cache;
    private static WriteBufferManager writeBufferManager;

    private static synchronized void initialise(Map<String, Object> configs) {
        if (cache == null) {
            long cacheBytes = Long.parseLong(String.valueOf(configs.getOrDefault(BLOCK_CACHE_BYTES, 64L << 20)));
            long bufferBytes = Long.parseLong(String.valueOf(configs.getOrDefault(WRITE_BUFFER_BYTES, 32L << 20)));
            cache = new LRUCache(cacheBytes, -1, false, 0.1);
            writeBufferManager = new WriteBufferManager(bufferBytes, cache);
        }
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        initialise(configs);
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(cache);
        table.setCacheIndexAndFilterBlocks(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(writeBufferManager);
        options.setMaxWriteBufferNumber(3);
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // the cache and the write buffer manager are shared by every store: never closed per store
    }
}
