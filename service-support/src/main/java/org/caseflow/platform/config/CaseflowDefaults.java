package org.caseflow.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds {@code caseflow-defaults.properties} as the last (weakest) property source of every service, and the local
 * users ({@code caseflow-local-users.properties}) only where {@code caseflow.security.local-users=true} says this is
 * the local default or a test: a deployment that does not ask for them has none.
 */
public class CaseflowDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            environment.getPropertySources().addLast(new ResourcePropertySource("caseflowDefaults", new ClassPathResource("caseflow-defaults.properties")));
            if (environment.getProperty("caseflow.security.local-users", Boolean.class, false)) {
                environment.getPropertySources().addLast(new ResourcePropertySource("caseflowLocalUsers",
                        new ClassPathResource("caseflow-local-users.properties")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
