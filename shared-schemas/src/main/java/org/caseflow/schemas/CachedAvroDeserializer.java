package org.caseflow.schemas;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Caseflow's framing (magic byte 0, 4-byte content id, Avro binary) with one reader per content id,
 * resolved once from the registry and cached: no per-record schema fingerprinting (which cost the audit
 * three quarters of its CPU with the stock deserializer). Every failure is a {@link SerializationException}
 * that says why: not framed, unknown schema id, not a Caseflow type, or bytes that do not decode.
 */
public final class CachedAvroDeserializer implements Deserializer<SpecificRecord> {

    static {
        CaseflowSerdes.trustGeneratedClasses();
    }

    private static final ThreadLocal<BinaryDecoder> DECODERS = new ThreadLocal<>();

    private final String registryUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<Integer, Resolved> readers = new ConcurrentHashMap<>();

    /** A reader for a content id, or why there is none (remembered, so a bad id costs one lookup). */
    private record Resolved(DatumReader<SpecificRecord> reader, String refusal) {
    }

    /** @param registryUrl the registry's v3 API, e.g. {@code http://127.0.0.1:8081/apis/registry/v3} */
    public CachedAvroDeserializer(String registryUrl) {
        this.registryUrl = registryUrl.endsWith("/") ? registryUrl.substring(0, registryUrl.length() - 1) : registryUrl;
    }

    @Override
    public SpecificRecord deserialize(String topic, byte[] data) {
        if (data == null) {
            throw new SerializationException("null value (tombstone) where an envelope is expected");
        }
        if (data.length < 5 || data[0] != 0) {
            throw new SerializationException("not Caseflow's Avro framing (magic byte 0 + 4-byte schema id), " + data.length + " bytes");
        }
        int contentId = ByteBuffer.wrap(data, 1, 4).getInt();
        Resolved resolved = readers.computeIfAbsent(contentId, this::resolve);
        if (resolved.reader() == null) {
            throw new SerializationException(resolved.refusal());
        }
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, 5, data.length - 5, DECODERS.get());
        DECODERS.set(decoder);
        try {
            SpecificRecord value = resolved.reader().read(null, decoder);
            if (!decoder.isEnd()) {
                throw new SerializationException("trailing bytes after the record (schema id " + contentId + ")");
            }
            return value;
        } catch (IOException | RuntimeException e) {
            if (e instanceof SerializationException s) {
                throw s;
            }
            throw new SerializationException("does not decode with schema id " + contentId + ": " + e, e);
        }
    }

    private Resolved resolve(int contentId) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(registryUrl + "/ids/contentIds/" + contentId))
                    .timeout(Duration.ofSeconds(15)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) {
                return new Resolved(null, "unknown schema id " + contentId + " (the registry has no such content)");
            }
            if (response.statusCode() != 200) {
                throw new SerializationException("registry answered " + response.statusCode() + " for schema id " + contentId);
            }
            Schema writer = new Schema.Parser().parse(response.body());
            Class<?> type = SpecificData.get().getClass(writer);
            if (type == null || !SpecificRecord.class.isAssignableFrom(type)) {
                return new Resolved(null, "schema id " + contentId + " is " + writer.getFullName() + ", not a Caseflow type");
            }
            Schema reader = SpecificData.get().getSchema(type);
            return new Resolved(new SpecificDatumReader<>(writer, reader), null);
        } catch (IOException e) {
            throw new SerializationException("registry unreachable at " + registryUrl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SerializationException("interrupted while resolving schema id " + contentId, e);
        } catch (org.apache.avro.SchemaParseException e) {
            return new Resolved(null, "schema id " + contentId + " does not parse: " + e.getMessage());
        }
    }
}
