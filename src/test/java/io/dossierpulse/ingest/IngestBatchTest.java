package io.dossierpulse.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

/**
 * The answer's deadline covers the whole request: a producer that cannot even fetch metadata (no
 * broker at its address) blocks each send for a minute, yet the answer is due at the deadline, every
 * event reported unacknowledged, and the publishing stops instead of queueing the rest behind it.
 */
class IngestBatchTest {

    @Test
    void noBrokerMeansEveryLineUnacknowledgedAtTheDeadline() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        Map<String, Object> settings = EventPublisher.producerSettings("127.0.0.1:" + port, "ingest-batch-test");
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Duration.ofMinutes(1).toMillis());
        EventPublisher publisher = new EventPublisher(settings, "dossier.events");
        try {
            Duration deadline = Duration.ofMillis(300);
            IngestBatch batch = new IngestBatch(System.nanoTime() + deadline.toNanos(), deadline.toMillis());
            batch.error(2, "MALFORMED_JSON", "not JSON");
            for (int line : List.of(1, 3, 4)) {
                batch.toPublish(line, "D-" + line, "{}".getBytes(StandardCharsets.UTF_8));
            }
            Thread publishing = new Thread(() -> batch.publishAll(publisher));
            publishing.start();
            // Well before one send's own minute runs out: only the deadline can have completed it.
            IngestAnswer answer = batch.answer().get(30, TimeUnit.SECONDS);
            assertEquals(0, answer.accepted());
            assertEquals(4, answer.rejected());
            assertEquals(List.of(1, 2, 3, 4), answer.errors().stream().map(IngestAnswer.LineError::line).toList());
            assertEquals(List.of("BROKER_UNAVAILABLE", "MALFORMED_JSON", "BROKER_UNAVAILABLE", "BROKER_UNAVAILABLE"),
                    answer.errors().stream().map(IngestAnswer.LineError::code).toList());
            assertTrue(batch.hasEvents());
            publishing.interrupt();
        } finally {
            publisher.close();
        }
    }
}
