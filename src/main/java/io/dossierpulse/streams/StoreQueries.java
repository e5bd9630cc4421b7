package io.dossierpulse.streams;

import io.dossierpulse.domain.dossier.DossierState;
import io.dossierpulse.domain.indicators.Tally;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Reads of this instance's stores for the API: the store key layouts stay in this package
 * ({@link CounterKeys}, {@link OverdueKeys}), callers get domain values. Each read covers the
 * partitions this instance holds; scatter-gather over instances is the caller's.
 */
public final class StoreQueries {

    private static final StringSerializer KEYS = new StringSerializer();

    private StoreQueries() {
    }

    /** A dossier's state, or null when this instance holds none for it. */
    public static DossierState dossier(KafkaStreams streams, String dossierId) {
        return StoreQueries.<DossierState>store(streams, DossierTopology.DOSSIER_STORE).get(dossierId);
    }

    /**
     * The open overdue dossiers held here whose state {@code keep} accepts, in store order (most
     * overdue first within each partition; the caller orders the union).
     */
    public static List<DossierState> overdue(KafkaStreams streams, Predicate<DossierState> keep) {
        ReadOnlyKeyValueStore<String, String> list = store(streams, DossierTopology.OVERDUE_STORE);
        ReadOnlyKeyValueStore<String, DossierState> dossiers = store(streams, DossierTopology.DOSSIER_STORE);
        List<DossierState> out = new ArrayList<>();
        try (KeyValueIterator<String, String> it = list.all()) {
            while (it.hasNext()) {
                KeyValue<String, String> kv = it.next();
                DossierState s = dossiers.get(OverdueKeys.dossierOf(kv.key));
                if (s != null && s.clock() != null && keep.test(s)) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    /**
     * The open dossiers held here announced at risk and not yet overdue, that {@code keep} accepts,
     * soonest due first. Reads the whole dossier store: a drill-down question, not a dashboard one.
     */
    public static List<DossierState> atRisk(KafkaStreams streams, Predicate<DossierState> keep) {
        ReadOnlyKeyValueStore<String, DossierState> dossiers = store(streams, DossierTopology.DOSSIER_STORE);
        List<DossierState> out = new ArrayList<>();
        try (KeyValueIterator<String, DossierState> it = dossiers.all()) {
            while (it.hasNext()) {
                DossierState s = it.next().value;
                if (s != null && !s.ended() && s.clock() != null && s.has(DossierState.Flag.AT_RISK_SENT)
                        && !s.has(DossierState.Flag.COUNTED_OVERDUE) && keep.test(s)) {
                    out.add(s);
                }
            }
        }
        out.sort(java.util.Comparator.comparing((DossierState s) -> s.clock().dueAt()).thenComparing(DossierState::dossierId));
        return out;
    }

    /** The counters of one procedure over a range of local dates, all agencies, summed. */
    public static Tally procedureTally(KafkaStreams streams, String procedureCode, LocalDate from, LocalDate to) {
        ReadOnlyKeyValueStore<String, Tally> counters = store(streams, DossierTopology.COUNTER_STORE);
        Tally sum = new Tally();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            try (KeyValueIterator<String, Tally> it = counters.prefixScan(CounterKeys.dayPrefix(d), KEYS)) {
                while (it.hasNext()) {
                    KeyValue<String, Tally> kv = it.next();
                    if (CounterKeys.procedureOf(kv.key).equals(procedureCode)) {
                        sum.merge(kv.value);
                    }
                }
            }
        }
        return sum;
    }

    /**
     * {@link #tallyByProcedure} read by the period rule ({@link io.dossierpulse.domain.indicators.PeriodTally}):
     * the flows of from..to and the open stock as it stood at the end of {@code to}. One pass over
     * the dates from the earlier of {@code from} and {@code firstKept} to the later of {@code to} and
     * {@code today}, each date scanned once.
     *
     * @param procedureCode only this procedure, or null for every one
     * @param firstKept the first date whose open stock is counted (the view's retention)
     */
    public static java.util.Map<String, Tally> periodByProcedure(KafkaStreams streams,
            java.util.function.BiPredicate<String, LocalDate> agencyOnDate, String procedureCode, LocalDate from,
            LocalDate to, LocalDate firstKept, LocalDate today) {
        ReadOnlyKeyValueStore<String, Tally> counters = store(streams, DossierTopology.COUNTER_STORE);
        java.util.Map<String, Tally> flows = new java.util.TreeMap<>();
        java.util.Map<String, Tally> now = new java.util.TreeMap<>();
        java.util.Map<String, Tally> after = new java.util.TreeMap<>();
        LocalDate first = from.isBefore(firstKept) ? from : firstKept;
        LocalDate last = to.isAfter(today) ? to : today;
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            boolean inPeriod = !d.isBefore(from) && !d.isAfter(to);
            boolean inStock = !d.isBefore(firstKept) && !d.isAfter(today);
            boolean afterPeriod = d.isAfter(to) && !d.isAfter(today);
            if (!inPeriod && !inStock) {
                continue;
            }
            try (KeyValueIterator<String, Tally> it = counters.prefixScan(CounterKeys.dayPrefix(d), KEYS)) {
                while (it.hasNext()) {
                    KeyValue<String, Tally> kv = it.next();
                    String procedure = CounterKeys.procedureOf(kv.key);
                    if (procedureCode != null && !procedureCode.equals(procedure)
                            || !agencyOnDate.test(CounterKeys.agencyOf(CounterKeys.agencyDayOf(kv.key)), d)) {
                        continue;
                    }
                    if (inPeriod) {
                        flows.computeIfAbsent(procedure, k -> new Tally()).merge(kv.value);
                    }
                    if (inStock) {
                        now.computeIfAbsent(procedure, k -> new Tally()).merge(kv.value);
                    }
                    if (afterPeriod) {
                        after.computeIfAbsent(procedure, k -> new Tally()).merge(kv.value);
                    }
                }
            }
        }
        java.util.Map<String, Tally> out = new java.util.TreeMap<>();
        java.util.Set<String> keys = new java.util.TreeSet<>(flows.keySet());
        keys.addAll(now.keySet());
        keys.addAll(after.keySet());
        for (String k : keys) {
            Tally t = io.dossierpulse.domain.indicators.PeriodTally.of(flows.get(k), now.get(k), after.get(k));
            if (!t.isZero()) {
                out.put(k, t);
            }
        }
        return out;
    }

    private static <V> ReadOnlyKeyValueStore<String, V> store(KafkaStreams streams, String name) {
        return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.keyValueStore()));
    }
}
