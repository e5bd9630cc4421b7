package io.dossierpulse.perf.probe;

import io.dossierpulse.domain.dossier.DossierState;
import io.dossierpulse.perf.report.Latencies;
import io.dossierpulse.streams.DossierTopology;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Watches for sent events to become visible, the way a reader of the service would see them: in the
 * dossier store through an interactive query, and in the published counters. One thread polls every
 * {@link #POLL_NANOS}.
 *
 * <p>A partition is processed in offset order, and the sender adds samples of a partition in the
 * order it sends them, so only the oldest pending sample of each partition is looked at: while it is
 * not visible, none after it can be. That keeps each poll to a few store reads whatever the rate.
 */
public final class VisibilityProbe implements AutoCloseable {

    static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    /** A sample not visible after this long is given up, so that it cannot block its partition. */
    private static final long PATIENCE_NANOS = TimeUnit.SECONDS.toNanos(60);

    /** The event of seq {@code seq} of a dossier, visible once the stored state has reached it. */
    private record Lookup(String dossierId, long seq, long sentNanos, Latencies into) {
    }

    /** The {@code ordinal}-th dossier received in its partition, visible once the counters reach it. */
    private record Count(long ordinal, long sentNanos, Latencies into) {
    }

    private final KafkaStreams streams;
    private final PublishedCounters counters;
    private final List<Queue<Lookup>> lookups = new ArrayList<>();
    private final List<Queue<Count>> counts = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;
    /** Store reads so far; written by the probe thread only. */
    private volatile long reads;
    /** One query handle per partition: a lookup reads that partition's store only, not all of them. */
    private final List<ReadOnlyKeyValueStore<String, DossierState>> stores = new ArrayList<>();

    public VisibilityProbe(KafkaStreams streams, PublishedCounters counters, int partitions) {
        this.streams = streams;
        this.counters = counters;
        for (int p = 0; p < partitions; p++) {
            lookups.add(new ConcurrentLinkedQueue<>());
            counts.add(new ConcurrentLinkedQueue<>());
            stores.add(null);
        }
        thread = new Thread(this::loop, "latency-probe");
        thread.setDaemon(true);
        thread.start();
    }

    /** Called just before the event is handed to the producer. */
    public void expectState(int partition, String dossierId, long seq, long sentNanos, Latencies into) {
        lookups.get(partition).add(new Lookup(dossierId, seq, sentNanos, into));
    }

    /** Called just before a SUBMITTED event, the {@code ordinal}-th of its partition, is handed to the producer. */
    public void expectCount(int partition, long ordinal, long sentNanos, Latencies into) {
        counts.get(partition).add(new Count(ordinal, sentNanos, into));
    }

    /** Whether every sample has been settled (seen or given up). */
    public boolean settled() {
        return lookups.stream().allMatch(Queue::isEmpty) && counts.stream().allMatch(Queue::isEmpty);
    }

    public long reads() {
        return reads;
    }

    /** CPU time of the probe thread so far. */
    public long cpuNanos() {
        return ManagementFactory.getThreadMXBean().getThreadCpuTime(thread.getId());
    }

    private void loop() {
        while (running) {
            LockSupport.parkNanos(POLL_NANOS);
            for (int p = 0; p < lookups.size(); p++) {
                settleLookups(p, lookups.get(p));
                settleCounts(p, counts.get(p));
            }
        }
    }

    private void settleLookups(int partition, Queue<Lookup> queue) {
        Lookup head;
        while ((head = queue.peek()) != null) {
            DossierState s = state(partition, head.dossierId());
            long seen = System.nanoTime();
            if (s != null && s.lastSeq() >= head.seq()) {
                head.into().add(seen - head.sentNanos());
            } else if (seen - head.sentNanos() > PATIENCE_NANOS) {
                head.into().giveUp();
            } else {
                return;
            }
            queue.poll();
        }
    }

    private void settleCounts(int partition, Queue<Count> queue) {
        Count head;
        while ((head = queue.peek()) != null) {
            long received = counters.received(partition);
            long seen = System.nanoTime();
            if (received >= head.ordinal()) {
                head.into().add(seen - head.sentNanos());
            } else if (seen - head.sentNanos() > PATIENCE_NANOS) {
                head.into().giveUp();
            } else {
                return;
            }
            queue.poll();
        }
    }

    /** The dossier as an interactive query returns it; null while the store is not queryable. */
    private DossierState state(int partition, String dossierId) {
        try {
            ReadOnlyKeyValueStore<String, DossierState> store = stores.get(partition);
            if (store == null) {
                store = streams.store(StoreQueryParameters.fromNameAndType(DossierTopology.DOSSIER_STORE,
                        QueryableStoreTypes.<String, DossierState>keyValueStore()).withPartition(partition));
                stores.set(partition, store);
            }
            reads++;
            return store.get(dossierId);
        } catch (InvalidStateStoreException e) {
            // Migrating or not running yet: ask again for the store on the next poll.
            stores.set(partition, null);
            return null;
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
