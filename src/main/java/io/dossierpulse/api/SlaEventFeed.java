package io.dossierpulse.api;

import io.dossierpulse.streams.PulseConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Follows {@code dossier.sla-events} (committed records only, from the end) and fans them out to
 * server-sent-event subscribers; keeps the latest ones for a page that opens late. Each instance
 * follows the whole topic, so any instance serves the feed. The follower restarts after any
 * failure; readiness reports it ({@link SlaEventFeedReadinessCheck}).
 */
@ApplicationScoped
public class SlaEventFeed {

    private static final int RECENT = 100;
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private static final int SUBSCRIBER_BUFFER = 1024;
    private final BroadcastProcessor<String> broadcast = BroadcastProcessor.create();
    private final Deque<String> recent = new ArrayDeque<>();
    private TopicFollower follower;

    @ConfigProperty(name = "quarkus.kafka-streams.bootstrap-servers")
    String bootstrap;

    void start(@Observes StartupEvent ev, PulseConfig config, MeterRegistry registry) {
        Properties p = new Properties();
        p.putAll(io.dossierpulse.app.KafkaClientSettings.forClient(bootstrap, "dossier-pulse-sla-feed"));
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        follower = new TopicFollower(() -> new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer()),
                config.topics().slaEvents(), this::publish, FIRST_BACKOFF, MAX_BACKOFF, Duration.ofSeconds(30));
        FunctionCounter.builder("pulse.sla.feed.restarts", follower, TopicFollower::restarts)
                .description("Times the SLA event feed's consumer failed and was replaced").register(registry);
        follower.start("sla-event-feed");
    }

    private void publish(ConsumerRecord<String, byte[]> r) {
        // Either content mode of the CloudEvents binding; subscribers always get the whole event.
        String json = io.dossierpulse.streams.SlaEventCodec.structured(r.headers(), r.value());
        synchronized (recent) {
            recent.addFirst(json);
            if (recent.size() > RECENT) {
                recent.removeLast();
            }
        }
        broadcast.onNext(json);
    }

    void stop(@Observes ShutdownEvent ev) throws InterruptedException {
        if (follower != null) {
            follower.stop();
        }
        broadcast.onComplete();
    }

    /** Whether the feed is following its topic now, and if not, its last failure. */
    TopicFollower follower() {
        return follower;
    }

    /**
     * The live events for one subscriber, with a bounded buffer: a subscriber that falls further
     * behind sees its stream end (the dashboard reconnects and catches up from /recent) rather than
     * an error, and never holds memory without bound.
     */
    public Multi<String> stream() {
        return broadcast.onOverflow().buffer(SUBSCRIBER_BUFFER)
                .onFailure(io.smallrye.mutiny.subscription.BackPressureFailure.class).recoverWithCompletion();
    }

    /** The latest SLA events seen by this instance, newest first. */
    public List<String> recent() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }
}
