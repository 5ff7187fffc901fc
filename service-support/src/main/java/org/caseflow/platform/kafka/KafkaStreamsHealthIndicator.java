package org.caseflow.platform.kafka;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/** "kafkaStreams": part of readiness; UP only while the topology is RUNNING. */
public class KafkaStreamsHealthIndicator extends AbstractHealthIndicator {

    private final ObjectProvider<StreamsBuilderFactoryBean> factory;

    public KafkaStreamsHealthIndicator(ObjectProvider<StreamsBuilderFactoryBean> factory) {
        super("Kafka Streams health check failed");
        this.factory = factory;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        StreamsBuilderFactoryBean bean = factory.getIfAvailable();
        KafkaStreams streams = bean == null ? null : bean.getKafkaStreams();
        if (streams == null) {
            builder.down().withDetail("state", "NOT_STARTED");
            return;
        }
        KafkaStreams.State state = streams.state();
        (state == KafkaStreams.State.RUNNING ? builder.up() : builder.down()).withDetail("state", state.name());
    }
}
