package io.dossierpulse.api;

import io.dossierpulse.streams.PulseConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Follows {@code dossier.sla-events} (committed records only, from the end) and fans them out to
 * server-sent-event subscribers; keeps the latest ones for a page that opens late. Each instance
 * follows the whole topic, so any instance serves the feed.
 */
@ApplicationScoped
public class SlaEventFeed {

    private static final Logger LOG = Logger.getLogger(SlaEventFeed.class);
    private static final int RECENT = 100;

    private final BroadcastProcessor<String> broadcast = BroadcastProcessor.create();
    private final Deque<String> recent = new ArrayDeque<>();
    private volatile boolean running;
    private KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    @ConfigProperty(name = "quarkus.kafka-streams.bootstrap-servers")
    String bootstrap;

    void start(@Observes StartupEvent ev, PulseConfig config) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "dossier-pulse-sla-feed");
        consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        String topic = config.topics().slaEvents();
        running = true;
        thread = new Thread(() -> follow(topic), "sla-event-feed");
        thread.setDaemon(true);
        thread.start();
    }

    private void follow(String topic) {
        try {
            // No consumer group: every instance reads every partition from the end.
            List<org.apache.kafka.common.TopicPartition> parts = new ArrayList<>();
            while (running && parts.isEmpty()) {
                var infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
                if (infos == null || infos.isEmpty()) {
                    Thread.sleep(500); // the topic is being created
                    continue;
                }
                infos.forEach(i -> parts.add(new org.apache.kafka.common.TopicPartition(topic, i.partition())));
            }
            consumer.assign(parts);
            consumer.seekToEnd(parts);
            while (running) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    String json = new String(r.value(), StandardCharsets.UTF_8);
                    synchronized (recent) {
                        recent.addFirst(json);
                        if (recent.size() > RECENT) {
                            recent.removeLast();
                        }
                    }
                    broadcast.onNext(json);
                }
            }
        } catch (WakeupException e) {
            // shutting down
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (running) {
                LOG.error("SLA event feed stopped", e);
            }
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    void stop(@Observes ShutdownEvent ev) throws InterruptedException {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
        if (thread != null) {
            thread.join(5_000);
        }
        broadcast.onComplete();
    }

    public Multi<String> stream() {
        return broadcast;
    }

    /** The latest SLA events seen by this instance, newest first. */
    public List<String> recent() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }
}
