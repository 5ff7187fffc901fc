package org.caseflow.platform.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every API call carries an access token from Caseflow's OpenID Connect issuer (an OAuth2 resource server, stateless;
 * the issuer, audience and role claim are configured in {@code caseflow-defaults.properties}); health, metrics and API
 * docs are open for probes, Prometheus and Swagger UI. 401 and 403 are answered as problem details. Per-endpoint role
 * checks live in each service ({@code @PreAuthorize}).
 */
@Configuration(proxyBeanMethods = false)
@org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity
public class CaseflowSecurityConfiguration {

    @Bean
    SecurityFilterChain caseflowSecurity(HttpSecurity http) throws Exception {
        AuthenticationEntryPoint unauthenticated = unauthenticated();
        return http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus",
                                "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server.jwt(Customizer.withDefaults()).authenticationEntryPoint(unauthenticated))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler((request, response, e) ->
                                problem(response, HttpStatus.FORBIDDEN, "FORBIDDEN_ROLE", "Your role may not do this.")))
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    /** RFC 6750's {@code WWW-Authenticate: Bearer …} (saying why a token was refused), with a problem-details body. */
    private static AuthenticationEntryPoint unauthenticated() {
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        return (request, response, e) -> {
            bearer.commence(request, response, e);
            problem(response, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED",
                    "A valid access token from Caseflow's identity provider is required (Authorization: Bearer <token>).");
        };
    }

    private static void problem(HttpServletResponse response, HttpStatus status, String rule, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":" + status.value()
                + ",\"detail\":\"" + detail + "\",\"rule\":\"" + rule + "\"}");
    }
}
