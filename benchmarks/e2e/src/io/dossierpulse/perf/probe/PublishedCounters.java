package io.dossierpulse.perf.probe;

import io.dossierpulse.domain.indicators.Tally;
import io.dossierpulse.streams.CounterPublisher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Stands where the service's counter view would be: keeps the latest partial published for each
 * partition, date and agency, and from them each partition's total of dossiers received. A
 * publication carries the full current value of its (date, agency), so the total moves by the
 * difference with the previous one. Called on stream threads; read by the probe thread.
 */
public final class PublishedCounters implements CounterPublisher {

    private final List<Map<String, Long>> latest = new ArrayList<>();
    private final AtomicLongArray received;

    public PublishedCounters(int partitions) {
        for (int p = 0; p < partitions; p++) {
            latest.add(new ConcurrentHashMap<>());
        }
        received = new AtomicLongArray(partitions);
    }

    @Override
    public void publish(int partition, long epochDay, String agencyCode, Tally partial) {
        long now = partial.received();
        Long before = latest.get(partition).put(epochDay + "|" + agencyCode, now);
        received.addAndGet(partition, now - (before == null ? 0 : before));
    }

    /** Dossiers received in a partition, as the published counters show it. */
    long received(int partition) {
        return received.get(partition);
    }
}
