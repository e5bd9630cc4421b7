package io.dossierpulse.api;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dossierpulse.broker.EmbeddedKafkaBroker;
import io.dossierpulse.streams.TopicInitializer;
import io.dossierpulse.support.KafkaBrokerResource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The SLA feed's follower against a real broker that is not there yet: its consumer fails at start
 * (metadata timeout), is replaced with backoff, and follows the topic once the broker comes up.
 */
class TopicFollowerTest {

    @Test
    void aFollowerThatFailsAtStartKeepsTryingAndFollowsOnceTheBrokerIsUp() throws Exception {
        int port = KafkaBrokerResource.freePort();
        String bootstrap = "127.0.0.1:" + port;
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "200");
        List<String> received = new CopyOnWriteArrayList<>();
        TopicFollower follower = new TopicFollower(
                () -> new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer()), "follow-me",
                r -> received.add(new String(r.value(), StandardCharsets.UTF_8)), Duration.ofMillis(100),
                Duration.ofMillis(400), Duration.ofMillis(500));
        follower.start("follower-under-test");
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> follower.restarts() >= 2);
            assertEquals(TopicFollower.State.RESTARTING, follower.state());
            assertTrue(follower.lastFailure().contains("Timeout"), follower.lastFailure());

            Path dir = Files.createTempDirectory("pulse-follower");
            try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir, "127.0.0.1", port,
                    KafkaBrokerResource.freePort())) {
                TopicInitializer.ensureTopics(bootstrap, 2, (short) 1, List.of("follow-me"));
                await().atMost(Duration.ofSeconds(60)).until(() -> follower.state() == TopicFollower.State.FOLLOWING);
                Properties pp = new Properties();
                pp.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
                try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(pp, new StringSerializer(),
                        new ByteArraySerializer())) {
                    producer.send(new ProducerRecord<>("follow-me", "k", "hello".getBytes(StandardCharsets.UTF_8))).get();
                }
                await().atMost(Duration.ofSeconds(30)).until(() -> received.contains("hello"));
                assertEquals(List.of("hello"), received);
            }
        } finally {
            follower.stop();
        }
        assertEquals(TopicFollower.State.STOPPED, follower.state());
    }
}
