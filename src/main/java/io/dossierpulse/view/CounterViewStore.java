package io.dossierpulse.view;

import io.dossierpulse.domain.agency.Agency;
import io.dossierpulse.domain.agency.AgencyDirectory;
import io.dossierpulse.domain.indicators.Tally;
import io.dossierpulse.domain.indicators.TallyCodec;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.infinispan.AdvancedCache;
import org.infinispan.Cache;
import org.infinispan.commons.CacheException;
import org.infinispan.commons.IllegalLifecycleStateException;
import org.infinispan.context.Flag;
import org.infinispan.manager.EmbeddedCacheManager;
import org.jboss.logging.Logger;

/**
 * The serving view of the counters: each stream task publishes the partial tally of its partition
 * per local date and agency, every instance holds all of them (replicated cache), and a statistic
 * over any agency and date range is a sum over partitions read from local memory, with no call to
 * other instances.
 *
 * <p>Entries, in two caches (see {@link ViewCaches}):
 * <ul>
 *   <li>counters: {@code date|partition|agency} to the encoded tally ({@link TallyCodec});</li>
 *   <li>index: {@code d|date} to the partitions that published on that date, and
 *       {@code p|date|partition} to the agencies of that partition and date, newline-separated
 *       (codes cannot contain control characters). A range query reads the index of each date it
 *       covers, then exactly the counter keys listed: it never scans the cache, which holds up to
 *       retention x partitions x agencies entries.</li>
 * </ul>
 * Index lists are changed with conditional writes (putIfAbsent, replace), so writers on different
 * instances cannot lose each other's additions; a partition's list of agencies is normally written
 * by the one task that owns the partition anyway.
 *
 * <p>Retention: a date is kept for {@code retentionDays} local dates, today included. Each entry
 * carries a lifespan ending at the start of its date's first day out of retention, so expiry needs
 * no purge job and is the same on every instance. Publications outside the window (older, or more
 * than {@value #MAX_DAYS_AHEAD} days ahead of today) are dropped and counted; queries are clamped
 * to the window.
 *
 * <p>Failures: the view is a copy; the stream tasks' state stores are the source of truth and a
 * task republishes all its partials when it starts. So a failed write is logged and counted, never
 * thrown at the stream thread. Thread-safe: tasks of several partitions and query threads share it.
 */
public final class CounterViewStore {

    /** Dates are local dates of Vietnam (UTC+7). */
    public static final ZoneId ZONE = io.dossierpulse.domain.calendar.WorkingCalendar.ZONE;

    /** Tolerated clock skew of event sources: partials up to this many days after today are kept. */
    public static final int MAX_DAYS_AHEAD = 2;

    private static final Logger LOG = Logger.getLogger(CounterViewStore.class);
    private static final char SEP = '\n';

    private final Cache<String, byte[]> counters;
    private final AdvancedCache<String, byte[]> countersNoReturn;
    private final Cache<String, String> index;
    private final int retentionDays;
    private final Clock clock;

    private final LongAdder written = new LongAdder();
    private final LongAdder unchanged = new LongAdder();
    private final LongAdder removed = new LongAdder();
    private final LongAdder outOfWindow = new LongAdder();
    private final LongAdder failures = new LongAdder();

