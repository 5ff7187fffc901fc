package org.caseflow.identity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The local default's OpenID Connect issuer (see the module's description). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IdentityProviderApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(IdentityProviderApplication.class);
        // its own configuration file: this jar also sits on local-stack's classpath (for caseflow/identity-provider.properties),
        // where an application.properties would configure every service under test
        application.setDefaultProperties(java.util.Map.of("spring.config.name", "identity-provider"));
        application.run(args);
    }
}
