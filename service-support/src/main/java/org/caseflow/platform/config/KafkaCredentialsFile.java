package org.caseflow.platform.config;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Reads the service's Kafka client credentials from the file {@code caseflow.kafka.credentials-file} names (a Kafka
 * client properties file: security.protocol, sasl.mechanism, sasl.jaas.config) into {@code spring.kafka.properties.*},
 * so every client the service creates — streams, producers, admin — authenticates. Only the path is on the command
 * line; the secret stays in a file readable by its owner.
 */
public class KafkaCredentialsFile implements EnvironmentPostProcessor {

    public static final String PROPERTY = "caseflow.kafka.credentials-file";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String file = environment.getProperty(PROPERTY);
        if (file == null || file.isBlank()) {
            return;
        }
        Properties client = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of(file))) {
            client.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Kafka credentials file " + file + " (" + PROPERTY + ")", e);
        }
        Map<String, Object> properties = new HashMap<>();
        client.forEach((key, value) -> properties.put("spring.kafka.properties." + key, value));
        environment.getPropertySources().addFirst(new MapPropertySource("caseflowKafkaCredentials", properties));
    }
}
