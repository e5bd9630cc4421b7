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

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
