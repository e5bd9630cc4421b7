package io.dossierpulse.streams;

import io.dossierpulse.domain.indicators.Tally;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;

/**
 * Keeps the serving view fed with this task's partial counters: the full current tally of each
 * {@code date|agency} that changed since the last scan, summed over procedures. The recent sums are
 * held in a bounded map so that a publication reads no store; a sum not held is computed by one
 * prefix scan and held from then on.
 */
final class CounterPublication {

    /** Agency-day sums held per task: today's agencies and the recent accept days of what resolves. */
    static final int SUMS_HELD = 4_096;
    private static final StringSerializer KEYS = new StringSerializer();

    private final CounterPublisher publisher;
    private final Set<String> dirty = new LinkedHashSet<>();
    private final Map<String, Tally> sums = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Tally> eldest) {
            return size() > SUMS_HELD;
        }
    };
    private CounterStore counters;
    private int partition;

    CounterPublication(CounterPublisher publisher) {
        this.publisher = publisher;
    }

    /**
     * A task that starts (or moves here, or is revived) republishes its partials: the view is rebuilt
     * from the stores. The same scan seeds the held sums; keys come in date order, so the most recent
     * dates stay held.
     */
    void start(CounterStore store, int taskPartition) {
        this.counters = store;
        this.partition = taskPartition;
        dirty.clear();
        sums.clear();
        Map<String, Tally> all = new LinkedHashMap<>();
        try (KeyValueIterator<String, Tally> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<String, Tally> kv = it.next();
                all.computeIfAbsent(CounterKeys.agencyDayOf(kv.key), k -> new Tally()).merge(kv.value);
            }
        }
        all.forEach((agencyDay, sum) -> {
            publish(agencyDay, sum);
            sums.put(agencyDay, sum);
        });
    }

    /** A delta was added to a counter of {@code agencyDay}. */
    void changed(String agencyDay, Tally delta) {
        Tally sum = sums.get(agencyDay);
        if (sum != null) {
            sum.merge(delta);
        }
        dirty.add(agencyDay);
    }

    void publishChanged() {
        if (dirty.isEmpty()) {
            return;
        }
        for (String agencyDay : dirty) {
            Tally sum = sums.get(agencyDay);
            if (sum == null) {
                sum = counters.sumOf(CounterKeys.agencyDayPrefix(agencyDay), KEYS);
                sums.put(agencyDay, sum);
            }
            publish(agencyDay, sum);
        }
        dirty.clear();
    }

    /** Publishes a copy: the held sum goes on changing after the call. */
    private void publish(String agencyDay, Tally sum) {
        publisher.publish(partition, CounterKeys.epochDayOf(agencyDay), CounterKeys.agencyOf(agencyDay), sum.copy());
    }
}
