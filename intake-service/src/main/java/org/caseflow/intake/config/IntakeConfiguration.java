package org.caseflow.intake.config;

import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.streams.StreamsBuilder;
import org.caseflow.intake.stream.IntakeMetrics;
import org.caseflow.intake.stream.IntakeSerdes;
import org.caseflow.intake.stream.IntakeTopology;
import org.caseflow.platform.kafka.AvroKafkaTemplates;
import org.caseflow.schemas.CaseflowSerdes;
import org.caseflow.schemas.intake.SubmissionEnvelope;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.core.KafkaTemplate;

@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
@EnableConfigurationProperties(IntakeProperties.class)
class IntakeConfiguration {

    /** The topology, built into spring-kafka's StreamsBuilder (its factory bean runs it). */
    @Bean
    IntakeTopology intakeTopology(StreamsBuilder builder, IntakeProperties properties, CaseflowSerdes.RegistrySettings registry,
                                  MeterRegistry meters) {
        IntakeTopology topology = new IntakeTopology(IntakeSerdes.withRegistry(registry), properties.settings(),
                new IntakeMetrics(meters, Set.copyOf(properties.stations())));
        topology.build(builder);
        return topology;
    }

    /** Writes HTTP submissions to intake.submissions, as a field office's Kafka producer would. */
    @Bean
    KafkaTemplate<String, SubmissionEnvelope> submissionTemplate(KafkaProperties kafka, CaseflowSerdes.RegistrySettings registry) {
        return AvroKafkaTemplates.create(kafka, registry);
    }

    /** Writes supervisors' station key registrations to intake.stations. */
    @Bean
    KafkaTemplate<String, org.caseflow.schemas.intake.StationKeyEnvelope> stationKeyTemplate(KafkaProperties kafka,
                                                                                            CaseflowSerdes.RegistrySettings registry) {
        return AvroKafkaTemplates.create(kafka, registry);
    }
}
