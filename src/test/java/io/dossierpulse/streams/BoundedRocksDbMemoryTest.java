package io.dossierpulse.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

class BoundedRocksDbMemoryTest {

    static {
        RocksDB.loadLibrary();
    }

    @Test
    void everyStoreGetsTheSameCacheAndWriteBufferManager() {
        BoundedRocksDbMemory setter = new BoundedRocksDbMemory();
        Map<String, Object> configs = Map.of(BoundedRocksDbMemory.TOTAL_BYTES, String.valueOf(BoundedRocksDbMemory.DEFAULT_TOTAL_BYTES));
        try (Options a = withTable(); Options b = withTable()) {
            setter.setConfig("dossiers", a, configs);
            setter.setConfig("counters", b, configs);
            BlockBasedTableConfig ta = (BlockBasedTableConfig) a.tableFormatConfig();
            BlockBasedTableConfig tb = (BlockBasedTableConfig) b.tableFormatConfig();
            assertTrue(ta.cacheIndexAndFilterBlocks(), "index and filter blocks are charged to the cache");
            assertTrue(ta.pinTopLevelIndexAndFilter());
            assertNotNull(a.writeBufferManager());
            assertSame(a.writeBufferManager(), b.writeBufferManager());
            assertTrue(tb.cacheIndexAndFilterBlocksWithHighPriority());
        }
    }

    @Test
    void aSecondSizeInTheSameJvmIsRefused() {
        BoundedRocksDbMemory setter = new BoundedRocksDbMemory();
        try (Options first = withTable(); Options other = withTable()) {
            setter.setConfig("dossiers", first, Map.of());
            Map<String, Object> bigger = Map.of(BoundedRocksDbMemory.TOTAL_BYTES,
                    String.valueOf(BoundedRocksDbMemory.DEFAULT_TOTAL_BYTES * 2));
            assertThrows(IllegalStateException.class, () -> setter.setConfig("held-events", other, bigger));
        }
    }

    @Test
    void sizesAndSharesAreParsedAndChecked() {
        assertEquals(BoundedRocksDbMemory.DEFAULT_TOTAL_BYTES, BoundedRocksDbMemory.bytes(null, BoundedRocksDbMemory.DEFAULT_TOTAL_BYTES));
        assertEquals(BoundedRocksDbMemory.DEFAULT_TOTAL_BYTES, BoundedRocksDbMemory.bytes(" ", BoundedRocksDbMemory.DEFAULT_TOTAL_BYTES));
        assertEquals(536_870_912L, BoundedRocksDbMemory.bytes(" 536870912 ", 1));
        assertThrows(IllegalArgumentException.class, () -> BoundedRocksDbMemory.bytes("1024", 1));
        assertThrows(NumberFormatException.class, () -> BoundedRocksDbMemory.bytes("lots", 1));
        assertEquals(BoundedRocksDbMemory.DEFAULT_WRITE_BUFFER_SHARE, BoundedRocksDbMemory.share(null));
        assertEquals(0.5, BoundedRocksDbMemory.share("0.5"));
        assertThrows(IllegalArgumentException.class, () -> BoundedRocksDbMemory.share("1"));
        assertThrows(IllegalArgumentException.class, () -> BoundedRocksDbMemory.share("0"));
        assertThrows(IllegalArgumentException.class, () -> BoundedRocksDbMemory.share("NaN"));
    }

    private static Options withTable() {
        Options o = new Options();
        o.setTableFormatConfig(new BlockBasedTableConfig());
        return o;
    }
}
