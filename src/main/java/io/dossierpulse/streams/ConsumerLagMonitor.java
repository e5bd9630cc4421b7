package io.dossierpulse.streams;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The input lag of each partition, refreshed twice a second off the stream threads. First choice:
 * the Kafka Streams consumer's own {@code records-lag} metric. That metric is absent for a partition
 * whose fetches have returned nothing since it was (re)assigned, for example after a task is revived
 * with no new input; then the lag is the end offset minus the group's committed offset (under
 * exactly-once the commit follows processing within a commit interval). Unknown is -1: a task
 * treats it as not caught up.
 *
 * <p>The figures are vouched for only while the broker answers: when a refresh cannot reach it they
 * are all unknown (a partition is not caught up because nothing arrives while the broker is away),
 * and they stay unknown for {@link #RECONNECT_GRACE_MS} after it answers again, so that producers
 * held up by the same outage can deliver what they hold before a quiet partition counts as caught up.
 */
@Singleton
public class ConsumerLagMonitor implements InputLag {

    private static final Logger LOG = Logger.getLogger(ConsumerLagMonitor.class);
    private static final long REFRESH_MS = 500;
    /** Figures older than this (a refresh stuck on an unreachable broker) are not used. */
    static final long STALE_MS = 4 * REFRESH_MS;
    static final long RECONNECT_GRACE_MS = 10_000;

    private final String topic;
    private final String bootstrap;
    private final String applicationId;
    private volatile KafkaStreams streams;
    private volatile Map<Integer, Long> lags = Map.of();
    private volatile long refreshedAtMs;
    private volatile long vouchedFromMs;
    private boolean unreachable;
    private ScheduledExecutorService refresher;
    private Admin admin;

    ConsumerLagMonitor(PulseConfig config,
            @ConfigProperty(name = "quarkus.kafka-streams.bootstrap-servers") String bootstrap,
            @ConfigProperty(name = "quarkus.kafka-streams.application-id") String applicationId) {
        this.topic = config.topics().events();
        this.bootstrap = bootstrap;
        this.applicationId = applicationId;
    }

    void started(@Observes StartupEvent ev, KafkaStreams kafkaStreams) {
        this.streams = kafkaStreams;
        Map<String, Object> settings = io.dossierpulse.app.KafkaClientSettings.forClient(bootstrap,
                "dossier-pulse-lag-monitor");
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        this.admin = Admin.create(settings);
        refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "input-lag-monitor");
            t.setDaemon(true);
            return t;
        });
        refresher.scheduleWithFixedDelay(this::refresh, 0, REFRESH_MS, TimeUnit.MILLISECONDS);
    }

    void stopped(@Observes ShutdownEvent ev) {
        if (refresher != null) {
            refresher.shutdownNow();
        }
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(2));
        }
    }

    @Override
    public long lag(int partition) {
        long now = System.currentTimeMillis();
        if (now < vouchedFromMs || now - refreshedAtMs > STALE_MS) {
            return -1;
        }
        return lags.getOrDefault(partition, -1L);
    }

    private void refresh() {
        KafkaStreams s = streams;
        if (s == null) {
            return;
        }
        try {
            Map<Integer, Long> next = committedLags();
            if (next == null) {
                lags = Map.of();
                unreachable = true;
                return;
            }
            long now = System.currentTimeMillis();
            if (unreachable) {
                unreachable = false;
                vouchedFromMs = now + RECONNECT_GRACE_MS;
                LOG.infof("The broker answers again; input lag vouched for from %d ms on", RECONNECT_GRACE_MS);
            }
            for (Map.Entry<MetricName, ? extends Metric> e : s.metrics().entrySet()) {
                MetricName n = e.getKey();
                if (n.name().equals("records-lag") && n.group().equals("consumer-fetch-manager-metrics")
                        && topic.equals(n.tags().get("topic")) && n.tags().containsKey("partition")) {
                    Object v = e.getValue().metricValue();
                    if (v instanceof Number num && !Double.isNaN(num.doubleValue())) {
                        next.put(Integer.parseInt(n.tags().get("partition")), num.longValue());
                    }
                }
            }
            lags = next;
            refreshedAtMs = now;
        } catch (RuntimeException e) {
            LOG.debugf(e, "input lag refresh failed; every partition's lag is unknown");
            lags = Map.of();
            unreachable = true;
        }
    }

    /** End offset minus committed offset, for every partition the group has committed; null when the broker did not answer. */
    private Map<Integer, Long> committedLags() {
        Map<Integer, Long> out = new HashMap<>();
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
                    .partitionsToOffsetAndMetadata().get(2, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> ask = new HashMap<>();
            committed.keySet().stream().filter(tp -> tp.topic().equals(topic))
                    .forEach(tp -> ask.put(tp, OffsetSpec.latest()));
            if (ask.isEmpty()) {
                return out;
            }
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(ask).all()
                    .get(2, TimeUnit.SECONDS);
            for (TopicPartition tp : List.copyOf(ask.keySet())) {
                OffsetAndMetadata c = committed.get(tp);
                ListOffsetsResult.ListOffsetsResultInfo end = ends.get(tp);
                if (c != null && end != null) {
                    out.put(tp.partition(), Math.max(0, end.offset() - c.offset()));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            LOG.debugf(e, "committed offsets not available");
            return null;
        }
        return out;
    }
}
