package io.dossierpulse.streams;

import io.dossierpulse.contract.EventCodec;
import io.dossierpulse.contract.ParseResult;
import io.dossierpulse.contract.RejectReason;
import io.dossierpulse.domain.DossierEvent;
import io.dossierpulse.domain.dossier.DossierIntake;
import io.dossierpulse.domain.dossier.DossierState;
import io.dossierpulse.domain.dossier.DossierTracker;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logging.Logger;

/**
 * Validates every record of {@code dossier.events} and applies it to its dossier's state. Nothing
 * is lost: a record that cannot be applied is forwarded, bytes unchanged, to the dead-letter sink
 * with its reason; duplicates are counted. A failure inside this processor dead-letters the record
 * instead of killing the stream thread; Kafka's own exceptions (fencing, migration) still propagate
 * so that exactly-once processing can do its job.
 */
final class DossierIntakeProcessor implements Processor<String, byte[], String, byte[]> {

    private static final Logger LOG = Logger.getLogger(DossierIntakeProcessor.class);
    /** Bounded work per hold-timeout punctuation, so a pile of expired holds never stalls processing. */
    private static final int MAX_RELEASES_PER_PUNCTUATION = 1_000;
    private static final StringSerializer KEYS = new StringSerializer();

    private final TopologySettings settings;
    private final EventCodec codec;
    private final PipelineMetrics metrics;
    private final SlaTracking tracking;
    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<String, DossierState> dossiers;
    private KeyValueStore<String, byte[]> held;
    /** Events held in this task: when none, applying an event needs no look into the held store. */
    private long heldCount;

    DossierIntakeProcessor(TopologySettings settings, PipelineMetrics metrics, DossierTracker tracker,
            CounterPublisher publisher, InputLag inputLag) {
        this.settings = settings;
        this.codec = new EventCodec(settings.maxEventBytes());
        this.metrics = metrics;
        this.tracking = new SlaTracking(settings, tracker, metrics, publisher, inputLag);
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        this.dossiers = context.getStateStore(DossierTopology.DOSSIER_STORE);
        this.held = context.getStateStore(DossierTopology.HELD_STORE);
        try (KeyValueIterator<String, byte[]> it = held.all()) {
            while (it.hasNext()) {
                it.next();
                heldCount++;
            }
        }
        Duration tenth = settings.holdTimeout().dividedBy(10);
        Duration every = tenth.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : tenth;
        context.schedule(every, PunctuationType.WALL_CLOCK_TIME, this::releaseExpiredHolds);
        tracking.init(context);
        context.schedule(settings.scanInterval(), PunctuationType.WALL_CLOCK_TIME, tracking::punctuate);
    }

