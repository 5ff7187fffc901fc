package org.caseflow.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The OpenAPI description of a service: who it is ({@code info}: title, version, description) and that every API
 * call carries a token from Caseflow's OpenID Connect issuer (so Swagger UI logs in there: authorization code with
 * PKCE as client {@code swagger-ui}, or client credentials), or a bearer token got elsewhere; refusals are RFC 9457
 * problem details.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiSecurity {

    @Bean
    OpenApiCustomizer caseflowIdentity(Environment environment) {
        String issuer = environment.getRequiredProperty("caseflow.identity.issuer");
        return api -> {
            Components components = api.getComponents() == null ? new Components() : api.getComponents();
            api.components(components
                    .addSecuritySchemes("caseflow-oidc", new SecurityScheme().type(SecurityScheme.Type.OPENIDCONNECT)
                            .openIdConnectUrl(issuer + "/.well-known/openid-configuration"))
                    .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")));
            api.addSecurityItem(new SecurityRequirement().addList("caseflow-oidc"));
            api.addSecurityItem(new SecurityRequirement().addList("bearer"));
        };
    }

    @Bean
    OpenApiCustomizer problemResponses() {
        return new ProblemResponses();
    }

    @Bean
    OpenApiCustomizer commandResponses() {
        return new CommandResponses();
    }

    @Bean
    OpenApiCustomizer caseflowInfo(Environment environment) {
        String name = environment.getProperty("spring.application.name", "caseflow");
        String description = environment.getProperty("caseflow.api.description", "A Caseflow service.");
        return api -> api.info(new Info().title("Caseflow " + name).version(environment.getProperty("caseflow.api.version", "0.1.0"))
                .description(description + " Refusals are RFC 9457 problem details (application/problem+json) whose `rule` names "
                        + "what refused the request; commands answer 201 (or 202 with the result's URL), 400, 401, 403, 404, 409 or 422."));
    }
}
