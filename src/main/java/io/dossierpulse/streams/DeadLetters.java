package io.dossierpulse.streams;

import io.dossierpulse.domain.lifecycle.RejectionReason;
import io.dossierpulse.contract.RejectReason;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The dead-letter contract: the original bytes unchanged, and these headers. Consumers of
 * {@code dossier.events.dlq} rely on the header names; they never change.
 */
public final class DeadLetters {

    public static final String REASON = "dlq.reason";
    public static final String MESSAGE = "dlq.message";
    public static final String SOURCE_TOPIC = "dlq.source.topic";
    public static final String SOURCE_PARTITION = "dlq.source.partition";
    public static final String SOURCE_OFFSET = "dlq.source.offset";
    public static final String REJECTED_AT = "dlq.rejected.at";

    private DeadLetters() {
    }

    static Headers headers(Headers original, RejectReason reason, String message, String topic, int partition,
            long offset, long nowMillis) {
        RecordHeaders h = new RecordHeaders(original == null ? null : original.toArray());
        h.add(REASON, bytes(reason.name()));
        h.add(MESSAGE, bytes(message));
        h.add(SOURCE_TOPIC, bytes(topic));
        h.add(SOURCE_PARTITION, bytes(Integer.toString(partition)));
        h.add(SOURCE_OFFSET, bytes(Long.toString(offset)));
        h.add(REJECTED_AT, bytes(java.time.Instant.ofEpochMilli(nowMillis).toString()));
        return h;
    }

    /** The published code of a domain rejection (an exhaustive switch: a new reason fails to compile here). */
    static RejectReason reasonOf(RejectionReason r) {
        return switch (r) {
            case ILLEGAL_TRANSITION -> RejectReason.ILLEGAL_TRANSITION;
            case DOSSIER_ENDED -> RejectReason.DOSSIER_ENDED;
            case NOT_STARTED -> RejectReason.NOT_STARTED;
            case MISSING_FIELD -> RejectReason.MISSING_FIELD;
            case SEQ_SKIPPED -> RejectReason.SEQ_SKIPPED;
        };
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
