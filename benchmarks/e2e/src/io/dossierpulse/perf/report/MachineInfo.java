package io.dossierpulse.perf.report;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.streams.KafkaStreams;

/** What the figures were measured on, printed before anything runs. */
public final class MachineInfo {

    private MachineInfo() {
    }

    public static List<String> lines(Path dataDir) {
        List<String> out = new ArrayList<>();
        Runtime rt = Runtime.getRuntime();
        out.add(String.format("machine: %d cores (%s), %s memory, %s %s %s", rt.availableProcessors(), cpuModel(),
                totalMemory(), System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("os.arch")));
        out.add(String.format("load average at start: %s", loadAverage()));
        out.add(String.format("JVM: %s %s (%s), heap max %d MB, GC %s", System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), System.getProperty("java.vm.vendor"),
                rt.maxMemory() >> 20, ManagementFactory.getGarbageCollectorMXBeans().stream()
                        .map(GarbageCollectorMXBean::getName).collect(Collectors.joining(", "))));
        out.add("JVM options: " + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        out.add(String.format("service classes: %s (repository at %s)", System.getProperty("e2e.classes", "?"),
                System.getProperty("e2e.commit", "?")));
        out.add(String.format("Kafka %s (clients, Streams and the embedded KRaft broker), RocksDB %s", kafkaVersion(),
                rocksDbVersion()));
        try {
            out.add(String.format("broker data in %s, %d GB free", dataDir.toAbsolutePath(),
                    Files.getFileStore(dataDir).getUsableSpace() >> 30));
        } catch (IOException e) {
            out.add("broker data in " + dataDir.toAbsolutePath());
        }
        return out;
    }

    public static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
        } catch (IOException | RuntimeException e) {
            return "unknown CPU";
        }
    }

    private static String totalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return (os.getTotalMemorySize() >> 30) + " GiB";
        }
        return "unknown";
    }

    /**
     * The clients' version, from the file kafka-clients carries: the class that reads it (AppInfoParser)
     * moved to an internal package in Kafka 4.2.
     */
    private static String kafkaVersion() {
        Properties p = new Properties();
        ClassLoader loader = KafkaStreams.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream("kafka/kafka-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // unknown, below
        }
        return p.getProperty("version", "(version unknown)");
    }

    private static String rocksDbVersion() {
        try {
            org.rocksdb.RocksDB.loadLibrary();
            return org.rocksdb.RocksDB.rocksdbVersion().toString();
        } catch (Throwable t) {
            return "(version unknown)";
        }
    }
}
