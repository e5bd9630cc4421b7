package io.dossierpulse.perf.probe;

import io.dossierpulse.perf.stage.ServiceChild;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The service's memory at one moment: what the kernel counts for the process (/proc/PID/status),
 * what the JVM reports on /q/metrics, and the size of the Kafka Streams state directory. RocksDB's
 * block cache and memtables are native: they show in the RSS, not in the heap.
 *
 * @param rssBytes          VmRSS, resident now
 * @param hwmBytes          VmHWM, the highest resident size since the process started
 * @param rssAnonBytes      RssAnon: heap, native allocations (RocksDB), thread stacks
 * @param rssFileBytes      RssFile: mapped files (the JDK's modules, jars)
 * @param heapUsedBytes     jvm_memory_used_bytes, area="heap", summed over the pools
 * @param heapCommittedBytes jvm_memory_committed_bytes, area="heap"
 * @param heapMaxBytes      the largest jvm_memory_max_bytes of a heap pool (G1: the old generation, which is
 *                          the heap's maximum)
 * @param nonHeapUsedBytes  jvm_memory_used_bytes, area="nonheap" (metaspace, code cache)
 * @param nonHeapCommittedBytes jvm_memory_committed_bytes, area="nonheap"
 * @param stateDirBytes     bytes of the files under the state directory
 */
public record MemorySnapshot(long rssBytes, long hwmBytes, long rssAnonBytes, long rssFileBytes, long heapUsedBytes,
        long heapCommittedBytes, long heapMaxBytes, long nonHeapUsedBytes, long nonHeapCommittedBytes,
        long stateDirBytes) {

    public static MemorySnapshot take(ServiceChild child, MetricsScrape m, Path stateDir) throws IOException {
        Map<String, Long> status = procStatus(child.pid());
        return new MemorySnapshot(status.getOrDefault("VmRSS", -1L), status.getOrDefault("VmHWM", -1L),
                status.getOrDefault("RssAnon", -1L), status.getOrDefault("RssFile", -1L),
                (long) m.sum("jvm_memory_used_bytes", "area=heap"),
                (long) m.sum("jvm_memory_committed_bytes", "area=heap"),
                (long) m.max("jvm_memory_max_bytes", "area=heap"),
                (long) m.sum("jvm_memory_used_bytes", "area=nonheap"),
                (long) m.sum("jvm_memory_committed_bytes", "area=nonheap"), treeSize(stateDir));
    }

    /** The "kB" fields of /proc/PID/status, in bytes. */
    static Map<String, Long> procStatus(long pid) throws IOException {
        Map<String, Long> out = new HashMap<>();
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            int colon = line.indexOf(':');
            String value = line.substring(colon + 1).trim();
            if (colon > 0 && value.endsWith(" kB")) {
                out.put(line.substring(0, colon), Long.parseLong(value.substring(0, value.length() - 3).trim()) << 10);
            }
        }
        return out;
    }

    /** Bytes of the regular files under a directory; files deleted while walking are skipped. */
    public static long treeSize(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.mapToLong(p -> {
                try {
                    return Files.isRegularFile(p) ? Files.size(p) : 0;
                } catch (NoSuchFileException gone) {
                    return 0;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    public String describe() {
        return String.format("RSS %s (high-water %s; anonymous %s, files %s); heap used %s of %s committed"
                + " (max %s); non-heap used %s, committed %s; RSS beyond the committed heap and non-heap %s;"
                + " state directory %s", mb(rssBytes), mb(hwmBytes), mb(rssAnonBytes), mb(rssFileBytes),
                mb(heapUsedBytes), mb(heapCommittedBytes), mb(heapMaxBytes), mb(nonHeapUsedBytes),
                mb(nonHeapCommittedBytes), mb(rssBytes - heapCommittedBytes - nonHeapCommittedBytes),
                mb(stateDirBytes));
    }

    public static String mb(long bytes) {
        return String.format("%,.1f MB", bytes / 1048576.0);
    }
}
