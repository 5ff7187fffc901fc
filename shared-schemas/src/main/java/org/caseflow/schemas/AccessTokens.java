package org.caseflow.schemas;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Properties;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An HTTP client's access tokens from Caseflow's OpenID Connect issuer (the local default's, or Keycloak elsewhere), by
 * the client-credentials grant: the token endpoint comes from the issuer's discovery document, a token is reused until
 * a minute before it expires, and {@link #forget()} drops it after a 401 (e.g. the issuer restarted with a new key).
 * A refused client is a {@link Refused}; an issuer out of reach an {@link UncheckedIOException}.
 * Every caller (simulators, the field-office client, tests) uses this one class.
 */
public final class AccessTokens {

    /** What a client needs to know: the issuer, its client id and secret (a local user's file, see {@code LocalUsers}). */
    public record Client(String issuer, String clientId, String clientSecret) {

        public Client {
            if (issuer == null || clientId == null || clientSecret == null) {
                throw new IllegalArgumentException("a client needs issuer, client-id and client-secret");
            }
            issuer = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        }

        /** Reads {@code issuer}, {@code client-id} and {@code client-secret} from a properties file. */
        public static Client read(Path file) {
            Properties p = new Properties();
            try (Reader in = Files.newBufferedReader(file)) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the HTTP credentials in " + file, e);
            }
            try {
                return new Client(p.getProperty("issuer"), p.getProperty("client-id"), p.getProperty("client-secret"));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
            }
        }
    }

    /** The issuer refused the client or could not be reached. */
    public static final class Refused extends RuntimeException {
        public Refused(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The clients whose credentials files are in one directory ({@code <client-id>.properties}), each fetched on first use. */
    public static final class Directory {

        private final Path dir;
        private final java.util.concurrent.ConcurrentMap<String, AccessTokens> clients = new java.util.concurrent.ConcurrentHashMap<>();

        public Directory(Path dir) {
            this.dir = dir;
        }

        public AccessTokens of(String clientId) {
            return clients.computeIfAbsent(clientId, id -> AccessTokens.of(dir.resolve(id + ".properties")));
        }

        /** The {@code Authorization} header value of client {@code clientId}. */
        public String authorization(String clientId) {
            return of(clientId).authorization();
        }
    }

    private static final Duration EARLY = Duration.ofMinutes(1);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Client client;
    private final HttpClient http;
    private final Clock clock;
    private URI tokenEndpoint;
    private String token;
    private Instant renewAt = Instant.MIN;

    public AccessTokens(Client client, HttpClient http, Clock clock) {
        this.client = client;
        this.http = http;
        this.clock = clock;
    }

    public static AccessTokens of(Path credentialsFile) {
        return of(Client.read(credentialsFile));
    }

    public static AccessTokens of(Client client) {
        return new AccessTokens(client, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), Clock.systemUTC());
    }

    public String clientId() {
        return client.clientId();
    }

    /** The {@code Authorization} header value: {@code Bearer <token>}, fetching a new token when needed. */
    public synchronized String authorization() {
        if (token == null || !clock.instant().isBefore(renewAt)) {
            fetch();
        }
        return "Bearer " + token;
    }

    /** Drops the current token, so the next call fetches a new one. */
    public synchronized void forget() {
        token = null;
    }

    private void fetch() {
        try {
            if (tokenEndpoint == null) {
                JsonNode discovery = getJson(HttpRequest.newBuilder(URI.create(client.issuer() + "/.well-known/openid-configuration")).GET());
                tokenEndpoint = URI.create(discovery.required("token_endpoint").asString());
            }
            String basic = Base64.getEncoder().encodeToString((encode(client.clientId()) + ":" + encode(client.clientSecret())).getBytes(StandardCharsets.UTF_8));
            Instant asked = clock.instant();
            JsonNode answer = getJson(HttpRequest.newBuilder(tokenEndpoint).header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
            token = answer.required("access_token").asString();
            Duration lifetime = Duration.ofSeconds(answer.path("expires_in").asLong(300));
            renewAt = asked.plus(lifetime.compareTo(EARLY.multipliedBy(2)) > 0 ? lifetime.minus(EARLY) : lifetime.dividedBy(2));
        } catch (IOException e) {
            // not a refusal: the caller may try again later (a field office on a bad link)
            throw new UncheckedIOException("the identity provider at " + client.issuer() + " cannot be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refused("interrupted while asking " + client.issuer() + " for a token", e);
        }
    }

    private JsonNode getJson(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new Refused("the identity provider answered " + response.statusCode() + " to client " + client.clientId() + " at "
                    + response.uri() + ": check the client id and secret", null);
        }
        return JSON.readTree(response.body());
    }

    /** RFC 6749 §2.3.1: id and secret are form-encoded before they are joined. */
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
