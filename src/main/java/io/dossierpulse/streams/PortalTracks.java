package io.dossierpulse.streams;

import io.dossierpulse.domain.Channel;
import io.dossierpulse.domain.DossierStatus;
import io.dossierpulse.domain.portal.PortalTrack;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The {@code portal-tracks} store: what the portal-sync translation remembers per dossier, keyed by
 * the dossier id (MaHoSo) as it is. Its one writer is {@link PortalTranslator}.
 */
final class PortalTracks {

    static final String STORE = "portal-tracks";
    private static final byte VERSION = 1;

    private final KeyValueStore<String, PortalTrack> store;

    PortalTracks(KeyValueStore<String, PortalTrack> store) {
        this.store = store;
    }

    /** @throws SerializationException when the stored track cannot be read */
    PortalTrack get(String dossierId) {
        return store.get(dossierId);
    }

    void put(String dossierId, PortalTrack track) {
        store.put(dossierId, track);
    }

    static Serde<PortalTrack> serde() {
        Serializer<PortalTrack> ser = (topic, t) -> t == null ? null : write(t);
        Deserializer<PortalTrack> de = (topic, bytes) -> bytes == null ? null : read(bytes);
        return org.apache.kafka.common.serialization.Serdes.serdeFrom(ser, de);
    }

    private static byte[] write(PortalTrack t) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(96);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeUTF(t.procedureCode());
            out.writeUTF(t.agencyCode());
            out.writeByte(t.channel().code());
            out.writeByte(t.status().code());
            out.writeLong(t.lastSeq());
            out.writeInt(t.roundsRequested());
            out.writeInt(t.roundsReceived());
            out.writeLong(t.dueAtMillis());
            out.writeLong(t.lastAtMillis());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static PortalTrack read(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte version = in.readByte();
            if (version != VERSION) {
                throw new SerializationException("portal track of unknown version " + version);
            }
            String procedure = in.readUTF();
            String agency = in.readUTF();
            Channel channel = channelOf(in.readByte());
            DossierStatus status = DossierStatus.ofCode(in.readByte());
            return new PortalTrack(procedure, agency, channel, status, in.readLong(), in.readInt(), in.readInt(),
                    in.readLong(), in.readLong());
        } catch (IOException | IllegalArgumentException e) {
            throw new SerializationException("unreadable portal track", e);
        }
    }

    private static Channel channelOf(int code) {
        for (Channel c : Channel.values()) {
            if (c.code() == code) {
                return c;
            }
        }
        throw new IllegalArgumentException("channel code " + code);
    }
}
