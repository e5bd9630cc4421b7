package io.dossierpulse.streams;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The input lag of each partition, from the Kafka Streams consumer's own {@code records-lag}
 * metric (refreshed at most twice a second; reading all client metrics is not free).
 */
@Singleton
public class ConsumerLagMonitor implements InputLag {

    private static final long REFRESH_MS = 500;

    private final String topic;
    private volatile KafkaStreams streams;
    private volatile Map<Integer, Long> lags = Map.of();
    private volatile long refreshedAt;

    ConsumerLagMonitor(PulseConfig config) {
        this.topic = config.topics().events();
    }

    void started(@Observes StartupEvent ev, KafkaStreams kafkaStreams) {
        this.streams = kafkaStreams;
    }

    @Override
    public long lag(int partition) {
        long now = System.currentTimeMillis();
        if (now - refreshedAt > REFRESH_MS) {
            refresh();
            refreshedAt = now;
        }
        return lags.getOrDefault(partition, -1L);
    }

    private synchronized void refresh() {
        KafkaStreams s = streams;
        if (s == null) {
            return;
        }
        Map<Integer, Long> next = new HashMap<>();
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
    }
}
