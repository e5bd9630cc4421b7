package io.dossierpulse.view;

import io.dossierpulse.domain.indicators.Tally;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jboss.logging.Logger;

/**
 * Takes the stream threads' publications off their path: the latest partial per (partition, date,
 * agency) waits in a map and one publisher thread writes it to the view. A stream thread never waits
 * on a replicated write; a partial superseded before it was written is simply not written (the view
 * holds full values, so only the latest matters). The map is bounded by the keys themselves:
 * partitions x retained dates x agencies, the size of the view.
 */
final class PublicationQueue implements AutoCloseable {

    /** Where drained partials go (the view store). */
    @FunctionalInterface
    interface Target {
        void publish(int partition, long epochDay, String agencyCode, Tally partial);
    }

    private record Key(int partition, long epochDay, String agencyCode) {
    }

    private static final Logger LOG = Logger.getLogger(PublicationQueue.class);
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final Map<Key, Tally> pending = new ConcurrentHashMap<>();
    private final Target target;
    private final Thread publisher;
    private volatile boolean running = true;

    PublicationQueue(Target target) {
        this.target = target;
        this.publisher = new Thread(this::run, "counter-view-publisher");
        publisher.setDaemon(true);
        publisher.start();
    }

    /** Replaces the waiting partial of the key, if any; returns at once. */
    void offer(int partition, long epochDay, String agencyCode, Tally partial) {
        pending.put(new Key(partition, epochDay, agencyCode), partial);
        LockSupport.unpark(publisher);
    }

    /** Writes everything waiting now, on the caller's thread (tests, and shutdown). */
    void drain() {
        Iterator<Map.Entry<Key, Tally>> it = pending.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Key, Tally> e = it.next();
            Key k = e.getKey();
            // remove(key, value): a newer partial offered meanwhile stays for the next round.
            if (pending.remove(k, e.getValue())) {
                target.publish(k.partition(), k.epochDay(), k.agencyCode(), e.getValue());
            }
        }
    }

    private void run() {
        while (running) {
            if (pending.isEmpty()) {
                LockSupport.parkNanos(this, IDLE_PARK_NANOS);
                continue;
            }
            try {
                drain();
            } catch (RuntimeException e) {
                // The view store logs and counts its own failures; anything else must not end the thread.
                LOG.warnf(e, "counter view publisher: a write failed; the entry is repaired by its next publication");
            }
        }
    }

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(publisher);
        try {
            publisher.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
