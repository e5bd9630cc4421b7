package io.dossierpulse.faults;

import io.dossierpulse.broker.EmbeddedKafkaBroker;
import io.dossierpulse.streams.TopicInitializer;
import io.dossierpulse.support.KafkaBrokerResource;
import io.dossierpulse.support.ServiceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A broker (in this JVM, restartable on its ports and directory) and up to {@link #SLOTS} instances
 * of the packaged service as child processes. An instance keeps its HTTP port, JGroups port and
 * state directory across restarts, as a pod keeps its name and volume; the serving view is
 * replicated between the instances.
 */
final class FaultRig implements AutoCloseable {

    static final int SLOTS = 3;
    static final int PARTITIONS = 6;
    static final List<String> TOPICS = io.dossierpulse.streams.TopologySettings.defaults().topics();
    private static final Duration READY = Duration.ofSeconds(120);
    /**
     * The traffic is history fed in order: a partition quiet for idle-to-live is caught up and its
     * deadlines go by the wall clock (docs/architecture.md). The faults stall the feed for seconds (a
     * leader election, a first request, a rebalance), so the suite runs as a history import would be
     * run, with a longer idle-to-live than those stalls.
     */
    static final String IDLE_TO_LIVE = "15S";

    final Path dir;
    private final String name;
    private final int brokerPort;
    private final int controllerPort;
    private final int[] httpPorts = new int[SLOTS];
    private final int[] viewPorts = new int[SLOTS];
    private final ServiceProcess[] instances = new ServiceProcess[SLOTS];
    private final Map<String, String> extra = new HashMap<>();
    private EmbeddedKafkaBroker broker;
    private String bootstrap;

    FaultRig(String name) throws IOException {
        this.name = name;
        this.dir = Files.createTempDirectory("pulse-fault-" + name);
        brokerPort = KafkaBrokerResource.freePort();
        controllerPort = KafkaBrokerResource.freePort();
        for (int i = 0; i < SLOTS; i++) {
            httpPorts[i] = KafkaBrokerResource.freePort();
            viewPorts[i] = KafkaBrokerResource.freePort();
        }
    }

    /** Settings every instance gets (system properties), added to the rig's own. */
    FaultRig with(String key, String value) {
        extra.put(key, value);
        return this;
    }

    FaultRig startBroker() {
        broker = EmbeddedKafkaBroker.start(dir.resolve("broker"), "127.0.0.1", brokerPort, controllerPort);
        bootstrap = broker.bootstrapServers();
        return this;
    }

    /** Uses brokers started elsewhere (the three-broker cluster). */
    FaultRig useBrokers(String bootstrapServers) {
        bootstrap = bootstrapServers;
        return this;
    }

    void stopBroker() {
        broker.close();
        broker = null;
    }

    FaultRig createTopics(short replication) throws InterruptedException {
        TopicInitializer.ensureTopics(bootstrap, PARTITIONS, replication, TOPICS);
        return this;
    }

    String bootstrap() {
        return bootstrap;
    }

    ServiceProcess instance(int slot) {
        return instances[slot];
    }

    /** Starts (or restarts) the instance in a slot and waits until it is ready; returns the milliseconds that took. */
    long start(int slot) throws Exception {
        long t0 = System.nanoTime();
        instances[slot] = ServiceProcess.start(bootstrap, dir.resolve("state-" + slot), httpPorts[slot], settings(slot));
        instances[slot].awaitReady(READY);
        return (System.nanoTime() - t0) / 1_000_000;
    }

    /** Starts (or restarts) the instance in a slot without waiting for it. */
    void launch(int slot) throws IOException {
        instances[slot] = ServiceProcess.start(bootstrap, dir.resolve("state-" + slot), httpPorts[slot], settings(slot));
    }

    /** Waits until the instance in a slot is ready; returns the milliseconds waited. */
    long awaitReady(int slot) throws Exception {
        long t0 = System.nanoTime();
        instances[slot].awaitReady(READY);
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private Map<String, String> settings(int slot) {
        StringBuilder members = new StringBuilder();
        for (int i = 0; i < SLOTS; i++) {
            members.append(i == 0 ? "" : ",").append("127.0.0.1[").append(viewPorts[i]).append(']');
        }
        Map<String, String> s = new HashMap<>(Map.of("pulse.view.mode", "REPLICATED",
                "pulse.view.bind-port", Integer.toString(viewPorts[slot]), "pulse.view.port-range", "0",
                "pulse.view.initial-hosts", members.toString(), "pulse.view.cluster-name", "fault-" + name + "-" + brokerPort,
                // The traffic is dated 2025: keep its counters.
                "pulse.view.retention-days", "3660",
                "pulse.sla.idle-to-live", IDLE_TO_LIVE, "pulse.cluster.secret", "fault-rig-" + name));
        s.putAll(extra);
        return s;
    }

    /** kill -9. */
    void kill(int slot) throws InterruptedException {
        instances[slot].kill();
    }

    /** A graceful stop (SIGTERM), as a scale-down does. */
    void stop(int slot) throws InterruptedException {
        instances[slot].close();
        instances[slot] = null;
    }

    /** One line per run in target/fault-report.txt, the source of docs/reliability.md's table. */
    static void report(String fault, int runs, int events, String result, String timeToServe) throws IOException {
        String line = String.format("%s | %d | %,d | %s | %s%n", fault, runs, events, result, timeToServe);
        System.out.print("FAULT-REPORT " + line);
        Path report = Path.of("target", "fault-report.txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Override
    public void close() throws Exception {
        for (int i = 0; i < SLOTS; i++) {
            if (instances[i] != null) {
                instances[i].close();
            }
        }
        if (broker != null) {
            broker.close();
        }
    }
}
