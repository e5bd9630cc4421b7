package io.dossierpulse.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dossierpulse.domain.agency.AgencyDirectory;
import io.dossierpulse.domain.indicators.Measure;
import io.dossierpulse.domain.indicators.Tally;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.infinispan.manager.EmbeddedCacheManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The view's logic on a single-node (LOCAL) cache. */
class CounterViewStoreTest {

    /** Wednesday 12 March 2025, 10:00 in Hanoi. */
    private static final Clock NOW = Clock.fixed(OffsetDateTime.parse("2025-03-12T10:00:00+07:00").toInstant(),
            CounterViewStore.ZONE);
    private static final LocalDate TODAY = LocalDate.of(2025, 3, 12);
    private static final LocalDate YESTERDAY = TODAY.minusDays(1);

    private static EmbeddedCacheManager manager;
    private CounterViewStore store;

    @BeforeAll
    static void startCache() {
        manager = ViewCaches.start(ViewSettings.local());
    }

    @AfterAll
    static void stopCache() {
        manager.stop();
    }

    @BeforeEach
    void emptyView() {
        manager.getCache(ViewCaches.COUNTERS).clear();
        manager.getCache(ViewCaches.INDEX).clear();
        store = new CounterViewStore(manager, 400, NOW);
    }

    static Tally accepted(long n) {
        return new Tally().add(Measure.ACCEPTED, n);
    }

    @Test
    void aPublicationReplacesThePartitionsPreviousValue() {
        store.publish(0, TODAY, "SO-TP", accepted(3));
        store.publish(0, TODAY, "SO-TP", accepted(5).add(Measure.RESOLVED_ON_TIME, 1));

        Map<String, Tally> got = store.byAgency(TODAY, TODAY);
        assertEquals(Map.of("SO-TP", accepted(5).add(Measure.RESOLVED_ON_TIME, 1)), got);
        assertEquals(1, store.localEntries());
    }

    @Test
    void repeatingAPublicationChangesNothingAndWritesNothing() {
        store.publish(2, TODAY, "SO-TP", accepted(4));
        store.publish(2, TODAY, "SO-TP", accepted(4));
        store.publish(2, TODAY, "SO-TP", accepted(4));

        assertEquals(accepted(4), store.total(TODAY, TODAY));
        assertEquals(1, store.stats().written());
        assertEquals(2, store.stats().unchanged());
    }

    @Test
    void aZeroTallyRemovesTheEntryAndALaterOneComesBack() {
        store.publish(1, TODAY, "SO-TP", accepted(2));
        store.publish(1, TODAY, "SO-XD", accepted(7));
        store.publish(1, TODAY, "SO-TP", new Tally());

        assertEquals(Map.of("SO-XD", accepted(7)), store.byAgency(TODAY, TODAY));
        assertEquals(1, store.localEntries());
        assertEquals(1, store.stats().removed());

        store.publish(1, TODAY, "SO-XD", new Tally());
        assertTrue(store.byAgency(TODAY, TODAY).isEmpty());
        assertEquals(0, store.localEntries());

        store.publish(1, TODAY, "SO-TP", accepted(1));
        assertEquals(Map.of("SO-TP", accepted(1)), store.byAgency(TODAY, TODAY));
    }

    @Test
    void zeroForAKeyNeverPublishedIsHarmless() {
        store.publish(3, TODAY, "SO-TP", new Tally());
        assertTrue(store.byAgency(TODAY, TODAY).isEmpty());
        assertEquals(0, store.stats().removed());
    }

    @Test
    void sumsOverPartitionsAndDatesPerAgency() {
        store.publish(0, YESTERDAY, "SO-TP", accepted(1));
        store.publish(1, YESTERDAY, "SO-TP", accepted(10));
        store.publish(5, TODAY, "SO-TP", accepted(100));
        store.publish(0, TODAY, "P-HOANKIEM", accepted(1000).add(Measure.OPEN_OVERDUE, 2));
        store.publish(11, TODAY, "P-HOANKIEM", accepted(2000));

        assertEquals(Map.of("SO-TP", accepted(111), "P-HOANKIEM", accepted(3000).add(Measure.OPEN_OVERDUE, 2)),
                store.byAgency(YESTERDAY, TODAY));
        assertEquals(Map.of("SO-TP", accepted(11)), store.byAgency(YESTERDAY, YESTERDAY));
        assertEquals(accepted(3111).add(Measure.OPEN_OVERDUE, 2), store.total(YESTERDAY, TODAY));
        assertEquals(accepted(3100).add(Measure.OPEN_OVERDUE, 2), store.total(TODAY, TODAY));
    }

