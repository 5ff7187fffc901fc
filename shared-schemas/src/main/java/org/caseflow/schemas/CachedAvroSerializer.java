package org.caseflow.schemas;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Caseflow's framing (magic byte 0, 4-byte content id, Avro binary) with the content id resolved once per
 * topic and schema: the first record of each goes through Apicurio's serializer, which looks the schema up (or
 * registers it where that is allowed) and frames it; every later record is framed here with a cached writer,
 * without the per-record schema fingerprinting Apicurio's serializer does. The bytes are the same.
 */
final class CachedAvroSerializer<T extends SpecificRecord> implements Serializer<T> {

    private static final ThreadLocal<BinaryEncoder> ENCODERS = new ThreadLocal<>();

    private final Serializer<T> resolver;
    private final Map<Key, Framing> framings = new ConcurrentHashMap<>();

    private record Key(String topic, Schema schema) {
    }

    private record Framing(byte[] prefix, DatumWriter<SpecificRecord> writer) {
    }

    CachedAvroSerializer(Serializer<T> resolver) {
        this.resolver = resolver;
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        Key key = new Key(topic, data.getSchema());
        Framing framing = framings.get(key);
        if (framing == null) {
            byte[] first = resolver.serialize(topic, data);
            if (first == null || first.length < 5 || first[0] != 0) {
                throw new SerializationException("unexpected framing from the registry serializer on " + topic);
            }
            framings.putIfAbsent(key, new Framing(Arrays.copyOf(first, 5), new SpecificDatumWriter<>(data.getSchema())));
            return first;
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(256);
            out.write(framing.prefix());
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, ENCODERS.get());
            ENCODERS.set(encoder);
            framing.writer().write(data, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("could not write a " + data.getSchema().getName() + " to " + topic + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        resolver.close();
    }
}
