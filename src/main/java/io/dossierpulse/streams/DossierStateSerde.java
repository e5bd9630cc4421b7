package io.dossierpulse.streams;

import io.dossierpulse.domain.Channel;
import io.dossierpulse.domain.DossierStatus;
import io.dossierpulse.domain.dossier.DossierState;
import io.dossierpulse.domain.sla.Outcome;
import io.dossierpulse.domain.sla.SlaClock;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Compact binary form of {@link DossierState} for the state store and its changelog. Layout,
 * version 5: version byte, status code byte, channel code byte (0 = none), then the strings as
 * u16 length + UTF-8, the longs and int, the two long arrays as u8 count + values, then the SLA
 * part: a presence byte and the clock's five longs and four ints, the flags int, and the outcome
 * (ordinal + 1, 0 = open), the source's appointment and its latest new appointment (two longs,
 * Long.MIN_VALUE = none). Versions 1 (no SLA
 * part), 2 (no arrival time), 3 (no source appointment) and 4 (no re-appointment count, no late steps, no source's new appointment) are still
 * read: stores outlive releases.
 */
public final class DossierStateSerde implements Serde<DossierState>, Serializer<DossierState>, Deserializer<DossierState> {

    static final byte VERSION = 5;
    private static final Outcome[] OUTCOMES = Outcome.values();
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
                + 6 * 8 + 4 + 1 + 8 * s.recentEventIds().length + 1 + 8 * s.skippedSeqs().length
                + 1 + (s.clock() == null ? 0 : 5 * 8 + 4 * 4) + 4 + 1 + 8 + 8;
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
        b.putLong(s.lateArrivalMillis());
        b.putLong(s.lastSeq());
        b.putInt(s.transitions());
        putLongs(b, s.recentEventIds());
        putLongs(b, s.skippedSeqs());
        SlaClock c = s.clock();
        b.put((byte) (c == null ? 0 : 1));
        if (c != null) {
            b.putLong(c.clockStartSecond()).putLong(c.dueSecond()).putLong(c.pausedSecond())
                    .putLong(c.reappointedDueSecond()).putLong(c.stepDueSecond())
                    .putInt(c.stepIndex()).putInt(c.supplementRequests()).putInt(c.reappointments())
                    .putInt(c.lateSteps());
        }
        b.putInt(s.flags());
        b.put((byte) (s.outcome() == null ? 0 : s.outcome().ordinal() + 1));
        b.putLong(s.sourceDueSecond());
        b.putLong(s.sourceNewDueSecond());
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
            if (version < 1 || version > VERSION) {
                throw new SerializationException("unknown dossier state version " + version);
            }
            DossierStatus status = DossierStatus.ofCode(b.get());
            int channelCode = b.get();
            Channel channel = channelCode == 0 ? null : CHANNELS[channelCode - 1];
            String id = getString(b);
            String receiving = getString(b);
            String current = getString(b);
            String procedure = getString(b);
            long submitted = b.getLong();
            long accepted = b.getLong();
            long ended = b.getLong();
            long lastEvent = b.getLong();
            long arrived = version >= 3 ? b.getLong() : 0;
            long lastSeq = b.getLong();
            int transitions = b.getInt();
            long[] recent = getLongs(b);
            long[] skipped = getLongs(b);
            SlaClock clock = null;
            int flags = 0;
            Outcome outcome = null;
            if (version >= 2) {
                if (b.get() == 1) {
                    long start = b.getLong();
                    long due = b.getLong();
                    long paused = b.getLong();
                    long reappointed = b.getLong();
                    long stepDue = b.getLong();
                    int step = b.getInt();
                    int supplements = b.getInt();
                    // Before version 5 the count was not kept: an appointment on record was the one given.
                    int reappointments = version >= 5 ? b.getInt() : reappointed == SlaClock.NONE ? 0 : 1;
                    int lateSteps = version >= 5 ? b.getInt() : 0; // steps were not judged before version 5
                    clock = new SlaClock(start, due, paused, reappointed, stepDue, step, supplements, reappointments,
                            lateSteps);
                }
                flags = b.getInt();
                int o = b.get();
                outcome = o == 0 ? null : OUTCOMES[o - 1];
            }
            long sourceDue = version >= 4 ? b.getLong() : SlaClock.NONE;
            long sourceNewDue = version >= 5 ? b.getLong() : SlaClock.NONE;
            return new DossierState(id, status, receiving, current.isEmpty() ? receiving : current, procedure, channel,
                    submitted, accepted, ended, lastEvent, arrived, lastSeq, transitions, recent, skipped, clock, flags, outcome,
                    sourceDue, sourceNewDue);
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
