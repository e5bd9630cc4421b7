package io.dossierpulse.broker;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real single-node Apache Kafka broker in KRaft mode (combined broker and controller), run inside
 * this JVM from the Kafka jars. Used by the demo when no external cluster is configured, and by the
 * integration tests. Its log directory survives restarts, so a stopped demo resumes where it was.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private final KafkaRaftServer server;
    private final String bootstrapServers;

    private EmbeddedKafkaBroker(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Formats the directory if it is new, then starts the broker.
     *
     * @param dataDir        where the broker keeps its log and metadata
     * @param host           the address to listen on, e.g. 127.0.0.1
     * @param port           the client port
     * @param controllerPort the KRaft controller port
     */
    public static EmbeddedKafkaBroker start(Path dataDir, String host, int port, int controllerPort) {
        return start(dataDir, host, 1, new int[] {port}, new int[] {controllerPort}, null);
    }

    /**
     * Starts node {@code nodeId} (1-based) of a cluster of {@code ports.length} combined brokers and
     * controllers: every internal topic then has three replicas (two in sync), as in production.
     *
     * @param clusterId the cluster's id, the same for every node; null for a single node's own
     */
    public static EmbeddedKafkaBroker start(Path dataDir, String host, int nodeId, int[] ports, int[] controllerPorts,
            String clusterId) {
        int port = ports[nodeId - 1];
        try {
            Path logDir = dataDir.toAbsolutePath().resolve("kraft-logs");
            Files.createDirectories(logDir);
            Properties props = brokerProperties(logDir, host, port, controllerPorts[nodeId - 1]);
            if (ports.length > 1) {
                clusterProperties(props, host, nodeId, controllerPorts);
            }
            return start(logDir, props, nodeId, clusterId, host + ":" + port);
        } catch (IOException e) {
            throw new IllegalStateException("cannot prepare the broker directory " + dataDir, e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the embedded Kafka broker on " + host + ":" + port, e);
        }
    }

    /**
     * Starts a node with the given broker properties (a single node's from {@link #brokerProperties},
     * changed by the caller: the security tests add SASL_SSL listeners and an authorizer).
     */
    public static EmbeddedKafkaBroker start(Path logDir, Properties props, int nodeId, String clusterId,
            String bootstrapServers) {
        try {
            KafkaConfig config = KafkaConfig.fromProps(props, false);
            format(logDir, nodeId, clusterId == null ? Uuid.randomUuid().toString() : clusterId);
            KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
            return new EmbeddedKafkaBroker(server, bootstrapServers);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the embedded Kafka broker for " + bootstrapServers, e);
        }
    }

    /** A single node's properties: PLAINTEXT clients on {@code port}, the KRaft controller on {@code controllerPort}. */
    public static Properties brokerProperties(Path logDir, String host, int port, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@" + host + ":" + controllerPort);
        p.put("listeners", "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        // One node: every internal topic has a single replica.
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // Topics are created explicitly with their partition counts; a typo must not create one.
        p.put("auto.create.topics.enable", "false");
        p.put("num.partitions", "1");
        return p;
    }

    private static void clusterProperties(Properties p, String host, int nodeId, int[] controllerPorts) {
        StringBuilder voters = new StringBuilder();
        for (int i = 0; i < controllerPorts.length; i++) {
            voters.append(i == 0 ? "" : ",").append(i + 1).append('@').append(host).append(':').append(controllerPorts[i]);
        }
        int replicas = Math.min(3, controllerPorts.length);
        String inSync = Integer.toString(Math.max(1, replicas - 1));
        p.put("node.id", Integer.toString(nodeId));
        p.put("controller.quorum.voters", voters.toString());
        p.put("offsets.topic.replication.factor", Integer.toString(replicas));
        p.put("transaction.state.log.replication.factor", Integer.toString(replicas));
        p.put("transaction.state.log.min.isr", inSync);
        p.put("share.coordinator.state.topic.replication.factor", Integer.toString(replicas));
        p.put("share.coordinator.state.topic.min.isr", inSync);
        p.put("default.replication.factor", Integer.toString(replicas));
        p.put("min.insync.replicas", inSync);
    }

    private static void format(Path logDir, int nodeId, String clusterId) throws Exception {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setClusterId(clusterId)
                .setNodeId(nodeId)
                .setControllerListenerName("CONTROLLER")
                .setMetadataLogDirectory(logDir.toString())
                .addDirectory(logDir.toString())
                .setReleaseVersion(MetadataVersion.latestProduction())
                .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                .setUnstableFeatureVersionsEnabled(false)
                .setIgnoreFormatted(true)
                .run();
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
