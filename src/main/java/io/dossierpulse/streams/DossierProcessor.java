package io.dossierpulse.streams;

import io.dossierpulse.contract.EventCodec;
import io.dossierpulse.contract.ParseResult;
import io.dossierpulse.contract.RejectReason;
import io.dossierpulse.domain.DossierEvent;
import io.dossierpulse.domain.dossier.DossierLedger;
import io.dossierpulse.domain.dossier.DossierState;
import io.dossierpulse.domain.dossier.Effects;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.jboss.logging.Logger;

/**
 * One walk of an event: decode and validate, look the dossier up, let the {@link DossierLedger}
 * decide, then persist what its {@link Effects} say. The decisions are the domain's; this class
 * only routes records and effects to the task's writers:
 * <ul>
 *   <li>{@link DossierStates}: the {@code dossiers} store, the one logged write per event;</li>
 *   <li>{@link DeadlineIndex}: pending deadlines in memory, rebuilt from the states when the task starts;</li>
 *   <li>{@link CounterStore}: counter deltas batched in memory, written once per key per commit;</li>
 *   <li>{@link OverdueList}, {@link HeldEvents}: written only when a dossier joins or leaves them;</li>
 *   <li>the dead-letter and SLA-event sinks.</li>
 * </ul>
 * A record that cannot be applied is dead-lettered, bytes unchanged, with its reason. A failure in
 * this code dead-letters the record instead of killing the stream thread; Kafka's own exceptions
 * (fencing, migration) propagate so that exactly-once recovery can do its job.
 */
final class DossierProcessor implements Processor<String, byte[], String, byte[]> {

    private static final Logger LOG = Logger.getLogger(DossierProcessor.class);
    private static final SlaEventCodec.Encoded[] NO_ANNOUNCEMENTS = new SlaEventCodec.Encoded[0];

    private final TopologySettings settings;
    private final EventCodec codec;
    private final PipelineMetrics metrics;
    private final DossierLedger ledger;
    private final InputLag inputLag;
    private final CounterPublication publication;
    private final Effects fx = new Effects();
    private final TaskCounts counts;
    private ProcessorContext<String, byte[]> context;
    private DossierStates states;
    private HeldEvents held;
    private OverdueList overdue;
    private DeadlineIndex deadlines;
    private TaskClock clock;
    private java.util.function.LongSupplier indexSize;
    private int maxRequestBytes = DeadLetters.DEFAULT_MAX_REQUEST_BYTES;

    DossierProcessor(TopologySettings settings, PipelineMetrics metrics, DossierLedger ledger,
            CounterPublisher publisher, InputLag inputLag) {
        this.settings = settings;
        this.codec = new EventCodec(settings.maxEventBytes());
        this.metrics = metrics;
        this.ledger = ledger;
        this.inputLag = inputLag;
        this.publication = new CounterPublication(publisher);
        this.counts = new TaskCounts(metrics);
    }

    /**
     * Builds every per-task structure from the stores, so that a task that starts, moves here or is
     * revived after an aborted transaction starts clean: nothing survives from before but the stores.
     */
    @Override
    public void init(ProcessorContext<String, byte[]> ctx) {
        maxRequestBytes = DeadLetters.maxRequestBytes(ctx.appConfigs());
        long started = System.nanoTime();
        this.context = ctx;
        this.states = new DossierStates(ctx.getStateStore(DossierTopology.DOSSIER_STORE),
                settings.dossierCacheSize(), metrics);
        this.held = new HeldEvents(ctx.getStateStore(DossierTopology.HELD_STORE), settings);
        this.overdue = new OverdueList(ctx.getStateStore(DossierTopology.OVERDUE_STORE), metrics);
        this.deadlines = new DeadlineIndex(ledger, settings.settleTime().toMillis());
        this.clock = new TaskClock(settings, inputLag, ctx.taskId().partition(), ctx.currentSystemTimeMs());
        counts.release();
        fx.clear();
        long unreadable = states.forEach(s -> {
            deadlines.add(s);
            overdue.rebuilt(s);
            counts.statusChanged(null, s.status());
            clock.restored(s.lastEventAtMillis() / 1000);
        });
        if (unreadable > 0) {
            LOG.warnf("Task %s: %d stored dossier state(s) cannot be read; their dossiers are quarantined",
                    ctx.taskId(), unreadable);
        }
        CounterStore counters = CounterStore.of(ctx.getStateStore(DossierTopology.COUNTER_STORE));
        counts.start(counters);
        publication.start(counters, ctx.taskId().partition());
        DeadlineIndex index = deadlines;
        indexSize = index::size;
        metrics.watchDeadlineIndex(indexSize);
        Duration tenth = settings.holdTimeout().dividedBy(10);
        Duration every = tenth.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : tenth;
        ctx.schedule(every, PunctuationType.WALL_CLOCK_TIME, this::releaseExpiredHolds);
        ctx.schedule(settings.scanInterval(), PunctuationType.WALL_CLOCK_TIME, this::scan);
        metrics.taskRebuilt(System.nanoTime() - started);
    }

