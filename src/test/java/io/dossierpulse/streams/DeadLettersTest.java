package io.dossierpulse.streams;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dossierpulse.contract.RejectReason;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class DeadLettersTest {

    private static final int LIMIT = 100_000;

    private static DeadLetters.Letter letter(byte[] key, byte[] value, Headers original) {
        return DeadLetters.letter(key, value, original, RejectReason.TOO_LARGE, "m".repeat(5_000), "dossier.events", 3,
                42L, 0L, LIMIT);
    }

    private static String header(Headers h, String name) {
        Header x = h.lastHeader(name);
        return x == null ? null : new String(x.value(), StandardCharsets.UTF_8);
    }

    private static long size(DeadLetters.Letter l) {
        long n = (l.key() == null ? 0 : l.key().length) + l.value().length;
        for (Header h : l.headers()) {
            n += h.key().length() + h.value().length;
        }
        return n;
    }

    @Test
    void aLetterThatFitsKeepsItsBytesAndHeaders() {
        byte[] value = new byte[LIMIT / 2];
        RecordHeaders original = new RecordHeaders();
        original.add("trace", "abc".getBytes(StandardCharsets.UTF_8));
        DeadLetters.Letter l = letter("K".getBytes(StandardCharsets.UTF_8), value, original);
        assertArrayEquals(value, l.value());
        assertEquals("abc", header(l.headers(), "trace"));
        assertNull(header(l.headers(), DeadLetters.TRUNCATED));
        assertEquals("TOO_LARGE", header(l.headers(), DeadLetters.REASON));
        assertEquals(DeadLetters.MAX_MESSAGE_CHARS, header(l.headers(), DeadLetters.MESSAGE).length());
    }

    @Test
    void anOversizeValueKeepsTheLongestPrefixThatFits() {
        byte[] value = new byte[LIMIT * 3];
        Arrays.fill(value, (byte) 7);
        DeadLetters.Letter l = letter("K".getBytes(StandardCharsets.UTF_8), value, null);
        assertEquals("true", header(l.headers(), DeadLetters.TRUNCATED));
        assertEquals(Integer.toString(value.length), header(l.headers(), DeadLetters.ORIGINAL_BYTES));
        assertEquals(LIMIT - DeadLetters.OVERHEAD_BYTES - 1, l.value().length);
        assertTrue(size(l) <= LIMIT, "fits: " + size(l));
    }

    @Test
    void hugeKeysAndHeadersAreCutToo() {
        byte[] key = new byte[LIMIT];
        RecordHeaders original = new RecordHeaders();
        for (int i = 0; i < 100; i++) {
            original.add("h" + i, new byte[1_000]);
        }
        DeadLetters.Letter l = letter(key, new byte[10], original);
        assertEquals(DeadLetters.MAX_KEY_BYTES, l.key().length);
        assertNull(header(l.headers(), "h0"), "original headers above their bound are dropped");
        assertEquals(10, l.value().length);
        assertTrue(size(l) <= LIMIT, "fits: " + size(l));
    }

    @Test
    void theLimitIsTheStreamsProducerSetting() {
        assertEquals(DeadLetters.DEFAULT_MAX_REQUEST_BYTES, DeadLetters.maxRequestBytes(Map.of()));
        assertEquals(5_000_000, DeadLetters.maxRequestBytes(Map.of("producer.max.request.size", "5000000")));
        assertEquals(2_000_000, DeadLetters.maxRequestBytes(Map.of("max.request.size", 2_000_000)));
    }
}
