package io.dossierpulse.streams;

import io.dossierpulse.domain.indicators.Measure;
import io.dossierpulse.domain.indicators.Tally;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A {@link Tally} as a version byte, the number of measures, then each count as a zig-zag varint:
 * most counts are 0 or small, so a tally takes about 40 bytes. Older layouts (fewer measures) read
 * as zeros for the newer ones.
 */
public final class TallySerde implements Serde<Tally>, Serializer<Tally>, Deserializer<Tally> {

    static final byte VERSION = 1;

    @Override
    public byte[] serialize(String topic, Tally t) {
        if (t == null) {
            return null;
        }
        long[] counts = t.toArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream(2 + counts.length);
        out.write(VERSION);
        out.write(counts.length);
        for (long c : counts) {
            long v = (c << 1) ^ (c >> 63);
            while ((v & ~0x7FL) != 0) {
                out.write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            out.write((int) v);
        }
        return out.toByteArray();
    }

    @Override
    public Tally deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length < 2 || data[0] != VERSION) {
            throw new SerializationException("unknown tally layout");
        }
        int n = Byte.toUnsignedInt(data[1]);
        if (n > Measure.COUNT) {
            throw new SerializationException("tally of " + n + " measures is from a newer release");
        }
        long[] counts = new long[n];
        int pos = 2;
        for (int i = 0; i < n; i++) {
            long v = 0;
            int shift = 0;
            byte b;
            do {
                if (pos >= data.length) {
                    throw new SerializationException("truncated tally");
                }
                b = data[pos++];
                v |= (long) (b & 0x7F) << shift;
                shift += 7;
            } while (b < 0);
            counts[i] = (v >>> 1) ^ -(v & 1);
        }
        return Tally.of(counts);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        // nothing to configure
    }

    @Override
    public void close() {
        // stateless
    }

    @Override
    public Serializer<Tally> serializer() {
        return this;
    }

    @Override
    public Deserializer<Tally> deserializer() {
        return this;
    }
}
