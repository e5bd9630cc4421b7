package io.dossierpulse.perf.load;

import io.dossierpulse.domain.DossierEvent;
import io.dossierpulse.domain.EventType;
import io.dossierpulse.generator.GeneratorConfig;
import io.dossierpulse.generator.TrafficGenerator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.utils.Utils;

/**
 * Generated Hanoi traffic made live: the generator decides which dossiers exist and which
 * transitions follow in which order, and each event is stamped with the moment it is sent. Offered
 * rates are far above a real city's, so simulated time runs much faster than the wall clock; the
 * source's own dates (dueAt, newDueAt) keep their distance from the event. Single-threaded.
 */
public final class LiveTraffic {

    private final TrafficGenerator generator;
    private final int partitions;
    private long submitted;
    private long sent;

    public LiveTraffic(long seed, int partitions) {
        this.generator = TrafficGenerator.hanoi(GeneratorConfig.defaults().withSeed(seed).withStart(Instant.now())
                .withIdPrefix("LIVE"));
        this.partitions = partitions;
    }

    /** The next event, occurring at {@code now}. */
    public DossierEvent next(Instant now) {
        DossierEvent e = generator.next();
        Duration shift = Duration.between(e.occurredAt(), now);
        sent++;
        if (e.type() == EventType.SUBMITTED) {
            submitted++;
        }
        return new DossierEvent(e.eventId(), e.dossierId(), e.seq(), e.type(), now, e.agencyCode(),
                e.procedureCode(), e.channel(), e.dueAt() == null ? null : e.dueAt().plus(shift), e.toAgencyCode(),
                e.newDueAt() == null ? null : e.newDueAt().plus(shift), e.feeRequired(), e.paidOnline(),
                e.digitized(), e.reason());
    }

    /** Events taken so far, and how many of them were SUBMITTED. */
    public long sent() {
        return sent;
    }

    public long submitted() {
        return submitted;
    }

    public Instant simulatedTime() {
        return generator.simulatedTime();
    }

    /**
     * The partition the producer's default partitioner picks for a dossier (murmur2 of the key), so
     * that a sample is filed under its partition before it is sent; the send callback confirms it.
     */
    public int partitionOf(String dossierId) {
        return Utils.toPositive(Utils.murmur2(dossierId.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