    @Test
    void rangesAreInclusiveAndSkipDatesOutsideThem() {
        LocalDate first = LocalDate.of(2025, 3, 1);
        for (int i = 0; i < 12; i++) {
            store.publish(i % 3, first.plusDays(i), "SO-TP", accepted(1L << i));
        }
        assertEquals(accepted(0b1111_1111_1111), store.total(first, TODAY));
        assertEquals(accepted(0b0000_0111_1100), store.total(first.plusDays(2), first.plusDays(6)));
        assertEquals(accepted(1), store.total(LocalDate.of(2025, 2, 1), first));
        assertEquals(new Tally(), store.total(LocalDate.of(2025, 2, 1), LocalDate.of(2025, 2, 28)));
        assertTrue(store.byAgency(first.minusDays(10), first.minusDays(1)).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> store.total(TODAY, YESTERDAY));
    }

    @Test
    void theMonthToDateAndTheYearAreJustRanges() {
        store.publish(0, LocalDate.of(2025, 1, 2), "SO-TP", accepted(1));
        store.publish(0, LocalDate.of(2025, 3, 1), "SO-TP", accepted(2));
        store.publish(0, TODAY, "SO-TP", accepted(4));

        assertEquals(accepted(4), store.total(store.today(), store.today()));
        assertEquals(accepted(6), store.total(store.today().withDayOfMonth(1), store.today()));
        assertEquals(accepted(7), store.total(store.today().withDayOfYear(1), store.today()));
    }

    @Test
    void datesOutsideTheRetentionWindowAreDroppedAndQueriesAreClamped() {
        CounterViewStore shortStore = new CounterViewStore(manager, 10, NOW);
        assertEquals(LocalDate.of(2025, 3, 3), shortStore.firstKeptDate());
        assertEquals(LocalDate.of(2025, 3, 14), shortStore.lastKeptDate());

        shortStore.publish(0, LocalDate.of(2025, 3, 2), "SO-TP", accepted(1)); // 11 days ago: out
        shortStore.publish(0, LocalDate.of(2025, 3, 3), "SO-TP", accepted(2)); // oldest kept
        shortStore.publish(0, LocalDate.of(2025, 3, 14), "SO-TP", accepted(4)); // two days ahead: kept
        shortStore.publish(0, LocalDate.of(2025, 3, 15), "SO-TP", accepted(8)); // too far ahead: out
        shortStore.publish(0, LocalDate.of(2099, 1, 1), "SO-TP", accepted(16));

        assertEquals(3, shortStore.stats().outOfWindow());
        assertEquals(2, shortStore.localEntries());
        assertEquals(accepted(6), shortStore.total(LocalDate.of(1990, 1, 1), LocalDate.of(2099, 12, 31)));
    }

    @Test
    void anEntryLivesUntilItsDateLeavesTheWindow() {
        store.publish(0, TODAY, "SO-TP", accepted(1));
        store.publish(0, YESTERDAY, "SO-TP", accepted(1));

        // 12 March 10:00 -> the start of 16 April 2026 (12 March 2025 + 400 days), Hanoi time
        long expected = Duration.ofDays(399).plusHours(14).toMillis();
        assertEquals(expected, store.lifespanMillis(TODAY));
        assertEquals(expected, store.storedLifespan(0, TODAY, "SO-TP"));
        assertEquals(expected - Duration.ofDays(1).toMillis(), store.storedLifespan(0, YESTERDAY, "SO-TP"));
        assertEquals(-2, store.storedLifespan(1, TODAY, "SO-TP"));
    }

    @Test
    void agencyCodesMayHoldBarsAndUnicode() {
        store.publish(0, TODAY, "A|B", accepted(1));
        store.publish(0, TODAY, "Phường Ba Đình", accepted(2));
        store.publish(1, TODAY, "A", accepted(4));

        assertEquals(Map.of("A|B", accepted(1), "Phường Ba Đình", accepted(2), "A", accepted(4)),
                store.byAgency(TODAY, TODAY));
    }

    @Test
    void codesThatArePrefixesOfOthersStayApart() {
        store.publish(0, TODAY, "P-BD", accepted(1));
        store.publish(0, TODAY, "P-BD-PHUCXA", accepted(2));
        store.publish(0, TODAY, "P-BD", new Tally());

        assertEquals(Map.of("P-BD-PHUCXA", accepted(2)), store.byAgency(TODAY, TODAY));
    }

