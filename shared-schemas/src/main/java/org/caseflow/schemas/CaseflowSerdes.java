package org.caseflow.schemas;

import java.util.HashMap;
import java.util.Map;

import io.apicurio.registry.resolver.config.SchemaResolverConfig;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import io.apicurio.registry.serde.config.SerdeConfig;
import io.apicurio.registry.serde.kafka.config.KafkaSerdeConfig;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.ClassSecurityValidator;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.caseflow.vocabulary.Bounds;

/**
 * The one factory for Avro serdes (Apicurio, Confluent-compatible framing: magic byte 0 + 4-byte
 * content id, no headers), for plain Kafka clients and for Kafka Streams alike.
 */
public final class CaseflowSerdes {

    static {
        // Avro 1.12 instantiates generated classes only from trusted packages.
        trustGeneratedClasses();
    }

    /** Held so the level sticks: the registry client logs through java.util.logging. */
    private static final java.util.logging.Logger REGISTRY_CLIENT_LOG = java.util.logging.Logger.getLogger("io.apicurio");

    private CaseflowSerdes() {
    }

    /** For command-line tools: the registry client's console warnings (shared Vert.x instance) stay out of their output. */
    public static void quietRegistryClient() {
        REGISTRY_CLIENT_LOG.setLevel(java.util.logging.Level.SEVERE);
    }

    /** Where the registry is and whether clients may register schemas themselves. */
    public record RegistrySettings(String url, boolean autoRegister) {

        /** Client configs understood by the Apicurio serializer and deserializer. */
        public Map<String, Object> clientConfigs() {
            Map<String, Object> c = new HashMap<>();
            c.put(SchemaResolverConfig.REGISTRY_URL, url);
            c.put(SchemaResolverConfig.AUTO_REGISTER_ARTIFACT, autoRegister);
            c.put(SchemaResolverConfig.AUTO_REGISTER_ARTIFACT_IF_EXISTS, "FIND_OR_CREATE_VERSION");
            // Without auto-registration the serializer uses the version an explicit step registered.
            c.put(SchemaResolverConfig.FIND_LATEST_ARTIFACT, !autoRegister);
            c.put(KafkaSerdeConfig.ENABLE_HEADERS, false);
            // Register and look up whole schemas, exactly as the provisioning step registers them: with nested
            // records split into references, a racing first use could register a version the rule refuses.
            c.put(SchemaResolverConfig.DEREFERENCE_SCHEMA, true);
            c.put(SerdeConfig.USE_ID, "contentId");
            c.put(AvroSerdeConfig.USE_SPECIFIC_AVRO_READER, true);
            return c;
        }
    }

    /** Trusts the generated classes of this project (Avro 1.12 refuses classes outside trusted packages). */
    public static void trustGeneratedClasses() {
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(ClassSecurityValidator.DEFAULT,
                type -> type.getName().startsWith("org.caseflow.")));
    }

    /** A serde for record values (or keys, with {@code isKey}). */
    public static <T extends SpecificRecord> Serde<T> avro(RegistrySettings registry, boolean isKey) {
        return Serdes.serdeFrom(serializer(registry, isKey), deserializer(registry, isKey));
    }

    public static <T extends SpecificRecord> Serde<T> valueSerde(RegistrySettings registry) {
        return avro(registry, false);
    }

    /** Apicurio's serializer resolves each topic's schema once; every record after that is framed with a cached writer. */
    public static <T extends SpecificRecord> Serializer<T> serializer(RegistrySettings registry, boolean isKey) {
        AvroKafkaSerializer<T> serializer = new AvroKafkaSerializer<>();
        serializer.configure(registry.clientConfigs(), isKey);
        return new CachedAvroSerializer<>(serializer);
    }

    /**
     * The registry-backed deserializer, refusing a value beyond {@link Bounds#RECORD_BYTES} before decoding it: a
     * service's dead-letter handler then moves it aside with that reason, and nothing that large reaches its state.
     */
    @SuppressWarnings("unchecked")
    public static <T extends SpecificRecord> Deserializer<T> deserializer(RegistrySettings registry, boolean isKey) {
        // one reader per content id, resolved once (the stock deserializer fingerprinted the schema on every record)
        CachedAvroDeserializer deserializer = new CachedAvroDeserializer(registry.url());
        return new Deserializer<>() {
            @Override
            public T deserialize(String topic, byte[] data) {
                checkBound(topic, data);
                return data == null ? null : (T) checkType(topic, deserializer.deserialize(topic, data));
            }

            @Override
            public T deserialize(String topic, org.apache.kafka.common.header.Headers headers, byte[] data) {
                return deserialize(topic, data);
            }

            @Override
            public void close() {
                deserializer.close();
            }
        };
    }

    /**
     * A well-formed record of another topic's schema is refused here, where the dead-letter handler can move it
     * aside, rather than failing as a ClassCastException inside a processor (or a global store's updater).
     */
    private static SpecificRecord checkType(String topic, SpecificRecord value) {
        String expected = Topics.envelopeOf(topic);
        if (expected != null && !expected.equals(value.getSchema().getFullName())) {
            throw new org.apache.kafka.common.errors.SerializationException("a " + value.getSchema().getName() + " on " + topic + ", which carries "
                    + expected.substring(expected.lastIndexOf('.') + 1));
        }
        return value;
    }

    private static void checkBound(String topic, byte[] data) {
        if (data != null && data.length > Bounds.RECORD_BYTES) {
            throw new org.apache.kafka.common.errors.SerializationException("record of " + data.length + " bytes on " + topic
                    + " is beyond the bound of " + Bounds.RECORD_BYTES + " bytes");
        }
    }
}
