package io.dossierpulse.support;

import io.dossierpulse.broker.EmbeddedKafkaBroker;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A real single-node KRaft broker for {@code @QuarkusTest}s, on free ports in a fresh directory. */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedKafkaBroker broker;
    private Path stateDir;

    @Override
    public Map<String, String> start() {
        try {
            Path dir = Files.createTempDirectory("pulse-broker");
            broker = EmbeddedKafkaBroker.start(dir, "127.0.0.1", freePort(), freePort());
            stateDir = Files.createTempDirectory("pulse-state");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // A fresh broker needs fresh Kafka Streams state: stale checkpoints would point past its logs.
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers(),
                "pulse.state-dir", stateDir.toString());
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    /**
     * A port free now, below the kernel's ephemeral range (32768 and up on Linux): a port handed out
     * by the kernel could be taken by any outgoing connection (a broker's, a client's) before the
     * child process that was given it binds it. Ports are spread by a random start and taken in turn.
     */
    public static int freePort() throws IOException {
        for (int i = 0; i < 2000; i++) {
            int port = LOW_PORTS + (int) (NEXT_PORT.getAndIncrement() % LOW_PORT_COUNT);
            try (ServerSocket s = new ServerSocket()) {
                s.setReuseAddress(false);
                s.bind(new java.net.InetSocketAddress("0.0.0.0", port));
                return port;
            } catch (IOException taken) {
                // in use: try the next one
            }
        }
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static final int LOW_PORTS = 20_000;
    private static final int LOW_PORT_COUNT = 12_000;
    /** Forked test JVMs start at different places, so two of them rarely offer the same port. */
    private static final java.util.concurrent.atomic.AtomicLong NEXT_PORT =
            new java.util.concurrent.atomic.AtomicLong(new java.util.Random().nextInt(LOW_PORT_COUNT));
}
