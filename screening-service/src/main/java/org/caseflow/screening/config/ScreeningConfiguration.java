package org.caseflow.screening.config;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.streams.StreamsBuilder;
import org.caseflow.platform.kafka.AvroKafkaTemplates;
import org.caseflow.schemas.CaseflowSerdes;
import org.caseflow.schemas.screening.OfficerEnvelope;
import org.caseflow.schemas.screening.ScreeningCommandEnvelope;
import org.caseflow.screening.domain.ScreeningPolicy;
import org.caseflow.screening.stream.ScreeningMetrics;
import org.caseflow.screening.stream.ScreeningSerdes;
import org.caseflow.screening.stream.ScreeningTopology;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.core.KafkaTemplate;

@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
@EnableConfigurationProperties(ScreeningProperties.class)
class ScreeningConfiguration {

    /** The topology, built into spring-kafka's StreamsBuilder (its factory bean runs it). */
    @Bean
    ScreeningTopology screeningTopology(StreamsBuilder builder, ScreeningProperties properties, CaseflowSerdes.RegistrySettings registry,
                                        MeterRegistry meters) {
        ScreeningTopology topology = new ScreeningTopology(ScreeningSerdes.withRegistry(registry), new ScreeningPolicy(properties.reviewWindow()),
                new ScreeningMetrics(meters), properties.windowCheckInterval());
        topology.build(builder);
        return topology;
    }

    @Bean
    KafkaTemplate<String, ScreeningCommandEnvelope> commandTemplate(KafkaProperties kafka, CaseflowSerdes.RegistrySettings registry) {
        return AvroKafkaTemplates.create(kafka, registry);
    }

    @Bean
    KafkaTemplate<String, OfficerEnvelope> officerTemplate(KafkaProperties kafka, CaseflowSerdes.RegistrySettings registry) {
        return AvroKafkaTemplates.create(kafka, registry);
    }
}