    @Test
    void badArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> store.publish(-1, TODAY, "SO-TP", accepted(1)));
        assertThrows(IllegalArgumentException.class, () -> store.publish(0, TODAY, "", accepted(1)));
        assertThrows(IllegalArgumentException.class, () -> store.publish(0, TODAY, "A\nB", accepted(1)));
        assertThrows(IllegalArgumentException.class, () -> store.publish(0, TODAY, null, accepted(1)));
        assertThrows(NullPointerException.class, () -> store.publish(0, null, "SO-TP", accepted(1)));
        assertThrows(NullPointerException.class, () -> store.publish(0, TODAY, "SO-TP", null));
        assertThrows(IllegalArgumentException.class, () -> new CounterViewStore(manager, 0, NOW));
    }

    @Test
    void returnedTalliesBelongToTheCaller() {
        store.publish(0, TODAY, "SO-TP", accepted(1));
        store.byAgency(TODAY, TODAY).get("SO-TP").add(Measure.ACCEPTED, 100);
        store.total(TODAY, TODAY).add(Measure.ACCEPTED, 100);
        assertEquals(accepted(1), store.total(TODAY, TODAY));
    }

    // ------------------------------------------------------------------ roll-up

    private static final String DIRECTORY = """
            # code|name|level|parent|validFrom|validTo|weight|successor|fields
            HN|Thành phố|CITY||2008-08-01||0||
            SO-TP|Sở Tư pháp|CITY|HN|2008-08-01||2||Tư pháp
            Q-BD|Quận Ba Đình|DISTRICT|HN|2008-08-01|2025-06-30|3|P-BADINH|
            P-BD-PHUCXA|Phường Phúc Xá|COMMUNE|Q-BD|2008-08-01|2025-06-30|1|P-BADINH|
            P-BD-TRUCBACH|Phường Trúc Bạch|COMMUNE|Q-BD|2008-08-01|2025-06-30|1|P-BADINH|
            P-BADINH|Phường Ba Đình|COMMUNE|HN|2025-07-01||3||
            """;

    static AgencyDirectory directory() {
        return AgencyDirectory.load(new StringReader(DIRECTORY));
    }

    @Test
    void rolledUpAddsEachAgencyToItselfAndEveryAncestor() {
        store.publish(0, TODAY, "P-BD-PHUCXA", accepted(1));
        store.publish(1, TODAY, "P-BD-PHUCXA", accepted(2));
        store.publish(0, YESTERDAY, "P-BD-TRUCBACH", accepted(4));
        store.publish(2, TODAY, "Q-BD", accepted(8));
        store.publish(2, TODAY, "SO-TP", accepted(16));

        Map<String, Tally> got = store.rolledUp(YESTERDAY, TODAY, directory());

        Map<String, Tally> want = new TreeMap<>();
        want.put("P-BD-PHUCXA", accepted(3));
        want.put("P-BD-TRUCBACH", accepted(4));
        want.put("Q-BD", accepted(3 + 4 + 8));
        want.put("SO-TP", accepted(16));
        want.put("HN", accepted(3 + 4 + 8 + 16));
        assertEquals(want, got);
        assertEquals(got.get("HN"), store.total(YESTERDAY, TODAY));
    }

    @Test
    void unknownCodesCountUnderThemselvesAndTheCityOnly() {
        store.publish(0, TODAY, "X-NOT-IN-DIRECTORY", accepted(5));
        store.publish(1, TODAY, "HN", accepted(7)); // the root itself counts once

        Map<String, Tally> got = store.rolledUp(TODAY, TODAY, directory());

        assertEquals(Map.of("X-NOT-IN-DIRECTORY", accepted(5), "HN", accepted(12)), got);
    }

    @Test
    void theHierarchyOfEachDateIsUsed() {
        Clock july = Clock.fixed(OffsetDateTime.parse("2025-07-02T09:00:00+07:00").toInstant(), CounterViewStore.ZONE);
        CounterViewStore s = new CounterViewStore(manager, 400, july);
        LocalDate before = LocalDate.of(2025, 6, 30);
        LocalDate after = LocalDate.of(2025, 7, 1);
        s.publish(0, before, "P-BD-PHUCXA", accepted(1));
        // Ended the day before: a dossier it received (so accepted while it existed) resolved after the
        // reform rolls up under the structure of its acceptance, the agency's last day.
        s.publish(0, after, "P-BD-PHUCXA", accepted(2));
        s.publish(0, after, "P-BADINH", accepted(4));

        Map<String, Tally> got = s.rolledUp(before, after, directory());

        assertEquals(accepted(3), got.get("P-BD-PHUCXA"));
        assertEquals(accepted(3), got.get("Q-BD"));
        assertEquals(accepted(4), got.get("P-BADINH"));
        assertEquals(accepted(7), got.get("HN"));
        assertEquals(List.of("HN", "P-BADINH", "P-BD-PHUCXA", "Q-BD"), List.copyOf(got.keySet()));
    }

    // ------------------------------------------------------------------ against a model

    @Test
    void randomPublicationsMatchAPlainMapModel() {
        long seed = 20250312L;
        SplittableRandom rnd = new SplittableRandom(seed);
        String[] codes = {"SO-TP", "SO-XD", "P-BADINH", "P-HOANKIEM", "X-UNKNOWN", "HN"};
        Map<String, Tally> model = new HashMap<>(); // date|partition|code -> latest partial
        LocalDate first = TODAY.minusDays(20);
        for (int op = 0; op < 1500; op++) {
            int p = rnd.nextInt(6);
            LocalDate d = first.plusDays(rnd.nextInt(21));
            String code = codes[rnd.nextInt(codes.length)];
            Tally t = new Tally();
            if (rnd.nextInt(8) != 0) {
                for (int k = 0; k < 3; k++) {
                    t.add(Measure.of(rnd.nextInt(Measure.COUNT)), rnd.nextLong(-5, 1_000_000));
                }
            }
            store.publish(p, d, code, t);
            String key = d + "|" + p + "|" + code;
            if (t.isZero()) {
                model.remove(key);
            } else {
                model.put(key, t.copy());
            }
        }
        for (int q = 0; q < 60; q++) {
            LocalDate from = first.plusDays(rnd.nextInt(21));
            LocalDate to = from.plusDays(rnd.nextInt(21));
            Map<String, Tally> want = new TreeMap<>();
            Tally wantTotal = new Tally();
            model.forEach((key, t) -> {
                LocalDate d = LocalDate.parse(key.substring(0, 10));
                if (!d.isBefore(from) && !d.isAfter(to)) {
                    String code = key.substring(key.indexOf('|', 11) + 1);
                    want.computeIfAbsent(code, c -> new Tally()).merge(t);
                    wantTotal.merge(t);
                }
            });
            want.values().removeIf(Tally::isZero);
            Map<String, Tally> got = store.byAgency(from, to);
            got.values().removeIf(Tally::isZero);
            assertEquals(want, got, "seed " + seed + ", query " + q + ": " + from + ".." + to);
            assertEquals(wantTotal, store.total(from, to), "seed " + seed + ", query " + q);
        }
        assertEquals(model.size(), store.localEntries(), "seed " + seed);
    }

    @Test
    void concurrentTasksOfManyPartitionsLoseNothing() throws Exception {
        int partitions = 8;
        int agencies = 60;
        ExecutorService pool = Executors.newFixedThreadPool(partitions);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int p = 0; p < partitions; p++) {
                int partition = p;
                done.add(pool.submit(() -> {
                    for (int a = 0; a < agencies; a++) {
                        store.publish(partition, TODAY, "AG-" + a, accepted(1));
                        store.publish(partition, YESTERDAY, "AG-" + a, accepted(partition + 1L));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        Map<String, Tally> today = store.byAgency(TODAY, TODAY);
        assertEquals(agencies, today.size());
        today.forEach((code, t) -> assertEquals(accepted(partitions), t, code));
        assertEquals(accepted((long) agencies * partitions * (partitions + 1) / 2), store.total(YESTERDAY, YESTERDAY));
        assertEquals(2 * partitions * agencies, store.localEntries());
    }

    // ------------------------------------------------------------------ helpers

    @Test
    void listsMatchWholeItemsOnly() {
        assertTrue(CounterViewStore.contains("A\nAB", "AB"));
        assertTrue(CounterViewStore.contains("A\nAB", "A"));
        assertTrue(CounterViewStore.contains("AB\nA", "A"));
        assertFalse(CounterViewStore.contains("AB\nBA", "B"));
        assertFalse(CounterViewStore.contains("AB", "A"));
        assertEquals(List.of("A", "B"), List.copyOf(CounterViewStore.split("A\nB\nA")));
        assertEquals(List.of("x"), List.copyOf(CounterViewStore.split("x")));
    }
}
