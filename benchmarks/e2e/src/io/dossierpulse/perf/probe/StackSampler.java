package io.dossierpulse.perf.probe;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Samples the stack of the Kafka Streams stream threads at a fixed wall-clock interval, whatever
 * they are doing, including time spent in native code (RocksDB): JFR's execution sampler skips
 * threads in native methods and its native sampler takes only one thread per period, which hides
 * how much of the stream thread RocksDB takes. Each sample is counted under its leaf frame and under
 * the innermost frame of the service's own code (the code that led there).
 */
public final class StackSampler implements AutoCloseable {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final String PRODUCT = "io.dossierpulse.";

    private final long intervalMillis;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Map<String, Integer> byLeaf = new HashMap<>();
    private final Map<String, Integer> byProductFrame = new HashMap<>();
    private final Map<String, Integer> byPath = new HashMap<>();
    private final Thread thread;
    private int samples;
    private int runnable;

    private StackSampler(long intervalMillis) {
        this.intervalMillis = intervalMillis;
        this.thread = new Thread(this::loop, "e2e-stack-sampler");
        this.thread.setDaemon(true);
    }

    /** Starts sampling; null when the interval is 0 (off). */
    public static StackSampler start(long intervalMillis) {
        if (intervalMillis <= 0) {
            return null;
        }
        StackSampler s = new StackSampler(intervalMillis);
        s.thread.start();
        return s;
    }

    private void loop() {
        long[] ids = new long[0];
        long idsAt = 0;
        while (running.get()) {
            long now = System.nanoTime();
            if (ids.length == 0 || now - idsAt > 1_000_000_000L) {
                ids = streamThreads();
                idsAt = now;
            }
            if (ids.length > 0) {
                for (ThreadInfo info : THREADS.getThreadInfo(ids, 64)) {
                    if (info != null) {
                        record(info);
                    }
                }
            }
            try {
                Thread.sleep(intervalMillis);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Ids of the live stream threads (not their producers' I/O threads), found by name. */
    private static long[] streamThreads() {
        List<Long> found = new ArrayList<>();
        long[] all = THREADS.getAllThreadIds();
        ThreadInfo[] infos = THREADS.getThreadInfo(all);
        for (int i = 0; i < all.length; i++) {
            if (infos[i] != null && infos[i].getThreadName().contains("StreamThread-")
                    && !infos[i].getThreadName().startsWith("kafka-producer")) {
                found.add(all[i]);
            }
        }
        return found.stream().mapToLong(Long::longValue).toArray();
    }

    private synchronized void record(ThreadInfo info) {
        StackTraceElement[] stack = info.getStackTrace();
        if (stack.length == 0) {
            return;
        }
        samples++;
        if (info.getThreadState() == Thread.State.RUNNABLE) {
            runnable++;
        }
        String leaf = frame(stack[0]);
        String product = "(no service frame)";
        for (StackTraceElement e : stack) {
            if (e.getClassName().startsWith(PRODUCT)) {
                product = frame(e);
                break;
            }
        }
        byLeaf.merge(info.getThreadState() + " " + leaf, 1, Integer::sum);
        byProductFrame.merge(product, 1, Integer::sum);
        byPath.merge(product + " -> " + leaf, 1, Integer::sum);
    }

    private static String frame(StackTraceElement e) {
        String cls = e.getClassName();
        return cls.substring(cls.lastIndexOf('.') + 1) + "." + e.getMethodName();
    }

    /** Stops sampling and summarises. */
    public synchronized List<String> summary() {
        close();
        List<String> out = new ArrayList<>();
        out.add(String.format("stream thread stack samples every %d ms: %d, %.0f%% runnable (in Java or native code)",
                intervalMillis, samples, samples == 0 ? 0 : 100.0 * runnable / samples));
        out.add("  by innermost service frame:");
        top(byProductFrame, 10).forEach(l -> out.add("    " + l));
        out.add("  by leaf frame (thread state, method):");
        top(byLeaf, 10).forEach(l -> out.add("    " + l));
        out.add("  by service frame -> leaf frame:");
        top(byPath, 12).forEach(l -> out.add("    " + l));
        return out;
    }

    private List<String> top(Map<String, Integer> counts, int n) {
        return counts.entrySet().stream().sorted((a, b) -> Integer.compare(b.getValue(), a.getValue())).limit(n)
                .map(e -> String.format("%5.1f%%  %s", 100.0 * e.getValue() / samples, e.getKey())).toList();
    }

    @Override
    public void close() {
        running.set(false);
        thread.interrupt();
    }
}
