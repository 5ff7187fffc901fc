package org.caseflow.removal.config;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.streams.StreamsBuilder;
import org.caseflow.platform.kafka.AvroKafkaTemplates;
import org.caseflow.removal.stream.RemovalMetrics;
import org.caseflow.removal.stream.RemovalSerdes;
import org.caseflow.removal.stream.RemovalTopology;
import org.caseflow.schemas.CaseflowSerdes;
import org.caseflow.schemas.removal.RemovalCommandEnvelope;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.core.KafkaTemplate;

@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
@EnableConfigurationProperties(RemovalProperties.class)
class RemovalConfiguration {

    /** The topology, built into spring-kafka's StreamsBuilder (its factory bean runs it). */
    @Bean
    RemovalTopology removalTopology(StreamsBuilder builder, CaseflowSerdes.RegistrySettings registry, MeterRegistry meters) {
        RemovalTopology topology = new RemovalTopology(RemovalSerdes.withRegistry(registry), new RemovalMetrics(meters));
        topology.build(builder);
        return topology;
    }

    @Bean
    KafkaTemplate<String, RemovalCommandEnvelope> removalCommandTemplate(KafkaProperties kafka, CaseflowSerdes.RegistrySettings registry) {
        return AvroKafkaTemplates.create(kafka, registry);
    }
}