    @Override
    public void close() {
        tracking.close();
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
            tracking.beforeEvent(event);
            DossierState current = caughtUp(dossiers.get(event.dossierId()), event);
            DossierIntake.Outcome outcome = DossierIntake.decide(current, event);
            if (outcome.verdict() == DossierIntake.Verdict.HELD) {
                hold(event, record.value(), record.headers(), origin);
                return;
            }
            DossierState next = settle(current, outcome, event, record.value(), record.headers(), origin);
            if (next != null) {
                dossiers.put(event.dossierId(), drainHeld(next));
            }
        } catch (KafkaException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.errorf(e, "Failed to process record %s-%d@%d; dead-lettered", origin.topic(), origin.partition(),
                    origin.offset());
            deadLetter(record.key(), record.value(), record.headers(), RejectReason.PROCESSING_ERROR, e.toString(),
                    origin);
        }
    }

    /** Counts or dead-letters the outcome of one decided event; returns the state to store, or null. */
    private DossierState settle(DossierState before, DossierIntake.Outcome outcome, DossierEvent event, byte[] value,
            Headers headers, Origin origin) {
        switch (outcome.verdict()) {
            case APPLIED -> {
                metrics.applied(event);
                return tracking.applied(before, outcome.state(), event);
            }
            case DUPLICATE -> metrics.duplicate();
            case REJECTED -> deadLetter(event.dossierId(), value, headers,
                    RejectReason.valueOf(outcome.reasonCode()), outcome.message(), origin);
            case HELD -> throw new IllegalStateException("a held event cannot be settled");
        }
        return outcome.state();
    }

    private void hold(DossierEvent event, byte[] value, Headers headers, Origin origin) {
        int count = 0;
        try (KeyValueIterator<String, byte[]> it = held.prefixScan(HeldEvent.prefix(event.dossierId()), KEYS)) {
            while (it.hasNext() && count < settings.maxHeldPerDossier()) {
                it.next();
                count++;
            }
        }
        if (count >= settings.maxHeldPerDossier()) {
            deadLetter(event.dossierId(), value, headers, RejectReason.HOLD_OVERFLOW, "more than "
                    + settings.maxHeldPerDossier() + " events held for dossier " + event.dossierId()
                    + " while waiting for an earlier seq", origin);
            return;
        }
        held.put(HeldEvent.key(event.dossierId(), event.seq()),
                new HeldEvent(context.currentSystemTimeMs(), origin, value).toBytes());
        heldCount++;
        metrics.held();
    }

    /** The dossier's state after announcing what its event shows has passed; stored when it changed. */
    private DossierState caughtUp(DossierState stored, DossierEvent event) {
        DossierState current = tracking.catchUp(stored, event);
        if (current != stored) {
            dossiers.put(current.dossierId(), current);
        }
        return current;
    }

    /** Applies the held events that now follow the state's last seq, in seq order. */
    private DossierState drainHeld(DossierState state) {
        DossierState s = state;
        while (heldCount > 0) {
            String key = HeldEvent.key(s.dossierId(), s.lastSeq() + 1);
            byte[] bytes = held.get(key);
            if (bytes == null) {
                return s;
            }
            held.delete(key);
            heldCount--;
            HeldEvent h = HeldEvent.fromBytes(bytes);
            DossierEvent event = decodeHeld(h);
            s = caughtUp(s, event);
            DossierState next = settle(s, DossierIntake.decide(s, event), event, h.value(), null, h.origin());
            if (next == null) {
                return s;
            }
            s = next;
        }
        return s;
    }

    /** Gives up waiting for missing seqs of dossiers whose oldest held event is older than the timeout. */
    private void releaseExpiredHolds(long now) {
        long deadline = now - settings.holdTimeout().toMillis();
        Set<String> expired = new LinkedHashSet<>();
        try (KeyValueIterator<String, byte[]> it = held.all()) {
            while (it.hasNext() && expired.size() < MAX_RELEASES_PER_PUNCTUATION) {
                var kv = it.next();
                if (HeldEvent.fromBytes(kv.value).heldAtMillis() <= deadline) {
                    expired.add(HeldEvent.dossierOf(kv.key));
                }
            }
        }
        for (String dossierId : expired) {
            release(dossierId);
        }
    }

    private void release(String dossierId) {
        DossierState state = dossiers.get(dossierId);
        String firstKey;
        // Without state, a rejected first event leaves nothing to build on: try the next held one.
        while ((firstKey = firstHeldKey(dossierId)) != null) {
            HeldEvent h = HeldEvent.fromBytes(held.get(firstKey));
            held.delete(firstKey);
            heldCount--;
            DossierEvent event = decodeHeld(h);
            state = caughtUp(state, event);
            long missing = event.seq() - (state == null ? 0 : state.lastSeq()) - 1;
            metrics.gapSkipped(missing);
            LOG.warnf("Dossier %s: gave up waiting for %d missing seq(s) before seq %d after %s", dossierId, missing,
                    event.seq(), settings.holdTimeout());
            DossierState next = settle(state, DossierIntake.decideAfterGap(state, event), event, h.value(), null,
                    h.origin());
            if (next != null) {
                dossiers.put(dossierId, drainHeld(next));
                return;
            }
        }
    }

    private String firstHeldKey(String dossierId) {
        try (KeyValueIterator<String, byte[]> it = held.prefixScan(HeldEvent.prefix(dossierId), KEYS)) {
            return it.hasNext() ? it.next().key : null;
        }
    }

    /** Held events were valid when held and the codec is deterministic. */
    private DossierEvent decodeHeld(HeldEvent h) {
        return ((ParseResult.Valid) codec.decode(h.value())).event();
    }

    private void deadLetter(String key, byte[] value, Headers original, RejectReason reason, String message,
            Origin origin) {
        metrics.rejected(reason);
        Headers headers = DeadLetters.headers(original, reason, message, origin.topic(), origin.partition(),
                origin.offset(), context.currentSystemTimeMs());
        context.forward(new Record<>(key, value, origin.timestamp(), headers), DossierTopology.DLQ_SINK);
    }
}
