package org.caseflow.testsupport;

import java.util.HashMap;
import java.util.Map;

import org.caseflow.localstack.KafkaCredentials;

import org.caseflow.schemas.CaseflowSerdes;

/**
 * Where the test JVM's broker, registry and issuer listen, the credentials of its Kafka principals, and the issuer's
 * signing key (to forge tokens the services must refuse).
 */
public record StackAddresses(String bootstrapServers, String registryUrl, String registryCcompatUrl, KafkaCredentials credentials,
                             String issuer, java.nio.file.Path issuerSigningKey) {

    /** A Kafka client configuration that authenticates as {@code principal} (see {@link org.caseflow.schemas.Principals}). */
    public Map<String, Object> kafka(String principal) {
        return kafka(principal, Map.of());
    }

    /** The same, with more client settings. */
    public Map<String, Object> kafka(String principal, Map<String, Object> settings) {
        Map<String, Object> config = new HashMap<>(credentials.clientProperties(principal));
        config.put("bootstrap.servers", bootstrapServers);
        config.putAll(settings);
        return config;
    }

    /** Serde settings for this registry: auto-registration off, as everywhere (only provisioning registers schemas). */
    public CaseflowSerdes.RegistrySettings registry() {
        return new CaseflowSerdes.RegistrySettings(registryUrl, false);
    }
}
