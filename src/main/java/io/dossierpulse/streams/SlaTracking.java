package io.dossierpulse.streams;

import io.dossierpulse.domain.DossierEvent;
import io.dossierpulse.domain.DossierStatus;
import io.dossierpulse.domain.dossier.Deadline;
import io.dossierpulse.domain.dossier.DossierState;
import io.dossierpulse.domain.dossier.DossierTracker;
import io.dossierpulse.domain.indicators.Measure;
import io.dossierpulse.domain.indicators.Tally;
import io.dossierpulse.domain.sla.SlaClock;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The SLA side of one stream task: keeps the deadline index, the counters and the overdue list in
 * step with each dossier, and announces deadlines as time passes them.
 *
 * <p>Deadline index: keys are the deadline's epoch second (8 bytes, big-endian), the deadline kind
 * (1 byte) and the dossier id, so a range scan from the start returns what is due, oldest first.
 * Entries are derived from the dossier's state: whenever the state changes, the entries of the old
 * state that differ from the new one's are replaced. An entry that no longer matches its dossier is
 * dropped when found. Announcing marks the dossier's state, removes the entry and forwards the event
 * in the task's transaction, so under exactly-once each deadline is announced once.
 *
 * <p>When is "now": while a partition replays history (events far behind the wall clock, or a
 * backlog not read yet), deadlines pass as event time passes them, checked before each event is
 * applied, so a dossier resolved before its deadline in event time is never announced as breached.
 * Once the partition is caught up (its consumer lag is zero and it has been idle a moment, or its
 * events are live), the wall clock drives them, so a breach is announced even when no event arrives.
 */
final class SlaTracking implements DossierTracker.Sink {

    private static final byte[] META_EVENT_TIME = {(byte) 0xFF, 'e', 't'};
    private static final byte[] PRESENT = new byte[0];
    private static final StringSerializer KEYS = new StringSerializer();
    /**
     * While replaying, the index is scanned once event time has moved this far past the earliest
     * pending deadline, not on every event: announcements carry the deadline as their time in a
     * replay, and a dossier's own next event fires its deadlines first ({@link #catchUp}), so the
     * step changes only how announcements of different dossiers interleave on the topic.
     */
    static final long REPLAY_SCAN_STEP_SECONDS = 60;
    /** Agency-day sums held per task: today's agencies and the recent accept days of what resolves. */
    static final int SUMS_HELD = 4_096;

