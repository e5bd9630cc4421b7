package io.dossierpulse.streams;

import io.dossierpulse.domain.indicators.Tally;
import io.dossierpulse.domain.indicators.TallyCodec;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** The counter store's serde: the {@link TallyCodec} layout, shared with the serving view. */
public final class TallySerde implements Serde<Tally>, Serializer<Tally>, Deserializer<Tally> {

    @Override
    public byte[] serialize(String topic, Tally t) {
        return t == null ? null : TallyCodec.encode(t);
    }

    @Override
    public Tally deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return TallyCodec.decode(data);
        } catch (IllegalArgumentException e) {
            throw new SerializationException("corrupt tally of " + data.length + " bytes", e);
        }
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
