package org.caseflow.identity;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Spring Authorization Server with OpenID Connect. Each local user is two things: a confidential client (client
 * credentials: simulators, the field-office client, tests, curl) and a login (authorization code with PKCE through the
 * public client {@code swagger-ui}, for Swagger UI). Either way the access token's subject is the user's name, its
 * {@code roles} claim the user's Caseflow roles and its audience {@code caseflow}.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

    /** The public client Swagger UI logs in with; any loopback port may follow the registered address (RFC 8252). */
    static final String SWAGGER_UI = "swagger-ui";

    @Bean
    SecurityFilterChain identityProvider(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests.requestMatchers("/error").permitAll().anyRequest().authenticated())
                .oauth2AuthorizationServer(server -> server.oidc(Customizer.withDefaults()))
                .formLogin(Customizer.withDefaults())
                .cors(Customizer.withDefaults())
                .build();
    }

    @Bean
    List<LocalUser> localUsers(IdentityProperties properties) {
        List<LocalUser> users = LocalUser.readAll(properties.usersDir());
        if (users.isEmpty()) {
            throw new IllegalStateException("no local users in " + properties.usersDir());
        }
        return users;
    }

    @Bean
    RegisteredClientRepository clients(List<LocalUser> users, IdentityProperties properties,
                                       @Value("${caseflow.identity.swagger-redirect-uris:http://127.0.0.1/swagger-ui/oauth2-redirect.html}") List<String> swaggerRedirects) {
        TokenSettings tokens = TokenSettings.builder().accessTokenTimeToLive(properties.tokenLifetime()).build();
        var clients = new java.util.ArrayList<RegisteredClient>();
        for (LocalUser user : users) {
            clients.add(RegisteredClient.withId(user.name()).clientId(user.name()).clientSecret("{noop}" + user.secret())
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .tokenSettings(tokens).build());
        }
        var swagger = RegisteredClient.withId(SWAGGER_UI).clientId(SWAGGER_UI)
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(tokens);
        swaggerRedirects.forEach(swagger::redirectUri);
        clients.add(swagger.build());
        return new InMemoryRegisteredClientRepository(clients);
    }

    @Bean
    UserDetailsService logins(List<LocalUser> users) {
        // the secret in the user's file is also the password of its login (local default only)
        return new InMemoryUserDetailsManager(users.stream()
                .map(u -> User.withUsername(u.name()).password("{noop}" + u.secret()).roles(u.roles().toArray(String[]::new)).build())
                .toList());
    }

    @Bean
    JWKSource<SecurityContext> signingKeys(IdentityProperties properties) {
        return new ImmutableJWKSet<>(new JWKSet(SigningKey.loadOrCreate(properties.signingKey())));
    }

    /** Access tokens name the audience and carry the subject's roles, for whichever grant issued them. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> rolesAndAudience(List<LocalUser> users, IdentityProperties properties) {
        Map<String, LocalUser> byName = users.stream().collect(Collectors.toMap(LocalUser::name, Function.identity()));
        return context -> {
            if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                LocalUser user = byName.get(context.getPrincipal().getName());
                context.getClaims().audience(List.of(properties.audience()))
                        .claim("roles", user == null ? List.of() : user.roles());
            }
        };
    }

    /** Swagger UI on a service's own port fetches discovery and tokens from here (the bean name is the one Spring Security looks up). */
    @Bean
    CorsConfigurationSource corsConfigurationSource() {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOriginPatterns(List.of("http://127.0.0.1:[*]", "http://localhost:[*]"));
        cors.setAllowedMethods(List.of("GET", "POST"));
        cors.setAllowedHeaders(List.of("*"));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }
}