    @Override
    public void close() {
        if (indexSize != null) {
            metrics.unwatchDeadlineIndex(indexSize);
        }
        counts.release();
        if (overdue != null) {
            overdue.release();
        }
    }

    @Override
    public void process(Record<String, byte[]> record) {
        Origin origin = context.recordMetadata()
                .map(md -> new Origin(md.topic(), md.partition(), md.offset(), record.timestamp()))
                .orElse(new Origin(settings.eventsTopic(), -1, -1, record.timestamp()));
        try {
            ParseResult parsed = codec.decode(record.value());
            if (parsed instanceof ParseResult.Invalid invalid) {
                deadLetter(record.key(), record.value(), record.headers(), invalid.violation().reason(),
                        invalid.violation().message(), origin);
                return;
            }
            DossierEvent event = ((ParseResult.Valid) parsed).event();
            if (!event.dossierId().equals(record.key())) {
                deadLetter(record.key(), record.value(), record.headers(), RejectReason.KEY_MISMATCH,
                        "record key '" + record.key() + "' must equal dossierId '" + event.dossierId() + "'", origin);
                return;
            }
            long wallMs = context.currentSystemTimeMs();
            metrics.eventLag(wallMs - event.occurredAt().toEpochMilli());
            long at = event.occurredAt().getEpochSecond();
            boolean late = clock.behind(at);
            boolean replaying = clock.replaying(at, wallMs);
            long horizon = clock.eventSeen(at, wallMs);
            if (horizon != TaskClock.NO_SCAN) {
                fireDue(horizon, wallMs, replaying);
            }
            DossierState current = states.get(event.dossierId());
            fx.clear();
            ledger.apply(current, event, wallMs, late, replaying, fx);
            if (fx.verdict() == Effects.Verdict.HELD) {
                hold(event, record.value(), record.headers(), origin);
                return;
            }
            DossierState next = settle(current, event, record.value(), record.headers(), origin);
            if (next != null && held.any()) {
                drainHeld(next);
            }
        } catch (DossierStates.UnreadableState e) {
            LOG.warnf("Record %s-%d@%d: its dossier's stored state cannot be read; dead-lettered", origin.topic(),
                    origin.partition(), origin.offset());
            deadLetter(record.key(), record.value(), record.headers(), RejectReason.STATE_UNREADABLE, e.getMessage(),
                    origin);
        } catch (RuntimeException e) {
            if (KafkaFailures.mustPropagate(e)) {
                throw e;
            }
            LOG.errorf(e, "Failed to process record %s-%d@%d; dead-lettered", origin.topic(), origin.partition(),
                    origin.offset());
            deadLetter(record.key(), record.value(), record.headers(), RejectReason.PROCESSING_ERROR, e.toString(),
                    origin);
        }
    }

