package io.dossierpulse.streams;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds the native memory of every RocksDB store of this JVM with one block cache and one write
 * buffer manager charged to it. Without it each store instance (five stores per partition) takes its
 * own 50 MB cache and up to three 16 MB memtables, so memory grows with the partitions an instance
 * happens to own instead of being a figure an operator sets.
 *
 * <p>Configured through the Kafka Streams properties {@value #TOTAL_BYTES} (block cache, memtables,
 * index and filter blocks together) and {@value #WRITE_BUFFER_SHARE} (the part memtables may take).
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {

    public static final String TOTAL_BYTES = "rocksdb.memory.total.bytes";
    public static final String WRITE_BUFFER_SHARE = "rocksdb.memory.write.buffer.share";
    static final long DEFAULT_TOTAL_BYTES = 256L * 1024 * 1024;
    static final double DEFAULT_WRITE_BUFFER_SHARE = 0.25;
    /** Index and filter blocks go first into the high-priority pool, so data blocks never evict them. */
    private static final double HIGH_PRIORITY_SHARE = 0.1;

    private static Cache cache;
    private static WriteBufferManager writeBuffers;
    private static long sizedFor;

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        long total = bytes(configs.get(TOTAL_BYTES), DEFAULT_TOTAL_BYTES);
        double share = share(configs.get(WRITE_BUFFER_SHARE));
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(sharedCache(total, share));
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setTableFormatConfig(table);
        options.setWriteBufferManager(writeBuffers);
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and the manager are shared by every store of the JVM and live as long as it does.
    }

    private static synchronized Cache sharedCache(long total, double share) {
        if (cache == null) {
            cache = new LRUCache(total, -1, false, HIGH_PRIORITY_SHARE);
            writeBuffers = new WriteBufferManager((long) (total * share), cache);
            sizedFor = total;
        } else if (sizedFor != total) {
            throw new IllegalStateException("RocksDB memory is shared by the whole JVM: " + TOTAL_BYTES
                    + " cannot be " + total + " here and " + sizedFor + " elsewhere");
        }
        return cache;
    }

    static long bytes(Object value, long fallback) {
        if (value == null || value.toString().isBlank()) {
            return fallback;
        }
        long n = Long.parseLong(value.toString().trim());
        if (n < 16L * 1024 * 1024) {
            throw new IllegalArgumentException(TOTAL_BYTES + " must be at least 16 MiB, not " + n);
        }
        return n;
    }

    static double share(Object value) {
        if (value == null || value.toString().isBlank()) {
            return DEFAULT_WRITE_BUFFER_SHARE;
        }
        double s = Double.parseDouble(value.toString().trim());
        if (!(s > 0 && s < 1)) {
            throw new IllegalArgumentException(WRITE_BUFFER_SHARE + " must be between 0 and 1, not " + s);
        }
        return s;
    }
}
