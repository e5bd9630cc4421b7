package io.dossierpulse.streams;

import io.dossierpulse.domain.Channel;
import io.dossierpulse.domain.DossierStatus;
import io.dossierpulse.domain.dossier.DossierState;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Compact binary form of {@link DossierState} for the state store and its changelog. Layout,
 * version 1: version byte, status code byte, channel code byte (0 = none), then the strings as
 * u16 length + UTF-8, the longs and int, and the two long arrays as u8 count + values.
 * A new version must keep reading the old ones: stores outlive releases.
 */
public final class DossierStateSerde implements Serde<DossierState>, Serializer<DossierState>, Deserializer<DossierState> {

    static final byte VERSION = 1;
    private static final Channel[] CHANNELS = Channel.values();

    @Override
    public byte[] serialize(String topic, DossierState s) {
        if (s == null) {
            return null;
        }
        byte[] id = utf8(s.dossierId());
        byte[] receiving = utf8(s.receivingAgencyCode());
        byte[] current = s.currentAgencyCode().equals(s.receivingAgencyCode()) ? new byte[0] : utf8(s.currentAgencyCode());
        byte[] procedure = utf8(s.procedureCode());
        int size = 3 + 2 + id.length + 2 + receiving.length + 2 + current.length + 2 + procedure.length
                + 5 * 8 + 4 + 1 + 8 * s.recentEventIds().length + 1 + 8 * s.skippedSeqs().length;
        ByteBuffer b = ByteBuffer.allocate(size);
        b.put(VERSION);
        b.put((byte) s.status().code());
        b.put((byte) (s.channel() == null ? 0 : s.channel().code()));
        putString(b, id);
        putString(b, receiving);
        putString(b, current);
        putString(b, procedure);
        b.putLong(s.submittedAtMillis());
        b.putLong(s.acceptedAtMillis());
        b.putLong(s.endedAtMillis());
        b.putLong(s.lastEventAtMillis());
        b.putLong(s.lastSeq());
        b.putInt(s.transitions());
        putLongs(b, s.recentEventIds());
        putLongs(b, s.skippedSeqs());
        return b.array();
    }

    @Override
    public DossierState deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            ByteBuffer b = ByteBuffer.wrap(data);
            byte version = b.get();
            if (version != VERSION) {
                throw new SerializationException("unknown dossier state version " + version);
            }
            DossierStatus status = DossierStatus.ofCode(b.get());
            int channelCode = b.get();
            Channel channel = channelCode == 0 ? null : CHANNELS[channelCode - 1];
            String id = getString(b);
            String receiving = getString(b);
            String current = getString(b);
            String procedure = getString(b);
            return new DossierState(id, status, receiving, current.isEmpty() ? receiving : current, procedure, channel,
                    b.getLong(), b.getLong(), b.getLong(), b.getLong(), b.getLong(), b.getInt(),
                    getLongs(b), getLongs(b));
        } catch (RuntimeException e) {
            throw new SerializationException("corrupt dossier state of " + data.length + " bytes", e);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void putString(ByteBuffer b, byte[] utf8) {
        b.putShort((short) utf8.length);
        b.put(utf8);
    }

    private static String getString(ByteBuffer b) {
        int n = Short.toUnsignedInt(b.getShort());
        String s = new String(b.array(), b.position(), n, StandardCharsets.UTF_8);
        b.position(b.position() + n);
        return s;
    }

    private static void putLongs(ByteBuffer b, long[] values) {
        b.put((byte) values.length);
        for (long v : values) {
            b.putLong(v);
        }
    }

    private static long[] getLongs(ByteBuffer b) {
        int n = Byte.toUnsignedInt(b.get());
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
            values[i] = b.getLong();
        }
        return values;
    }

    @Override
    public void configure(java.util.Map<String, ?> configs, boolean isKey) {
        // nothing to configure
    }

    @Override
    public void close() {
        // stateless
    }

    @Override
    public Serializer<DossierState> serializer() {
        return this;
    }

    @Override
    public Deserializer<DossierState> deserializer() {
        return this;
    }
}
