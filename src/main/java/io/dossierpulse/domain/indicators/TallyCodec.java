package io.dossierpulse.domain.indicators;

import java.util.Arrays;

/**
 * The binary form of a {@link Tally}, used by the counter store's changelog and by the serving
 * view: a version byte, the number of measures, then each count as a zig-zag varint. Most counts
 * are 0 or small, so a tally is about 40 bytes instead of 288 for the raw longs. Reading adds
 * straight into an accumulator: range queries decode thousands of entries and should not allocate
 * one tally each. Counts of measures this release does not know (written by a newer one) are skipped.
 */
public final class TallyCodec {

    public static final byte VERSION = 1;

    private TallyCodec() {
    }

    public static byte[] encode(Tally t) {
        long[] counts = t.toArray();
        byte[] buf = new byte[2 + counts.length * 10];
        buf[0] = VERSION;
        buf[1] = (byte) counts.length;
        int pos = 2;
        for (long c : counts) {
            long v = (c << 1) ^ (c >> 63);
            while ((v & ~0x7FL) != 0) {
                buf[pos++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            buf[pos++] = (byte) v;
        }
        return Arrays.copyOf(buf, pos);
    }

    /**
     * Adds the encoded counts to {@code into}. Measures this release does not know (a newer
     * layout written by a newer instance during a rolling upgrade) are skipped.
     *
     * @throws IllegalArgumentException when the bytes are not a tally
     */
    public static void addTo(byte[] data, Tally into) {
        if (data.length < 2 || data[0] != VERSION) {
            throw new IllegalArgumentException("not a tally value");
        }
        int n = Byte.toUnsignedInt(data[1]);
        int pos = 2;
        for (int i = 0; i < n; i++) {
            long v = 0;
            int shift = 0;
            byte b;
            do {
                if (pos >= data.length || shift > 63) {
                    throw new IllegalArgumentException("truncated tally value");
                }
                b = data[pos++];
                v |= (long) (b & 0x7F) << shift;
                shift += 7;
            } while (b < 0);
            long count = (v >>> 1) ^ -(v & 1);
            if (i < Measure.COUNT && count != 0) {
                into.add(Measure.of(i), count);
            }
        }
    }

    public static Tally decode(byte[] data) {
        Tally t = new Tally();
        addTo(data, t);
        return t;
    }
}
