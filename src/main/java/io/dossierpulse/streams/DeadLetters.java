package io.dossierpulse.streams;

import io.dossierpulse.domain.lifecycle.RejectionReason;
import io.dossierpulse.contract.RejectReason;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The dead-letter contract: the original bytes unchanged, and these headers. Consumers of
 * {@code dossier.events.dlq} rely on the header names; they never change. A dead letter that
 * would not fit the producer's {@code max.request.size} (a compressed batch can carry a record
 * larger than that) keeps a prefix of its key and value, drops its original headers when they
 * are what is large, and says so in {@link #TRUNCATED} and {@link #ORIGINAL_BYTES}.
 */
public final class DeadLetters {

    /** Every header the dead-letter topic adds starts with this (a replay strips them). */
    public static final String HEADER_PREFIX = "dlq.";
    public static final String REASON = "dlq.reason";
    public static final String MESSAGE = "dlq.message";
    public static final String SOURCE_TOPIC = "dlq.source.topic";
    public static final String SOURCE_PARTITION = "dlq.source.partition";
    public static final String SOURCE_OFFSET = "dlq.source.offset";
    public static final String REJECTED_AT = "dlq.rejected.at";
    public static final String TRUNCATED = "dlq.truncated";
    /** The original value's length in bytes, set only on a truncated dead letter. */
    public static final String ORIGINAL_BYTES = "dlq.original.bytes";

    /** The producer's default {@code max.request.size}. */
    public static final int DEFAULT_MAX_REQUEST_BYTES = 1_048_576;
    /** Room kept for this contract's own headers and the record's framing. */
    static final int OVERHEAD_BYTES = 8 * 1024;
    static final int MAX_KEY_BYTES = 4 * 1024;
    static final int MAX_ORIGINAL_HEADER_BYTES = 64 * 1024;
    static final int MAX_MESSAGE_CHARS = 1_000;

    private DeadLetters() {
    }

    /** A dead letter's key, value and headers, cut to fit when the original does not. */
    public record Letter(byte[] key, byte[] value, Headers headers) {
    }

    /**
     * The dead letter of a record: its original bytes and headers plus the contract's headers, cut to
     * fit {@code maxRequestBytes}.
     */
    public static Letter letter(byte[] key, byte[] value, Headers original, RejectReason reason, String message,
            String topic, int partition, long offset, long nowMillis, int maxRequestBytes) {
        int keyBytes = key == null ? 0 : key.length;
        int valueBytes = value == null ? 0 : value.length;
        int originalHeaderBytes = sizeOf(original);
        int budget = Math.max(0, maxRequestBytes - OVERHEAD_BYTES);
        boolean truncated = (long) keyBytes + valueBytes + originalHeaderBytes > budget;
        if (truncated) {
            if (originalHeaderBytes > MAX_ORIGINAL_HEADER_BYTES) {
                original = null;
                originalHeaderBytes = 0;
            }
            if (keyBytes > MAX_KEY_BYTES) {
                key = Arrays.copyOf(key, MAX_KEY_BYTES);
                keyBytes = MAX_KEY_BYTES;
            }
            int room = Math.max(0, budget - keyBytes - originalHeaderBytes);
            if (valueBytes > room) {
                value = Arrays.copyOf(value, room);
            }
        }
        Headers h = headers(original, reason, message, topic, partition, offset, nowMillis);
        if (truncated) {
            h.add(TRUNCATED, bytes("true"));
            h.add(ORIGINAL_BYTES, bytes(Integer.toString(valueBytes)));
        }
        return new Letter(key, value, h);
    }

    private static int sizeOf(Headers headers) {
        if (headers == null) {
            return 0;
        }
        long n = 0;
        for (Header h : headers) {
            n += h.key().length() + (h.value() == null ? 0 : h.value().length);
        }
        return (int) Math.min(Integer.MAX_VALUE, n);
    }

    /** The streams producer's {@code max.request.size}, as configured (prefixed or not) or by default. */
    public static int maxRequestBytes(java.util.Map<String, ?> configs) {
        Object v = configs.get("producer.max.request.size");
        if (v == null) {
            v = configs.get("max.request.size");
        }
        return v == null ? DEFAULT_MAX_REQUEST_BYTES : Integer.parseInt(v.toString().trim());
    }

    private static Headers headers(Headers original, RejectReason reason, String message, String topic, int partition,
            long offset, long nowMillis) {
        RecordHeaders h = new RecordHeaders(original == null ? null : original.toArray());
        h.add(REASON, bytes(reason.name()));
        h.add(MESSAGE, bytes(message == null ? "" : message.length() > MAX_MESSAGE_CHARS
                ? message.substring(0, MAX_MESSAGE_CHARS) : message));
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
            case FUTURE_EVENT -> RejectReason.FUTURE_EVENT;
            case SEQ_GAP_TOO_LARGE -> RejectReason.SEQ_GAP_TOO_LARGE;
            case SEQ_CONFLICT -> RejectReason.SEQ_CONFLICT;
        };
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
