package io.dossierpulse;

import io.dossierpulse.broker.BrokerSettings;
import io.dossierpulse.broker.EmbeddedKafkaBroker;
import io.dossierpulse.feed.GeneratorCli;
import io.dossierpulse.security.TokenCli;
import io.dossierpulse.streams.TopicInitializer;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Entry point. {@code generate ...} runs the traffic generator CLI, {@code token ...} prints a local
 * bearer token (see TokenCli). Otherwise the service starts;
 * without an external {@code kafka.bootstrap.servers} (demo and dev only, see {@link BrokerSettings}) a
 * real single-node broker is started first and stopped only after the service has shut down, so
 * Kafka Streams can commit and close cleanly.
 */
@QuarkusMain
public final class DossierPulseMain {

    private static final Logger LOG = Logger.getLogger(DossierPulseMain.class);

    public static void main(String... args) {
        if (args.length > 0 && args[0].equals("generate")) {
            System.exit(GeneratorCli.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && args[0].equals("dlq")) {
            System.exit(io.dossierpulse.feed.DeadLetterCli.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && args[0].equals("token")) {
            System.exit(TokenCli.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        BrokerSettings settings = BrokerSettings.fromEnvironment();
        // Kafka Streams connects as every other client does: the kafka.* security settings.
        io.dossierpulse.app.KafkaClientSettings.mirrorToKafkaStreams();
        internalTopicDurability();
        quietBrokerLogs();
        if (settings.externalBootstrap().isPresent()) {
            Quarkus.run(Service.class, args);
            return;
        }
        if (!settings.embeddedAllowed()) {
            System.err.println("No Kafka cluster configured: set KAFKA_BOOTSTRAP_SERVERS (kafka.bootstrap.servers). "
                    + "A broker inside the process starts only in the demo and dev profiles or with "
                    + "PULSE_BROKER_EMBEDDED=true (pulse.broker.embedded).");
            System.exit(2);
        }
        EmbeddedKafkaBroker broker;
        try {
            broker = EmbeddedKafkaBroker.start(settings.dataDir(), settings.host(), settings.port(),
                    settings.controllerPort());
        } catch (NoClassDefFoundError e) {
            // The production build leaves the broker's jars out (pom.xml, broker.scope).
            System.err.println("This build of Dossier Pulse has no embedded Kafka broker (" + e.getMessage()
                    + "): set KAFKA_BOOTSTRAP_SERVERS, or build the demo with ./mvnw -Pdemo package (bin/demo does).");
            System.exit(2);
            return;
        }
        try {
            // Nothing of this process produces yet: whatever transaction is open now, a kill left behind.
            io.dossierpulse.broker.HangingTransactions.abortAll(broker.bootstrapServers());
        } catch (Exception e) {
            LOG.errorf(e, "Could not check the embedded broker for transactions left open by an unclean stop");
        }
        System.setProperty("kafka.bootstrap.servers", broker.bootstrapServers());
        LOG.infof("Embedded Kafka broker listening on %s, data in %s", broker.bootstrapServers(),
                settings.dataDir().toAbsolutePath());

        // On Ctrl-C the JVM runs shutdown hooks concurrently: hold ours until the broker is closed.
        CountDownLatch brokerClosed = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            try {
                brokerClosed.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "embedded-broker-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);

        int[] exitCode = {0};
        Quarkus.run(Service.class, (code, failure) -> {
            exitCode[0] = code;
            if (failure != null) {
                failure.printStackTrace();
            }
        }, args);
        broker.close();
        brokerClosed.countDown();
        // Quarkus has closed logging by now.
        System.err.println("Embedded Kafka broker stopped");
        boolean shuttingDown;
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
            shuttingDown = false;
        } catch (IllegalStateException alreadyShuttingDown) {
            shuttingDown = true;
        }
        if (!shuttingDown) {
            System.exit(exitCode[0]);
        }
    }

    /**
     * Kafka Streams' internal topics (changelogs) get the same {@code min.insync.replicas} as the
     * topics the service creates, unless set explicitly; Kafka Streams reads it from its own settings.
     */
    private static void internalTopicDurability() {
        String key = "kafka-streams.topic.min.insync.replicas";
        if (BrokerSettings.setting(key).isEmpty()) {
            short rf = Short.parseShort(BrokerSettings.setting("pulse.topics.replication-factor").orElse("1"));
            java.util.OptionalInt configured = BrokerSettings.setting("pulse.topics.min-insync-replicas")
                    .map(v -> java.util.OptionalInt.of(Integer.parseInt(v))).orElse(java.util.OptionalInt.empty());
            System.setProperty(key, Integer.toString(TopicInitializer.minInsyncReplicas(rf, configured)));
        }
    }

    /** Kept so the levels hold until Quarkus configures logging (java.util.logging keeps loggers weakly). */
    private static final java.util.List<java.util.logging.Logger> QUIETED = new java.util.ArrayList<>();

    /** The broker starts before Quarkus has configured logging; its INFO chatter would flood the console. */
    private static void quietBrokerLogs() {
        for (String name : new String[] {"kafka", "org.apache.kafka", "state.change.logger"}) {
            java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
            logger.setLevel(java.util.logging.Level.WARNING);
            QUIETED.add(logger);
        }
    }

    /** The service itself: serve until asked to stop. */
    public static final class Service implements QuarkusApplication {
        @Override
        public int run(String... args) {
            Quarkus.waitForExit();
            return 0;
        }
    }
}