    private final TopologySettings settings;
    private final DossierTracker tracker;
    private final PipelineMetrics metrics;
    private final CounterPublisher publisher;
    private final InputLag inputLag;
    private final long allowedLatenessSeconds;
    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<String, DossierState> dossiers;
    private KeyValueStore<Bytes, byte[]> deadlines;
    private KeyValueStore<String, Tally> counters;
    private KeyValueStore<String, String> overdue;
    /** Keys {@code date|agency} whose counters changed since the last publication. */
    private final Set<String> dirty = new LinkedHashSet<>();
    /**
     * Sums over procedures by {@code date|agency}, the recently used ones: publishing reads them
     * instead of scanning the store. Bounded; a key not held is summed by a prefix scan when needed.
     */
    private final Map<String, Tally> sums = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Tally> eldest) {
            return size() > SUMS_HELD;
        }
    };
    /** The date text of the last day counted: events of a partition mostly fall on the same day. */
    private long lastDay = Long.MIN_VALUE;
    private String lastDate;
    /**
     * The counter changes of the step being applied, for one (day, agency, procedure): an event
     * moves several measures of the same key, and they cost one store read and write together.
     */
    private final Tally pending = new Tally();
    private boolean hasPending;
    private long pendingDay;
    private String pendingAgency;
    private String pendingProcedure;
    private final long[] openByStatus = new long[11];
    private long overdueCount;
    private final LongSupplier indexSize = () -> deadlines == null ? 0 : deadlines.approximateNumEntries();
    private long maxEventSecond;
    private long storedEventSecond;
    private long lastEventWallMs;
    /**
     * No pending deadline is earlier than this second (a lower bound: unknown is MIN_VALUE), so the
     * per-event check costs nothing until event time reaches it.
     */
    private long nextDeadline = Long.MIN_VALUE;

    SlaTracking(TopologySettings settings, DossierTracker tracker, PipelineMetrics metrics, CounterPublisher publisher,
            InputLag inputLag) {
        this.settings = settings;
        this.tracker = tracker;
        this.metrics = metrics;
        this.publisher = publisher;
        this.inputLag = inputLag;
        this.allowedLatenessSeconds = settings.allowedLateness().toSeconds();
    }

    void init(ProcessorContext<String, byte[]> ctx) {
        this.context = ctx;
        this.dossiers = ctx.getStateStore(DossierTopology.DOSSIER_STORE);
        this.deadlines = ctx.getStateStore(DossierTopology.DEADLINE_STORE);
        this.counters = ctx.getStateStore(DossierTopology.COUNTER_STORE);
        this.overdue = ctx.getStateStore(DossierTopology.OVERDUE_STORE);
        // A task revived after an aborted transaction runs init again on restored stores.
        dirty.clear();
        sums.clear();
        pending.clear();
        hasPending = false;
        byte[] stored = deadlines.get(Bytes.wrap(META_EVENT_TIME));
        maxEventSecond = stored == null ? Long.MIN_VALUE : ByteBuffer.wrap(stored).getLong();
        storedEventSecond = maxEventSecond;
        // As if an event had just arrived: a restarted task replaying its backlog must not fire by wall clock.
        lastEventWallMs = ctx.currentSystemTimeMs();
        countOpenDossiers();
        republishAll();
        metrics.watchDeadlineIndex(indexSize);
    }

    void close() {
        metrics.unwatchDeadlineIndex(indexSize);
        for (int code = 1; code < openByStatus.length; code++) {
            metrics.openAdjust(code, -openByStatus[code]);
        }
        metrics.overdueChanged(-overdueCount);
    }

    // ------------------------------------------------------------ per event

    /** Called before an event is applied: announces what its event time has passed. */
    void beforeEvent(DossierEvent e) {
        long at = e.occurredAt().getEpochSecond();
        long wallMs = context.currentSystemTimeMs();
        lastEventWallMs = wallMs;
        metrics.eventLag(wallMs - e.occurredAt().toEpochMilli());
        if (at > maxEventSecond) {
            maxEventSecond = at;
            boolean replaying = wallMs / 1000 - at > settings.liveLag().toSeconds();
            long horizon = Math.min(at, wallHorizon(wallMs)) - allowedLatenessSeconds;
            // nextDeadline is MIN_VALUE when unknown: compare before subtracting, which would overflow.
            if (!replaying || nextDeadline == Long.MIN_VALUE || horizon - nextDeadline > REPLAY_SCAN_STEP_SECONDS) {
                fireUpTo(horizon, Instant.ofEpochMilli(wallMs), replaying);
            }
        }
    }

    /**
     * Announces the deadlines of this dossier that its own next event shows have passed, before the
     * event is applied: whatever the order in which partitions, batches and punctuations interleave,
     * a dossier is judged in its own event time. Returns the state to apply the event to (stored by
     * the caller when it differs).
     */
    DossierState catchUp(DossierState s, DossierEvent e) {
        if (s == null || s.clock() == null || s.ended()) {
            return s;
        }
        long limit = e.occurredAt().getEpochSecond() - allowedLatenessSeconds;
        long wallMs = context.currentSystemTimeMs();
        boolean byEventTime = wallMs / 1000 - e.occurredAt().getEpochSecond() > settings.liveLag().toSeconds();
        DossierState current = s;
        while (true) {
            Deadline next = null;
            long nextSecond = Long.MAX_VALUE;
            for (Deadline d : Deadline.values()) {
                long second = tracker.deadlineSecond(current, d);
                if (second != SlaClock.NONE && second < limit && second < nextSecond) {
                    next = d;
                    nextSecond = second;
                }
            }
            if (next == null) {
                return current;
            }
            DossierState fired = tracker.fire(current, next, this);
            flushCounts();
            reindex(current, fired);
            Instant deadline = Instant.ofEpochSecond(nextSecond);
            announce(next, fired, deadline, byEventTime ? deadline : Instant.ofEpochMilli(wallMs));
            current = fired;
        }
    }

    /** Completes the state the lifecycle produced with its SLA part, and keeps the indexes in step. */
    DossierState applied(DossierState before, DossierState after, DossierEvent e) {
        DossierState tracked = tracker.track(before, after, e, this);
        flushCounts();
        reindex(before, tracked);
        statusChanged(before == null ? null : before.status(), tracked.status());
        return tracked;
    }

    private void reindex(DossierState before, DossierState after) {
        for (Deadline d : Deadline.values()) {
            long was = before == null ? SlaClock.NONE : tracker.deadlineSecond(before, d);
            long now = tracker.deadlineSecond(after, d);
            if (was != now) {
                // A null put, not delete(): delete() reads the old value first, a lookup for nothing.
                if (was != SlaClock.NONE) {
                    deadlines.put(deadlineKey(was, d, after.dossierId()), null);
                }
                if (now != SlaClock.NONE) {
                    deadlines.put(deadlineKey(now, d, after.dossierId()), PRESENT);
                    nextDeadline = Math.min(nextDeadline, now);
                }
            }
        }
        String was = overdueKey(before);
        String now = overdueKey(after);
        if (was != null && !was.equals(now)) {
            overdue.put(was, null);
            overdueCount--;
            metrics.overdueChanged(-1);
        }
        if (now != null && !now.equals(was)) {
            overdue.put(now, after.receivingAgencyCode());
            overdueCount++;
            metrics.overdueChanged(1);
        }
    }

    // ------------------------------------------------------------ wall clock

    /** The scheduled scan: announces due deadlines, publishes changed counters, saves event time. */
    void punctuate(long wallMs) {
        long started = System.nanoTime();
        // Live: events close to the wall clock, or a partition fully read and idle. Otherwise
        // (replaying history, or a backlog not read yet, e.g. after a restart) event time rules.
        boolean live = wallMs / 1000 - maxEventSecond <= settings.liveLag().toSeconds()
                || (inputLag.lag(context.taskId().partition()) == 0
                        && wallMs - lastEventWallMs >= settings.idleToLive().toMillis());
        boolean replaying = !live;
        long horizon = (replaying ? maxEventSecond : wallHorizon(wallMs)) - allowedLatenessSeconds;
        fireUpTo(horizon, Instant.ofEpochMilli(wallMs), replaying);
        publishDirty();
        if (maxEventSecond != storedEventSecond) {
            deadlines.put(Bytes.wrap(META_EVENT_TIME), ByteBuffer.allocate(8).putLong(maxEventSecond).array());
            storedEventSecond = maxEventSecond;
        }
        metrics.punctuation(System.nanoTime() - started);
    }

    /** @param byEventTime a replay: a deadline is detected when event time passes it, not now */
    private void fireUpTo(long horizon, Instant wallNow, boolean byEventTime) {
        // Strictly before the horizon: a dossier resolved exactly at its due is on time, not breached.
        if (horizon <= nextDeadline) {
            return;
        }
        // Seek from the lower bound: the deleted entries before it are tombstones in RocksDB, and
        // iterating over them on every scan would make the cost grow with the whole history. One
        // iterator: the first entry at or past the horizon (or past the cap) is the next deadline.
        List<Bytes> due = new ArrayList<>();
        long following = Long.MAX_VALUE;
        try (KeyValueIterator<Bytes, byte[]> it = deadlines.range(secondKey(Math.max(0, nextDeadline)),
                secondKey(Long.MAX_VALUE))) {
            while (it.hasNext()) {
                Bytes key = it.next().key;
                long second = ByteBuffer.wrap(key.get()).getLong();
                if (second >= horizon || due.size() >= settings.maxFiresPerScan()) {
                    following = second;
                    break;
                }
                due.add(key);
            }
        }
        nextDeadline = following;
        for (Bytes key : due) {
            ByteBuffer k = ByteBuffer.wrap(key.get());
            long second = k.getLong();
            Deadline kind = Deadline.of(k.get());
            String dossierId = new String(key.get(), 9, key.get().length - 9, StandardCharsets.UTF_8);
            deadlines.put(key, null);
            DossierState s = dossiers.get(dossierId);
            if (s == null || tracker.deadlineSecond(s, kind) != second) {
                continue; // stale: the dossier moved on since the entry was written
            }
            DossierState next = tracker.fire(s, kind, this);
            flushCounts();
            reindex(s, next);
            dossiers.put(dossierId, next);
            Instant deadline = Instant.ofEpochSecond(second);
            announce(kind, next, deadline, byEventTime ? deadline : wallNow);
        }
    }

    private void announce(Deadline kind, DossierState s, Instant deadline, Instant detectedAt) {
        SlaClock c = s.clock();
        SlaEventType type = switch (kind) {
            case AT_RISK -> SlaEventType.AT_RISK;
            case DUE -> SlaEventType.BREACHED;
            case REAPPOINTMENT -> SlaEventType.REAPPOINTMENT_BREACHED;
        };
        Instant dueAt = kind == Deadline.REAPPOINTMENT ? c.reappointedDueAt() : c.dueAt();
        emit(type, s, deadline, dueAt, detectedAt, tracker.overdueMinutes(s, detectedAt), kind != Deadline.AT_RISK);
    }

    @Override
    public void resolvedLate(DossierState s, long endSecond) {
        Instant end = Instant.ofEpochSecond(endSecond);
        boolean apologized = s.clock().reappointedDueAt() != null;
        emit(SlaEventType.RESOLVED_LATE, s, end, s.clock().dueAt(), end, tracker.overdueMinutes(s, end), !apologized);
    }

    private void emit(SlaEventType type, DossierState s, Instant deadline, Instant dueAt, Instant detectedAt,
            long overdueMinutes, boolean apologyRequired) {
        byte[] value = SlaEventCodec.encode(type, s, deadline, dueAt, detectedAt, overdueMinutes, apologyRequired);
        context.forward(new Record<>(s.dossierId(), value, detectedAt.toEpochMilli()), DossierTopology.SLA_SINK);
        metrics.slaEvent(type);
    }

    // ------------------------------------------------------------ counters

    @Override
    public void count(String agencyCode, String procedureCode, long epochDay, Measure measure, long delta) {
        if (!hasPending || epochDay != pendingDay || !agencyCode.equals(pendingAgency)
                || !procedureCode.equals(pendingProcedure)) {
            flushCounts();
            hasPending = true;
            pendingDay = epochDay;
            pendingAgency = agencyCode;
            pendingProcedure = procedureCode;
        }
        pending.add(measure, delta);
    }

    /** Writes the pending counter changes; called at the end of every step that may count. */
    private void flushCounts() {
        if (!hasPending) {
            return;
        }
        hasPending = false;
        if (pendingDay != lastDay) {
            lastDay = pendingDay;
            lastDate = LocalDate.ofEpochDay(pendingDay).toString();
        }
        String dateAgency = lastDate + '|' + pendingAgency;
        String key = dateAgency + '|' + pendingProcedure;
        Tally t = counters.get(key);
        counters.put(key, t == null ? pending.copy() : t.merge(pending));
        Tally sum = sums.get(dateAgency);
        if (sum != null) {
            sum.merge(pending);
        }
        pending.clear();
        dirty.add(dateAgency);
    }

    private void publishDirty() {
        if (dirty.isEmpty()) {
            return;
        }
        for (String dateAgency : dirty) {
            Tally sum = sums.get(dateAgency);
            if (sum == null) {
                sum = new Tally();
                try (KeyValueIterator<String, Tally> it = counters.prefixScan(dateAgency + '|', KEYS)) {
                    while (it.hasNext()) {
                        sum.merge(it.next().value);
                    }
                }
                sums.put(dateAgency, sum);
            }
            publish(dateAgency, sum);
        }
        dirty.clear();
    }

    /**
     * A task that starts (or moves here) republishes its partials: the view is rebuilt from the stores.
     * The same scan seeds the held sums; keys come in date order, so the most recent dates stay held.
     */
    private void republishAll() {
        Map<String, Tally> all = new LinkedHashMap<>();
        try (KeyValueIterator<String, Tally> it = counters.all()) {
            while (it.hasNext()) {
                KeyValue<String, Tally> kv = it.next();
                all.computeIfAbsent(kv.key.substring(0, kv.key.lastIndexOf('|')), k -> new Tally()).merge(kv.value);
            }
        }
        all.forEach((dateAgency, sum) -> {
            publish(dateAgency, sum);
            sums.put(dateAgency, sum);
        });
    }

    /** Publishes a copy: the held sum goes on changing after the call. */
    private void publish(String dateAgency, Tally sum) {
        int bar = dateAgency.indexOf('|');
        publisher.publish(context.taskId().partition(), LocalDate.parse(dateAgency.substring(0, bar)).toEpochDay(),
                dateAgency.substring(bar + 1), sum.copy());
    }

    // ------------------------------------------------------------ helpers

    private void countOpenDossiers() {
        try (KeyValueIterator<String, DossierState> it = dossiers.all()) {
            while (it.hasNext()) {
                statusChanged(null, it.next().value.status());
            }
        }
        try (KeyValueIterator<String, String> it = overdue.all()) {
            while (it.hasNext()) {
                it.next();
                overdueCount++;
            }
        }
        metrics.overdueChanged(overdueCount);
    }

    private void statusChanged(DossierStatus from, DossierStatus to) {
        if (from == to) {
            return;
        }
        if (from != null && !from.isFinal()) {
            openByStatus[from.code()]--;
        }
        if (to != null && !to.isFinal()) {
            openByStatus[to.code()]++;
        }
        metrics.statusChanged(from, to);
    }

    /**
     * The wall clock as a scan horizon: deadlines are whole seconds and a deadline is passed as soon
     * as the clock is past it, so a breach is announced within one scan interval of it, not a second later.
     */
    static long wallHorizon(long wallMs) {
        return Math.floorDiv(wallMs + 999, 1000);
    }

    /** The first possible key of a second (no kind, no dossier). */
    private static Bytes secondKey(long second) {
        return Bytes.wrap(ByteBuffer.allocate(8).putLong(second).array());
    }

    static Bytes deadlineKey(long second, Deadline kind, String dossierId) {
        byte[] id = dossierId.getBytes(StandardCharsets.UTF_8);
        return Bytes.wrap(ByteBuffer.allocate(9 + id.length).putLong(second).put((byte) kind.ordinal()).put(id).array());
    }

    /** Overdue list key: due second (zero-padded, so keys sort most overdue first), NUL, dossier id. */
    static String overdueKey(DossierState s) {
        if (s == null || s.ended() || s.clock() == null || !s.has(DossierState.Flag.COUNTED_OVERDUE)) {
            return null;
        }
        String second = Long.toString(s.clock().dueSecond());
        StringBuilder key = new StringBuilder(20 + s.dossierId().length());
        for (int i = second.length(); i < 19; i++) {
            key.append('0');
        }
        return key.append(second).append('\u0000').append(s.dossierId()).toString();
    }
}
