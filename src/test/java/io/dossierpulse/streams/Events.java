package io.dossierpulse.streams;

import io.dossierpulse.contract.EventCodec;
import io.dossierpulse.domain.Channel;
import io.dossierpulse.domain.DossierEvent;
import io.dossierpulse.domain.EventType;
import java.time.Instant;

/** Builds contract-v1 event bytes for tests. */
final class Events {

    static final EventCodec CODEC = new EventCodec();
    /**
     * For tests that send a dossier's later events ahead of the driver's wall clock (advanced step by
     * step afterwards): the future-skew bound is lifted, every other intake rule is the service's.
     */
    static final io.dossierpulse.domain.dossier.IntakeLimits AHEAD_OF_THE_CLOCK = new io.dossierpulse.domain.dossier.IntakeLimits(
            java.time.Duration.ofDays(36_500), io.dossierpulse.domain.dossier.IntakeLimits.DEFAULT.maxSeqGap());
    static final Instant T0 = Instant.parse("2025-03-12T03:00:00Z"); // Wednesday 10:00 in Hanoi

    private Events() {
    }

    static DossierEvent event(String dossierId, long seq, EventType type, Instant at) {
        Channel channel = type == EventType.SUBMITTED || type == EventType.ACCEPTED ? Channel.ONLINE : null;
        return new DossierEvent(dossierId + "-" + seq + "-" + type, dossierId, seq, type, at, "P-BD-PHUCXA", "HT-301",
                channel, null, type == EventType.TRANSFERRED ? "Q-BD" : null,
                type == EventType.APOLOGY_ISSUED ? at.plusSeconds(86_400 * 3) : null, null, null, null, null);
    }

    static byte[] bytes(String dossierId, long seq, EventType type) {
        return CODEC.encode(event(dossierId, seq, type, T0.plusSeconds(60 * seq)));
    }
}