    /** Persists the decision in {@link #fx}; returns the dossier's state afterwards, or null when it has none. */
    private DossierState settle(DossierState before, DossierEvent event, byte[] value, Headers headers, Origin origin) {
        switch (fx.verdict()) {
            case APPLIED -> metrics.applied(event);
            case DUPLICATE -> metrics.duplicate();
            case REJECTED -> deadLetter(event.dossierId(), value, headers, DeadLetters.reasonOf(fx.rejection()),
                    fx.message(), origin);
            case HELD -> throw new IllegalStateException("a held event cannot be settled");
        }
        persist(before);
        if (settings.portalOut() && fx.verdict() == Effects.Verdict.APPLIED && fx.next() != null) {
            // The portal's view after the transition, once it is stored, for a connector to the national portal.
            context.forward(new Record<>(event.dossierId(), io.dossierpulse.contract.PortalSyncCodec.encode(
                    io.dossierpulse.domain.portal.PortalSnapshot.of(fx.next(), event)), origin.timestamp()),
                    DossierTopology.PORTAL_OUT_SINK);
        }
        return fx.next() != null ? fx.next() : before;
    }

    /** Writes the effects of one decision (about the dossier whose stored state was {@code before}). */
    private void persist(DossierState before) {
        // Encoded before anything is written: a failure here leaves no state marked as announced.
        SlaEventCodec.Encoded[] announcements = fx.announcements() == 0 ? NO_ANNOUNCEMENTS
                : new SlaEventCodec.Encoded[fx.announcements()];
        for (int i = 0; i < announcements.length; i++) {
            announcements[i] = SlaEventCodec.encode(fx, i, settings.slaEventMode());
        }
        DossierState next = fx.next();
        if (next != null) {
            states.put(next);
            deadlines.changed(before, next);
            overdue.changed(before, next);
            counts.statusChanged(before == null ? null : before.status(), next.status());
        }
        counts.add(fx, publication);
        // Stamped with the wall clock, not the deadline: a replayed announcement dated in the past would
        // otherwise fall to the topic's time retention before subscribers read it (its CloudEvent says when).
        long now = announcements.length == 0 ? 0 : context.currentSystemTimeMs();
        for (int i = 0; i < announcements.length; i++) {
            context.forward(new Record<>(fx.announced(i).dossierId(), announcements[i].value(), now,
                    announcements[i].headers()), DossierTopology.SLA_SINK);
            metrics.slaEvent(fx.type(i));
        }
    }

    // ------------------------------------------------------------ deadlines

    /** The scheduled scan: announces what the task's horizon has passed, publishes changed counters. */
    private void scan(long wallMs) {
        long started = System.nanoTime();
        fireDue(clock.horizon(wallMs), wallMs, !clock.live(wallMs));
        publication.publishChanged();
        metrics.punctuation(System.nanoTime() - started);
    }

    /**
     * Announces the settled dossiers' deadlines before {@code horizon} (strictly: a dossier resolved
     * exactly at its due is on time), at most {@code max-fires-per-scan} of them.
     */
    private void fireDue(long horizon, long wallMs, boolean byEventTime) {
        int fired = 0;
        while (fired < settings.maxFiresPerScan() && deadlines.next(horizon, wallMs)) {
            try {
                DossierState s = states.get(deadlines.dossierId());
                if (!deadlines.confirm(s, wallMs)) {
                    continue;
                }
                fx.clear();
                ledger.fire(s, deadlines.kind(), byEventTime ? deadlines.second() * 1000 : wallMs, fx);
                persist(s);
                fired++;
            } catch (RuntimeException e) {
                if (KafkaFailures.mustPropagate(e)) {
                    throw e;
                }
                // One dossier's trouble (an unreadable state, a bug) must not stop the others' deadlines.
                metrics.punctuationError();
                // Dossier ids stay out of logs above DEBUG: the metric and the stack trace locate the fault.
                LOG.errorf(e, "A %s deadline of task %s skipped", deadlines.kind(), context.taskId());
                LOG.debugf("The skipped deadline was dossier %s's", deadlines.dossierId());
            }
        }
    }

    // ------------------------------------------------------------ held events

