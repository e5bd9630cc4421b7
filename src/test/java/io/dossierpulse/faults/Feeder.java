package io.dossierpulse.faults;

import io.dossierpulse.contract.EventCodec;
import io.dossierpulse.domain.DossierEvent;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Produces the traffic straight to the input topic at a steady pace, in order, on its own thread,
 * with an idempotent producer that outwaits a broker restart: every event is acknowledged once.
 */
final class Feeder implements AutoCloseable {

    private final List<DossierEvent> events;
    private final int perSecond;
    private final KafkaProducer<String, byte[]> producer;
    private final AtomicInteger acked = new AtomicInteger();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final Thread thread;
    private volatile int sent;

    Feeder(String bootstrap, String topic, List<DossierEvent> events, int perSecond) {
        this.events = events;
        this.perSecond = perSecond;
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.toString((int) Duration.ofMinutes(10).toMillis()));
        p.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "500");
        producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        EventCodec codec = new EventCodec();
        thread = new Thread(() -> {
            long started = System.nanoTime();
            for (int i = 0; i < events.size() && failure.get() == null; i++) {
                DossierEvent e = events.get(i);
                producer.send(new ProducerRecord<>(topic, e.dossierId(), codec.encode(e)), (md, ex) -> {
                    if (ex != null) {
                        failure.compareAndSet(null, ex);
                    } else {
                        acked.incrementAndGet();
                    }
                });
                sent = i + 1;
                long due = started + (long) (i + 1) * 1_000_000_000L / perSecond;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    try {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    } catch (InterruptedException ie) {
                        return;
                    }
                }
            }
            producer.flush();
        }, "fault-feeder");
    }

    Feeder start() {
        thread.start();
        return this;
    }

    /** Fraction of the events handed to the producer so far. */
    double progress() {
        return (double) sent / events.size();
    }

    /** Waits until every event is acknowledged by the broker; fails if any was not. */
    void awaitAcknowledged(Duration timeout) throws InterruptedException {
        thread.join(timeout.toMillis());
        if (failure.get() != null) {
            throw new AssertionError("the feeder lost an event", failure.get());
        }
        if (thread.isAlive() || acked.get() != events.size()) {
            throw new AssertionError("acknowledged " + acked.get() + " of " + events.size() + " events");
        }
    }

    void awaitProgress(double fraction, Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        while (progress() < fraction) {
            if (System.nanoTime() > until) {
                throw new AssertionError("the feeder is at " + progress() + ", not " + fraction);
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join(10_000);
        producer.close(Duration.ofSeconds(10));
    }
}
