package org.caseflow.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.annotation.Configuration;
import org.junit.jupiter.api.Test;

/** Every service gets the shared defaults, and its own configuration still wins over them. */
class CaseflowDefaultsTest {

    @Configuration(proxyBeanMethods = false)
    static class Nothing {
    }

    @Test
    void defaultsAreTheWeakestPropertySource() {
        SpringApplication app = new SpringApplication(Nothing.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setDefaultProperties(java.util.Map.of("spring.autoconfigure.exclude", "*"));
        try (var context = app.run("--spring.kafka.streams.replication-factor=3", "--spring.main.banner-mode=off")) {
            var env = context.getEnvironment();
            assertThat(env.getProperty("spring.kafka.streams.properties.processing.guarantee")).isEqualTo("exactly_once_v2");
            assertThat(env.getProperty("caseflow.registry.auto-register", Boolean.class)).isFalse();
            assertThat(env.getProperty("spring.security.oauth2.resourceserver.jwt.audiences")).as("tokens for Caseflow only").isEqualTo("caseflow");
            assertThat(env.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri")).isEqualTo("http://127.0.0.1:8180");
            assertThat(env.getProperty("spring.kafka.streams.replication-factor")).isEqualTo("3");
        }
    }
}
