package io.dossierpulse.streams;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An event waiting for an earlier seq of its dossier, kept with where it came from so that it can
 * still be dead-lettered with its source coordinates after the hold.
 */
record HeldEvent(long heldAtMillis, Origin origin, byte[] value) {

    /** Store key: dossierId, a NUL (ids never contain control characters), then the zero-padded seq. */
    static String key(String dossierId, long seq) {
        String digits = Long.toString(seq);
        return prefix(dossierId) + "0".repeat(19 - digits.length()) + digits;
    }

    static String prefix(String dossierId) {
        return dossierId + '\u0000';
    }

    static long seqOf(String key) {
        return Long.parseLong(key.substring(key.lastIndexOf('\u0000') + 1));
    }

    static String dossierOf(String key) {
        return key.substring(0, key.lastIndexOf('\u0000'));
    }

    byte[] toBytes() {
        byte[] topic = origin.topic().getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + 2 + topic.length + 4 + 8 + 8 + value.length)
                .putLong(heldAtMillis).putShort((short) topic.length).put(topic)
                .putInt(origin.partition()).putLong(origin.offset()).putLong(origin.timestamp()).put(value).array();
    }

    static HeldEvent fromBytes(byte[] b) {
        ByteBuffer buf = ByteBuffer.wrap(b);
        long heldAt = buf.getLong();
        int topicLength = Short.toUnsignedInt(buf.getShort());
        String topic = new String(b, buf.position(), topicLength, StandardCharsets.UTF_8);
        buf.position(buf.position() + topicLength);
        int partition = buf.getInt();
        long offset = buf.getLong();
        long timestamp = buf.getLong();
        return new HeldEvent(heldAt, new Origin(topic, partition, offset, timestamp),
                Arrays.copyOfRange(b, buf.position(), b.length));
    }
}
