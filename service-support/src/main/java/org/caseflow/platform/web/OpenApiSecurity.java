package org.caseflow.platform.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.models.info.Info;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The OpenAPI description of a service: who it is ({@code info}: title, version, description) and that every API
 * call uses HTTP Basic (so Swagger UI can log in); refusals are RFC 9457 problem details.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(security = @SecurityRequirement(name = "basic"))
@SecurityScheme(name = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
public class OpenApiSecurity {

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
