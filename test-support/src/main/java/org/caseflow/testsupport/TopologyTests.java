package org.caseflow.testsupport;

import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.streams.StreamsConfig;

/** Streams settings for a TopologyTestDriver: exactly-once as in the services, a fresh state directory per driver. */
public final class TopologyTests {

    private TopologyTests() {
    }

    public static Properties properties(String applicationId) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, System.getProperty("java.io.tmpdir") + "/" + applicationId + "-" + UUID.randomUUID());
        return props;
    }
}
