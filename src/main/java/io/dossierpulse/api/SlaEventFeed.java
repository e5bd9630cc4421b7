package io.dossierpulse.api;

import io.dossierpulse.streams.PulseConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dossierpulse.domain.sla.SlaEventType;
import io.dossierpulse.live.FeedRing;
import io.dossierpulse.live.SlaTrend;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Follows {@code dossier.sla-events} (committed records only, from {@code pulse.sse.history} back)
 * into a {@link FeedRing} that every server-sent-event subscriber reads from ({@link LiveStream}),
 * and counts the announcements per hour for the trends ({@link SlaTrend}). Each instance follows the
 * whole topic, so any instance serves the feed. The follower restarts after any failure; readiness
 * reports it ({@link SlaEventFeedReadinessCheck}).
 */
@ApplicationScoped
public class SlaEventFeed {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(SlaEventFeed.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RECENT = 100;
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /** Hours of announcements kept for the trends: the daily trend's 14 days and today. */
    static final int TREND_HOURS = 15 * 24;
    /** Deadlines this far past this instance's clock still count (another instance's clock may run ahead). */
    static final long CLOCK_SKEW_SECONDS = 60;

    private final SlaTrend trend = new SlaTrend(TREND_HOURS);
    private volatile FeedRing ring = new FeedRing(1, "none");
    private StreamSlots slots;
    private TopicFollower follower;

    @ConfigProperty(name = "quarkus.kafka-streams.bootstrap-servers")
    String bootstrap;

    void start(@Observes StartupEvent ev, PulseConfig config, MeterRegistry registry) {
        // The run mark makes ids of an earlier run or another instance unknown here (a reset, not a wrong resume).
        ring = new FeedRing(config.sse().resumeBuffer(), Long.toString(System.currentTimeMillis(), 36));
        slots = new StreamSlots(config.sse().maxStreams(), config.sse().maxStreamsPerClient());
        Properties p = new Properties();
        p.putAll(io.dossierpulse.app.KafkaClientSettings.forClient(bootstrap, "dossier-pulse-sla-feed"));
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        follower = new TopicFollower(() -> new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer()),
                config.topics().slaEvents(), this::publish, FIRST_BACKOFF, MAX_BACKOFF, Duration.ofSeconds(30))
                .startingBack(config.sse().history());
        FunctionCounter.builder("pulse.sla.feed.restarts", follower, TopicFollower::restarts)
                .description("Times the SLA event feed's consumer failed and was replaced").register(registry);
        follower.start("sla-event-feed");
    }

    private void publish(ConsumerRecord<String, byte[]> r) {
        // Either content mode of the CloudEvents binding; subscribers always get the whole event.
        String json = io.dossierpulse.streams.SlaEventCodec.structured(r.headers(), r.value());
        ring.append(json);
        try {
            JsonNode data = JSON.readTree(json).path("data");
            trend.record(SlaEventType.valueOf(data.path("kind").asText()),
                    java.time.OffsetDateTime.parse(data.path("deadline").asText()).toInstant(),
                    java.time.Instant.now().plusSeconds(CLOCK_SKEW_SECONDS));
        } catch (Exception e) { // the topic's own writer made it: unreadable means a bug, not input
            LOG.warnf("SLA event at %s-%d/%d not counted in the trends: %s", r.topic(), r.partition(), r.offset(), e);
        }
    }

    void stop(@Observes ShutdownEvent ev) throws InterruptedException {
        if (follower != null) {
            follower.stop();
        }
    }

    /** Whether the feed is following its topic now, and if not, its last failure. */
    TopicFollower follower() {
        return follower;
    }

    /** The events every subscriber reads from. */
    FeedRing ring() {
        return ring;
    }

    /** The open event streams of this instance, against their bounds. */
    StreamSlots slots() {
        return slots;
    }

    /** Announcements per kind and hour of their deadline. */
    public SlaTrend trend() {
        return trend;
    }

    /** The latest SLA events seen by this instance, newest first. */
    public List<String> recent() {
        return ring.latest(RECENT);
    }
}