    private void hold(DossierEvent event, byte[] value, Headers headers, Origin origin) {
        switch (held.hold(event, value, origin, context.currentSystemTimeMs())) {
            case HELD -> metrics.held();
            // A second copy of a held seq: dropped as a duplicate, as a second copy of an applied one is.
            case ALREADY_HELD -> metrics.duplicate();
            case FULL -> deadLetter(event.dossierId(), value, headers, RejectReason.HOLD_OVERFLOW, "more than "
                    + settings.maxHeldPerDossier() + " events held for dossier " + event.dossierId()
                    + " while waiting for an earlier seq", origin);
        }
    }

    /** Applies the held events that now follow the state's last seq, in seq order. */
    private void drainHeld(DossierState state) {
        DossierState s = state;
        while (held.any()) {
            HeldEvent h = held.take(s.dossierId(), s.lastSeq() + 1);
            if (h == null) {
                return;
            }
            DossierEvent event = decodeHeld(h);
            long wallMs = context.currentSystemTimeMs();
            fx.clear();
            long at = event.occurredAt().getEpochSecond();
            ledger.apply(s, event, wallMs, clock.behind(at), clock.replaying(at, wallMs), fx);
            s = settle(s, event, h.value(), null, h.origin());
        }
    }

    /** Gives up waiting for missing seqs of dossiers whose oldest held event is older than the timeout. */
    private void releaseExpiredHolds(long now) {
        for (String dossierId : held.expired(now - settings.holdTimeout().toMillis())) {
            try {
                release(dossierId);
            } catch (RuntimeException e) {
                if (KafkaFailures.mustPropagate(e)) {
                    throw e;
                }
                metrics.punctuationError();
                LOG.errorf(e, "Held events of a dossier of task %s not released", context.taskId());
                LOG.debugf("The held events not released were dossier %s's", dossierId);
            }
        }
    }

    private void release(String dossierId) {
        DossierState state;
        HeldEvent h;
        try {
            state = states.get(dossierId);
        } catch (DossierStates.UnreadableState e) {
            while ((h = held.takeFirst(dossierId)) != null) {
                deadLetter(dossierId, h.value(), null, RejectReason.STATE_UNREADABLE, e.getMessage(), h.origin());
            }
            return;
        }
        // Without state, a rejected first event leaves nothing to build on: try the next held one.
        while ((h = held.takeFirst(dossierId)) != null) {
            DossierEvent event = decodeHeld(h);
            long missing = event.seq() - (state == null ? 0 : state.lastSeq()) - 1;
            metrics.gapSkipped(missing);
            LOG.infof("Gave up waiting for %d missing seq(s) before record %s-%d@%d after %s", missing,
                    h.origin().topic(), h.origin().partition(), h.origin().offset(), settings.holdTimeout());
            long wallMs = context.currentSystemTimeMs();
            fx.clear();
            long at = event.occurredAt().getEpochSecond();
            ledger.applyAfterGap(state, event, wallMs, clock.behind(at), clock.replaying(at, wallMs), fx);
            DossierState after = settle(state, event, h.value(), null, h.origin());
            if (after != null && after != state) {
                drainHeld(after);
                return;
            }
        }
    }

    /** Held events were valid when held and the codec is deterministic. */
    private DossierEvent decodeHeld(HeldEvent h) {
        return ((ParseResult.Valid) codec.decode(h.value())).event();
    }

    private void deadLetter(String key, byte[] value, Headers original, RejectReason reason, String message,
            Origin origin) {
        metrics.rejected(reason);
        DeadLetters.Letter letter = DeadLetters.letter(key == null ? null : key.getBytes(StandardCharsets.UTF_8), value,
                original, reason, message, origin.topic(), origin.partition(), origin.offset(),
                context.currentSystemTimeMs(), maxRequestBytes);
        if (letter.headers().lastHeader(DeadLetters.TRUNCATED) != null) {
            LOG.warnf("Dead letter of %s-%d@%d truncated to fit max.request.size (%d bytes)", origin.topic(),
                    origin.partition(), origin.offset(), maxRequestBytes);
        }
        String letterKey = letter.key() == null ? null : new String(letter.key(), StandardCharsets.UTF_8);
        context.forward(new Record<>(letterKey, letter.value(), origin.timestamp(), letter.headers()),
                DossierTopology.DLQ_SINK);
    }
}
