package org.caseflow.platform.kafka;

import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.streams.StreamsConfig;
import org.caseflow.platform.config.CaseflowProperties;
import org.caseflow.schemas.CaseflowSerdes;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaStreamsDefaultConfiguration;
import org.springframework.kafka.config.KafkaStreamsConfiguration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.streams.RecoveringDeserializationExceptionHandler;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.caseflow.schemas.Topics;

/**
 * Kafka plumbing every service shares: the registry settings for Avro serdes, Kafka Streams with
 * exactly_once_v2 and unreadable records sent to {@code <topic>.dlt}, and health for the broker and
 * the streams instance.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(CaseflowProperties.class)
public class CaseflowKafkaAutoConfiguration {

    static {
        CaseflowSerdes.trustGeneratedClasses();
    }

    @Bean
    CaseflowSerdes.RegistrySettings registrySettings(CaseflowProperties properties) {
        return properties.registry().settings();
    }

    /**
     * One spelling of a topic in every metric: Kafka's client metrics write {@code intake_submissions} where the
     * catalogue (and Caseflow's own metrics) say {@code intake.submissions}. No catalogue topic has an underscore.
     */
    @Bean
    io.micrometer.core.instrument.config.MeterFilter topicTagAsInTheCatalogue() {
        return io.micrometer.core.instrument.config.MeterFilter.replaceTagValues("topic", value -> value.replace('_', '.'));
    }

    @Bean
    KafkaClusterHealthIndicator kafkaHealthIndicator(KafkaProperties kafka) {
        return new KafkaClusterHealthIndicator(kafka.buildAdminProperties());
    }

    /**
     * Sends records that cannot be read (bad bytes, unknown schema) to {@code <topic>.dlt}, same partition,
     * with spring-kafka's headers naming the exception, source topic, partition and offset. It writes
     * raw bytes with its own producer, outside the streams transaction.
     */
    @Bean
    DeadLetterPublishingRecoverer deadLetterRecoverer(KafkaProperties kafka) {
        // Dead letters are raw bytes: the original key and value exactly as they arrived.
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.remove("transactional.id");
        var template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config, new ByteArraySerializer(), new ByteArraySerializer()));
        return new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(Topics.dlt(record.topic()), record.partition()));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(StreamsConfig.class)
    static class StreamsDefaults {

        /** Boot's streams properties plus the DLT handler; Boot backs off from its own bean of this name. */
        @Bean(name = KafkaStreamsDefaultConfiguration.DEFAULT_STREAMS_CONFIG_BEAN_NAME)
        KafkaStreamsConfiguration defaultKafkaStreamsConfig(KafkaProperties kafka, DeadLetterPublishingRecoverer deadLetters,
                ObjectProvider<MeterRegistry> meters, org.springframework.core.env.Environment environment) {
            Map<String, Object> config = new HashMap<>(kafka.buildStreamsProperties());
            config.putIfAbsent(StreamsConfig.APPLICATION_ID_CONFIG, environment.getProperty("spring.application.name"));
            config.putIfAbsent(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
            config.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, RecoveringDeserializationExceptionHandler.class);
            MeterRegistry registry = meters.getIfAvailable();
            var recoverer = registry == null ? deadLetters : new CountingRecoverer(deadLetters, registry);
            config.put(RecoveringDeserializationExceptionHandler.KSTREAM_DESERIALIZATION_RECOVERER, recoverer);
            // a record whose processing throws, or whose result is too large to write, is dead-lettered too; the task goes on
            config.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandlers.Processing.class);
            config.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandlers.Production.class);
            config.put(DeadLetterHandlers.RECOVERER, recoverer);
            return new KafkaStreamsConfiguration(config);
        }

        /** A stopping instance leaves its group at once, so its partitions move without waiting for the session timeout. */
        @Bean
        org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer leaveGroupOnClose(org.springframework.context.ApplicationContext context,
                org.springframework.core.env.Environment environment) {
            boolean exitOnError = environment.getProperty("caseflow.exit-on-streams-error", Boolean.class, true);
            return factory -> {
                factory.setLeaveGroupOnClose(true);
                if (exitOnError) {
                    // crash-only: a topology that has failed for good takes its process with it, so the supervisor (or the
                    // orchestrator) starts a fresh one instead of leaving a live process that answers nothing
                    factory.setStateListener((newState, oldState) -> {
                        if (newState == org.apache.kafka.streams.KafkaStreams.State.ERROR) {
                            org.slf4j.LoggerFactory.getLogger(CaseflowKafkaAutoConfiguration.class)
                                    .error("Kafka Streams failed for good (state ERROR); exiting so the process is started again");
                            Thread.ofPlatform().daemon().start(() -> System.exit(org.springframework.boot.SpringApplication.exit(context, () -> 70)));
                        }
                    });
                }
            };
        }

        /** Reads of a service's state stores, routed to the instance that owns the key; needs application.server. */
        @Bean
        @ConditionalOnBean(StreamsBuilderFactoryBean.class)
        @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty("spring.kafka.streams.properties.application.server")
        InteractiveQueries interactiveQueries(StreamsBuilderFactoryBean factory, org.springframework.core.env.Environment environment) {
            return new InteractiveQueries(factory, environment.getRequiredProperty("spring.kafka.streams.properties.application.server"));
        }

        @Bean
        @ConditionalOnBean(StreamsBuilderFactoryBean.class)
        KafkaStreamsHealthIndicator kafkaStreamsHealthIndicator(ObjectProvider<StreamsBuilderFactoryBean> factory) {
            return new KafkaStreamsHealthIndicator(factory);
        }
    }

}
