package io.dossierpulse.perf.probe;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the CPU went during a stage: this process (per Java thread, grouped by role), the rest of
 * the machine (other processes share the cores and skew any figure), garbage collection and heap.
 * A snapshot is taken at the start of a stage and compared at its end, before anything is closed.
 */
public final class ResourceUsage {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final long wallNanos;
    private final long processCpuNanos;
    private final Map<Long, Long> threadCpu;
    private final Map<Long, String> threadNames;
    private final long gcCount;
    private final long gcMillis;
    private final long[] machineTicks;

    private ResourceUsage(long wallNanos, long processCpuNanos, Map<Long, Long> threadCpu,
            Map<Long, String> threadNames, long gcCount, long gcMillis, long[] machineTicks) {
        this.wallNanos = wallNanos;
        this.processCpuNanos = processCpuNanos;
        this.threadCpu = threadCpu;
        this.threadNames = threadNames;
        this.gcCount = gcCount;
        this.gcMillis = gcMillis;
        this.machineTicks = machineTicks;
    }

    /** Takes a snapshot; also resets the heap pools' peaks so that the delta shows this stage's peak. */
    public static ResourceUsage start() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
        return now();
    }

    public static ResourceUsage now() {
        Map<Long, Long> cpu = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        long[] ids = THREADS.getAllThreadIds();
        ThreadInfo[] infos = THREADS.getThreadInfo(ids);
        for (int i = 0; i < ids.length; i++) {
            long t = THREADS.getThreadCpuTime(ids[i]);
            if (t >= 0 && infos[i] != null) {
                cpu.put(ids[i], t);
                names.put(ids[i], infos[i].getThreadName());
            }
        }
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
            millis += Math.max(0, gc.getCollectionTime());
        }
        return new ResourceUsage(System.nanoTime(), processCpuNanos(), cpu, names, count, millis, machineTicks());
    }

    /** The difference between this snapshot and a later one. */
    public Delta until(ResourceUsage end) {
        double wall = (end.wallNanos - wallNanos) / 1e9;
        Map<String, Double> byRole = new LinkedHashMap<>();
        List<Map.Entry<String, Double>> threads = new ArrayList<>();
        double javaThreads = 0;
        for (Map.Entry<Long, Long> e : end.threadCpu.entrySet()) {
            double seconds = (e.getValue() - threadCpu.getOrDefault(e.getKey(), 0L)) / 1e9;
            if (seconds <= 0) {
                continue;
            }
            String name = end.threadNames.get(e.getKey());
            javaThreads += seconds;
            byRole.merge(role(name), seconds, Double::sum);
            threads.add(Map.entry(shortName(name), seconds));
        }
        threads.sort((a, b) -> Double.compare(b.getValue(), a.getValue()));
        double process = (end.processCpuNanos - processCpuNanos) / 1e9;
        double machineBusyCores = Double.NaN;
        if (machineTicks != null && end.machineTicks != null) {
            long busy = end.machineTicks[0] - machineTicks[0];
            long total = end.machineTicks[1] - machineTicks[1];
            machineBusyCores = total == 0 ? 0 : (double) busy / total * Runtime.getRuntime().availableProcessors();
        }
        long heapPeak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                heapPeak += pool.getPeakUsage().getUsed();
            }
        }
        return new Delta(wall, process, javaThreads, byRole, threads, machineBusyCores, end.gcCount - gcCount,
                end.gcMillis - gcMillis, heapPeak);
    }

    /**
     * @param processCpu       CPU seconds of this JVM, all threads (Java, GC, JIT, RocksDB's native threads)
     * @param javaThreadsCpu   CPU seconds of the Java threads the JVM reports
     * @param machineBusyCores average busy cores of the whole machine (NaN when /proc/stat is unreadable)
     * @param heapPeakBytes    sum of the heap pools' peaks during the stage
     */
    public record Delta(double wallSeconds, double processCpu, double javaThreadsCpu, Map<String, Double> byRole,
            List<Map.Entry<String, Double>> threads, double machineBusyCores, long gcCount, long gcMillis,
            long heapPeakBytes) {

        public double processCores() {
            return processCpu / wallSeconds;
        }

        /** Cores used by other processes on average: machine busy minus this JVM. */
        public double otherCores() {
            return Double.isNaN(machineBusyCores) ? Double.NaN : Math.max(0, machineBusyCores - processCores());
        }

        public List<String> lines() {
            List<String> out = new ArrayList<>();
            out.add(String.format("cpu: this JVM %.2f cores (%.1f s CPU in %.1f s), other processes %.2f cores, "
                    + "gc %d pauses %.2f s, heap high-water %d MB (young generation included)", processCores(),
                    processCpu, wallSeconds, otherCores(), gcCount, gcMillis / 1000.0, heapPeakBytes >> 20));
            StringBuilder roles = new StringBuilder("cpu by role (cores):");
            byRole.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
                    .forEach(e -> roles.append(String.format(" %s %.2f,", e.getKey(), e.getValue() / wallSeconds)));
            roles.append(String.format(" GC+JIT+native (RocksDB) %.2f", Math.max(0, processCpu - javaThreadsCpu)
                    / wallSeconds));
            out.add(roles.toString());
            StringBuilder top = new StringBuilder("busiest threads (cores):");
            threads.stream().limit(6).forEach(e -> top.append(String.format(" %s %.2f;", e.getKey(),
                    e.getValue() / wallSeconds)));
            out.add(top.toString());
            return out;
        }
    }

    /** Groups Java threads by what they do; the names are Kafka's and the JDK's own. */
    static String role(String name) {
        if (name.startsWith("kafka-producer-network-thread")) {
            return "producer I/O";
        }
        if (name.contains("StreamThread")) {
            return "stream threads";
        }
        if (name.matches(".*e2e-(floor|full|peer).*")) {
            return "streams other";
        }
        if (name.startsWith("kafka-admin-client-thread")) {
            return "admin client";
        }
        if (name.contains("request-handler")) {
            return "broker request handlers";
        }
        if (name.contains("network-thread") || name.contains("-acceptor-")) {
            return "broker network";
        }
        if (name.contains("log-cleaner")) {
            return "broker log cleaner";
        }
        if (name.equals("main")) {
            return "main thread";
        }
        return "broker other";
    }

    /** Drops the long application-id and client-id prefixes Kafka puts in thread names. */
    static String shortName(String name) {
        String n = name.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}-", "");
        n = n.replaceAll("e2e-(floor|full|peer)-\\d+-", "");
        return n.length() > 60 ? n.substring(0, 60) : n;
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    /** Busy and total jiffies of all cores from /proc/stat; null elsewhere. */
    private static long[] machineTicks() {
        try {
            String first = Files.readAllLines(Path.of("/proc/stat")).get(0);
            String[] f = first.trim().split("\\s+");
            long total = 0;
            // user nice system idle iowait irq softirq steal (guest time is already in user)
            for (int i = 1; i <= Math.min(8, f.length - 1); i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + (f.length > 5 ? Long.parseLong(f[5]) : 0);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
