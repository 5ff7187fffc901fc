package org.caseflow.platform.kafka;

import java.util.HashMap;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.caseflow.schemas.CaseflowSerdes;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/** KafkaTemplates that write Avro envelopes (String keys) with the registry-backed serializer. */
public final class AvroKafkaTemplates {

    private AvroKafkaTemplates() {
    }

    public static <T extends SpecificRecord> KafkaTemplate<String, T> create(KafkaProperties kafka, CaseflowSerdes.RegistrySettings registry) {
        var config = new HashMap<>(kafka.buildProducerProperties());
        // configureSerializers=false: the Avro serializer is configured already; re-configuring it with the
        // producer's properties would drop its registry settings.
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config, new StringSerializer(),
                CaseflowSerdes.<T>serializer(registry, false), false));
    }
}
