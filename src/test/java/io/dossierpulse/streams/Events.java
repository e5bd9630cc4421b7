package io.dossierpulse.streams;

import io.dossierpulse.contract.EventCodec;
import io.dossierpulse.domain.Channel;
import io.dossierpulse.domain.DossierEvent;
import io.dossierpulse.domain.EventType;
import java.time.Instant;

/** Builds contract-v1 event bytes for tests. */
final class Events {

    static final EventCodec CODEC = new EventCodec();
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
