package io.dossierpulse.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * Follows every partition of a topic from its end (or from a while back), without a consumer group, on its own thread, and
 * never gives up: any failure (a metadata timeout at start, a broker gone) closes the consumer and
 * a new one resumes after a backoff (doubling up to a bound) from where the last one stopped.
 */
final class TopicFollower {

    enum State { STARTING, FOLLOWING, RESTARTING, STOPPED }

    private static final Logger LOG = Logger.getLogger(TopicFollower.class);

    private final Supplier<org.apache.kafka.clients.consumer.Consumer<String, byte[]>> consumers;
    private final String topic;
    private final Consumer<ConsumerRecord<String, byte[]>> onRecord;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final Duration metadataTimeout;
    private Duration lookback = Duration.ZERO;
    private final Map<TopicPartition, Long> positions = new HashMap<>();
    private final java.util.concurrent.CountDownLatch stopping = new java.util.concurrent.CountDownLatch(1);
    private volatile State state = State.STARTING;
    private volatile String lastFailure;
    private volatile boolean running;
    private volatile org.apache.kafka.clients.consumer.Consumer<String, byte[]> current;
    private long restarts;
    private Thread thread;

    TopicFollower(Supplier<org.apache.kafka.clients.consumer.Consumer<String, byte[]>> consumers, String topic,
            Consumer<ConsumerRecord<String, byte[]>> onRecord, Duration firstBackoff, Duration maxBackoff,
            Duration metadataTimeout) {
        this.consumers = consumers;
        this.topic = topic;
        this.onRecord = onRecord;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
        this.metadataTimeout = metadataTimeout;
    }

    /** Where a first consumer starts: this long before now instead of the end (an earlier history). */
    TopicFollower startingBack(Duration lookback) {
        this.lookback = lookback;
        return this;
    }

    void start(String threadName) {
        running = true;
        thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    State state() {
        return state;
    }

    String lastFailure() {
        return lastFailure;
    }

    synchronized long restarts() {
        return restarts;
    }

    private void run() {
        long backoffMs = firstBackoff.toMillis();
        while (running) {
            try {
                follow();
            } catch (WakeupException e) {
                // stop() woke the consumer up
            } catch (RuntimeException e) {
                if (!running) {
                    break;
                }
                lastFailure = e.toString();
                state = State.RESTARTING;
                synchronized (this) {
                    restarts++;
                }
                LOG.warnf("Following %s failed (%s); a new consumer in %d ms", topic, e, backoffMs);
                try {
                    if (stopping.await(backoffMs, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                        break;
                    }
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    break;
                }
                backoffMs = Math.min(backoffMs * 2, maxBackoff.toMillis());
                continue;
            }
            backoffMs = firstBackoff.toMillis();
        }
        state = State.STOPPED;
    }

    private void follow() {
        try (org.apache.kafka.clients.consumer.Consumer<String, byte[]> c = consumers.get()) {
            current = c;
            if (!running) {
                return;
            }
            List<TopicPartition> parts = new ArrayList<>();
            while (running && parts.isEmpty()) {
                List<PartitionInfo> infos = c.partitionsFor(topic, metadataTimeout);
                if (infos == null || infos.isEmpty()) {
                    pause(500); // the topic is being created
                    continue;
                }
                infos.forEach(i -> parts.add(new TopicPartition(topic, i.partition())));
            }
            c.assign(parts);
            c.seekToEnd(parts);
            if (positions.isEmpty() && !lookback.isZero()) {
                Map<TopicPartition, Long> times = new HashMap<>();
                long from = System.currentTimeMillis() - lookback.toMillis();
                parts.forEach(tp -> times.put(tp, from));
                c.offsetsForTimes(times, metadataTimeout).forEach((tp, found) -> {
                    if (found != null) {
                        c.seek(tp, found.offset());
                    }
                });
            }
            // After a restart, resume where the previous consumer stopped.
            parts.forEach(tp -> {
                Long next = positions.get(tp);
                if (next != null) {
                    c.seek(tp, next);
                }
            });
            // Every partition's start, read or not yet: a restart resumes each where this one began.
            parts.forEach(tp -> positions.putIfAbsent(tp, c.position(tp, metadataTimeout)));
            state = State.FOLLOWING;
            while (running) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(500))) {
                    positions.put(new TopicPartition(r.topic(), r.partition()), r.offset() + 1);
                    onRecord.accept(r);
                }
            }
        } finally {
            current = null;
        }
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new org.apache.kafka.common.errors.InterruptException(e);
        }
    }

    void stop() throws InterruptedException {
        running = false;
        stopping.countDown();
        var c = current;
        if (c != null) {
            c.wakeup();
        }
        if (thread != null) {
            thread.join(5_000);
        }
    }
}