    /**
     * @param manager       a manager from {@link ViewCaches#start}, with both caches defined
     * @param retentionDays local dates kept, today included
     * @param clock         what "today" is; its zone is ignored, dates are taken in {@link #ZONE}
     */
    public CounterViewStore(EmbeddedCacheManager manager, int retentionDays, Clock clock) {
        if (retentionDays < 1) {
            throw new IllegalArgumentException("retentionDays must be >= 1, not " + retentionDays);
        }
        this.counters = manager.getCache(ViewCaches.COUNTERS);
        // Writers never need the previous value; asking for it would cost a read on the owner.
        this.countersNoReturn = counters.getAdvancedCache().withFlags(Flag.IGNORE_RETURN_VALUES);
        this.index = manager.getCache(ViewCaches.INDEX);
        this.retentionDays = retentionDays;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    // ------------------------------------------------------------------ publishing

    /**
     * Sets the partial tally of a partition for a local date and agency: the partial's full current
     * value, replacing what was there (so repeating a publication changes nothing). A zero tally
     * removes the entry. Never throws for cache trouble (see the class comment).
     *
     * @throws IllegalArgumentException for a negative partition or an empty code or one with a newline
     */
    public void publish(int partition, LocalDate date, String agencyCode, Tally partial) {
        if (partition < 0) {
            throw new IllegalArgumentException("partition must be >= 0, not " + partition);
        }
        Objects.requireNonNull(date, "date");
        checkCode(agencyCode);
        Objects.requireNonNull(partial, "partial");
        long lifespanMs = lifespanMillis(date);
        if (lifespanMs <= 0 || date.isAfter(lastKeptDate())) {
            outOfWindow.increment();
            return;
        }
        if (!counters.getStatus().allowInvocations()) {
            return; // shutting down: the tasks republish when they start again
        }
        try {
            String key = counterKey(date, partition, agencyCode);
            if (partial.isZero()) {
                if (counters.containsKey(key)) {
                    countersNoReturn.remove(key);
                    removed.increment();
                }
                removeFromList(partitionKey(date, partition), agencyCode, lifespanMs);
                return;
            }
            // Index first: a reader may then list a key not yet written (skipped), never miss a written one.
            addToList(dateKey(date), Integer.toString(partition), lifespanMs);
            addToList(partitionKey(date, partition), agencyCode, lifespanMs);
            byte[] value = TallyCodec.encode(partial);
            if (Arrays.equals(counters.get(key), value)) {
                unchanged.increment(); // a republished partial the view already holds: no network write
                return;
            }
            countersNoReturn.put(key, value, lifespanMs, TimeUnit.MILLISECONDS);
            written.increment();
        } catch (IllegalLifecycleStateException e) {
            LOG.debugf("counter view stopped, partial of %s on %s dropped", agencyCode, date);
        } catch (CacheException e) {
            failures.increment();
            long n = failures.sum();
            if (n == 1 || n % 1000 == 0) {
                LOG.warnf(e, "counter view: publishing partition %d, %s, %s failed (%d failures so far);"
                        + " the entry is repaired by its next publication or the task's next start",
                        partition, date, agencyCode, n);
            }
        }
    }

    // ------------------------------------------------------------------ queries

    /** Sums per agency code (not rolled up) over partitions and the dates from..to inclusive. Sorted by code. */
    public Map<String, Tally> byAgency(LocalDate from, LocalDate to) {
        Map<String, Tally> out = new TreeMap<>();
        forEachDate(from, to, (date, perAgency) -> perAgency.forEach((code, t) -> merge(out, code, t)));
        return out;
    }

    /** The city-wide sum over every agency, partition and date from..to inclusive. */
    public Tally total(LocalDate from, LocalDate to) {
        Tally sum = new Tally();
        forEachDate(from, to, (date, perAgency) -> perAgency.values().forEach(sum::merge));
        return sum;
    }

    /**
     * Sums per agency with each agency's counts also added to every ancestor it rolls up to on the
     * date counted (the hierarchy changes over time); counts dated after the agency ended (dossiers it
     * accepted, ending later) roll up under its ancestors of its last day, the structure of their
     * acceptance. A code the directory does not know, or one counted before it began, counts under
     * itself and under the city root only. Sorted by code.
     */
    public Map<String, Tally> rolledUp(LocalDate from, LocalDate to, AgencyDirectory dir) {
        Objects.requireNonNull(dir, "dir");
        String root = dir.root().code();
        Map<String, Tally> out = new TreeMap<>();
        forEachDate(from, to, (date, perAgency) -> perAgency.forEach((code, t) -> {
            merge(out, code, t);
            List<Agency> chain = dir.ancestorsAsCounted(code, date);
            if (chain.isEmpty()) {
                if (!code.equals(root)) {
                    merge(out, root, t);
                }
                return;
            }
            for (Agency a : chain) {
                merge(out, a.code(), t);
            }
        }));
        return out;
    }

    /** Today, as a local date in {@link #ZONE}. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    /** The oldest date the view keeps today. */
    public LocalDate firstKeptDate() {
        return today().minusDays(retentionDays - 1L);
    }

    /** The latest date the view accepts today. */
    public LocalDate lastKeptDate() {
        return today().plusDays(MAX_DAYS_AHEAD);
    }

    public int retentionDays() {
        return retentionDays;
    }

    /** Counter entries held by this instance (all of them when replicated). */
    public int localEntries() {
        return counters.getAdvancedCache().withFlags(Flag.CACHE_MODE_LOCAL, Flag.SKIP_CACHE_LOAD).size();
    }

    /** Publication outcomes since start, for metrics and tests. */
    public Stats stats() {
        return new Stats(written.sum(), unchanged.sum(), removed.sum(), outOfWindow.sum(), failures.sum());
    }

    /**
     * @param written     entries written (new or changed values)
     * @param unchanged   publications equal to what the view held (no write)
     * @param removed     entries removed by a zero tally
     * @param outOfWindow publications outside the retention window, dropped
     * @param failures    publications that failed in the cache and were dropped
     */
    public record Stats(long written, long unchanged, long removed, long outOfWindow, long failures) {
    }

    // ------------------------------------------------------------------ internals

    /** Receives, per date of a range, the sum over partitions of each agency's partials on that date. */
    @FunctionalInterface
    private interface DateVisitor {
        void visit(LocalDate date, Map<String, Tally> perAgency);
    }

    private void forEachDate(LocalDate from, LocalDate to, DateVisitor visitor) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
        LocalDate first = max(from, firstKeptDate());
        LocalDate last = min(to, lastKeptDate());
        if (first.isAfter(last)) {
            return;
        }
        Set<String> dateKeys = new LinkedHashSet<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            dateKeys.add(dateKey(d));
        }
        Map<String, String> partitionsByDate = index.getAdvancedCache().getAll(dateKeys);
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            String partitions = partitionsByDate.get(dateKey(d));
            if (partitions != null) {
                Map<String, Tally> perAgency = readDate(d, split(partitions));
                if (!perAgency.isEmpty()) {
                    visitor.visit(d, perAgency);
                }
            }
        }
    }

    /** One date: its partitions' agency lists, then the listed counters in one bulk read, summed per agency. */
    private Map<String, Tally> readDate(LocalDate date, Set<String> partitions) {
        String day = date.toString();
        Set<String> partitionKeys = new HashSet<>();
        for (String p : partitions) {
            partitionKeys.add(partitionKey(day, p));
        }
        Map<String, String> agenciesByPartition = index.getAdvancedCache().getAll(partitionKeys);
        // Keys and their codes side by side, so that no key is parsed back into its code.
        List<String> keyList = new ArrayList<>();
        List<String> codeList = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (String p : partitions) {
            String agencies = agenciesByPartition.get(partitionKey(day, p));
            if (agencies != null) {
                for (String code : split(agencies)) {
                    String key = counterKey(day, p, code);
                    if (keys.add(key)) {
                        keyList.add(key);
                        codeList.add(code);
                    }
                }
            }
        }
        Map<String, byte[]> values = counters.getAdvancedCache().getAll(keys);
        Map<String, Tally> perAgency = new HashMap<>();
        for (int i = 0; i < keyList.size(); i++) {
            byte[] value = values.get(keyList.get(i));
            if (value != null) {
                TallyCodec.addTo(value, perAgency.computeIfAbsent(codeList.get(i), c -> new Tally()));
            }
        }
        return perAgency;
    }

    /** Milliseconds from now until the date leaves the retention window; <= 0 when it already has. */
    long lifespanMillis(LocalDate date) {
        return Duration.between(clock.instant(), date.plusDays(retentionDays).atStartOfDay(ZONE)).toMillis();
    }

    /** The remaining lifespan the cache holds for an entry, or -2 when absent (for tests). */
    long storedLifespan(int partition, LocalDate date, String agencyCode) {
        var entry = counters.getAdvancedCache().getCacheEntry(counterKey(date, partition, agencyCode));
        return entry == null ? -2 : entry.getLifespan();
    }

    /** Adds an item to a list entry unless present; retried until a conditional write succeeds. */
    private void addToList(String key, String item, long lifespanMs) {
        while (true) {
            String current = index.get(key);
            if (current == null) {
                if (index.putIfAbsent(key, item, lifespanMs, TimeUnit.MILLISECONDS) == null) {
                    return;
                }
            } else if (contains(current, item)) {
                return;
            } else if (index.replace(key, current, current + SEP + item, lifespanMs, TimeUnit.MILLISECONDS)) {
                return;
            }
        }
    }

    /** Removes an item from a list entry, and the entry once it is empty. */
    private void removeFromList(String key, String item, long lifespanMs) {
        while (true) {
            String current = index.get(key);
            if (current == null || !contains(current, item)) {
                return;
            }
            StringBuilder rest = new StringBuilder(current.length());
            for (String s : split(current)) {
                if (!s.equals(item)) {
                    if (rest.length() > 0) {
                        rest.append(SEP);
                    }
                    rest.append(s);
                }
            }
            boolean done = rest.length() == 0
                    ? index.remove(key, current)
                    : index.replace(key, current, rest.toString(), lifespanMs, TimeUnit.MILLISECONDS);
            if (done) {
                return;
            }
        }
    }

    /** Whether a newline-separated list holds the item, without splitting it. */
    static boolean contains(String list, String item) {
        int from = 0;
        while (true) {
            int at = list.indexOf(item, from);
            if (at < 0) {
                return false;
            }
            int end = at + item.length();
            if ((at == 0 || list.charAt(at - 1) == SEP) && (end == list.length() || list.charAt(end) == SEP)) {
                return true;
            }
            from = at + 1;
        }
    }

    /** The distinct items of a list: a retried conditional write may, rarely, have added one twice. */
    static Set<String> split(String list) {
        Set<String> items = new LinkedHashSet<>();
        int start = 0;
        while (start <= list.length()) {
            int end = list.indexOf(SEP, start);
            if (end < 0) {
                end = list.length();
            }
            if (end > start) {
                items.add(list.substring(start, end));
            }
            start = end + 1;
        }
        return items;
    }

    static String counterKey(LocalDate date, int partition, String agencyCode) {
        return counterKey(date.toString(), Integer.toString(partition), agencyCode);
    }

    private static String counterKey(String day, String partition, String agencyCode) {
        return day + "|" + partition + "|" + agencyCode;
    }

    private static String dateKey(LocalDate date) {
        return "d|" + date;
    }

    private static String partitionKey(LocalDate date, int partition) {
        return partitionKey(date.toString(), Integer.toString(partition));
    }

    private static String partitionKey(String day, String partition) {
        return "p|" + day + "|" + partition;
    }

    private static void checkCode(String code) {
        if (code == null || code.isEmpty() || code.indexOf(SEP) >= 0) {
            throw new IllegalArgumentException("agency code must be non-empty and on one line: '" + code + "'");
        }
    }

    private static void merge(Map<String, Tally> out, String code, Tally t) {
        Tally sum = out.get(code);
        if (sum == null) {
            out.put(code, t.copy());
        } else {
            sum.merge(t);
        }
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
