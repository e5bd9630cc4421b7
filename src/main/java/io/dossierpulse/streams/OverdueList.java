package io.dossierpulse.streams;

import io.dossierpulse.domain.dossier.DossierState;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The only writer of the {@code overdue} store: the open dossiers counted overdue, most overdue
 * first. Written only when a dossier joins or leaves the list (a breach, a second supplement
 * request, an end), not on every event.
 */
final class OverdueList {

    private final KeyValueStore<String, String> store;
    private final PipelineMetrics metrics;
    private long count;

    OverdueList(KeyValueStore<String, String> store, PipelineMetrics metrics) {
        this.store = store;
        this.metrics = metrics;
    }

    void changed(DossierState before, DossierState after) {
        String was = OverdueKeys.of(before);
        String now = OverdueKeys.of(after);
        if (was != null && !was.equals(now)) {
            store.put(was, null); // a null put, not delete(): delete() reads the old value first
            count--;
            metrics.overdueChanged(-1);
        }
        if (now != null && !now.equals(was)) {
            store.put(now, after.receivingAgencyCode());
            count++;
            metrics.overdueChanged(1);
        }
    }

    /** Counts a stored dossier that is on the list, during the rebuild of a starting task. */
    void rebuilt(DossierState s) {
        if (OverdueKeys.of(s) != null) {
            count++;
            metrics.overdueChanged(1);
        }
    }

    /** Takes this task's share out of the gauge (the task closes or is revived). */
    void release() {
        metrics.overdueChanged(-count);
        count = 0;
    }
}
