package org.caseflow.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A small HTTP client for a service under test, calling as a local user of the test stack: each user's access token
 * comes from the stack's issuer (client credentials; files in {@link #CREDENTIALS_DIR}).
 */
public final class ApiClient {

    /** The system property naming the directory of the local users' HTTP credentials (set by {@link CaseflowStackExtension}). */
    public static final String CREDENTIALS_DIR = "caseflow.test.http-credentials";

    /** The system property naming the test issuer's signing key (to forge tokens the services must refuse). */
    public static final String SIGNING_KEY = "caseflow.test.issuer-signing-key";

    private static final java.util.concurrent.ConcurrentMap<String, org.caseflow.schemas.AccessTokens.Directory> USERS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The tokens of the test stack's local users. */
    public static org.caseflow.schemas.AccessTokens.Directory users() {
        String dir = System.getProperty(CREDENTIALS_DIR);
        if (dir == null) {
            throw new IllegalStateException("no test stack: the local users' credentials are unknown (" + CREDENTIALS_DIR + ")");
        }
        return USERS.computeIfAbsent(dir, d -> new org.caseflow.schemas.AccessTokens.Directory(java.nio.file.Path.of(d)));
    }

    /** The {@code Authorization} header of local user {@code user} on the test stack. */
    public static String authorization(String user) {
        return users().authorization(user);
    }

    public record Response(int status, String contentType, String body, HttpResponse<String> raw) {
    }

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ApiClient(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    /** Waits until the service says it is ready (its topology RUNNING); fails after {@code timeout}. */
    public ApiClient awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (get("/actuator/health/readiness", null).status() == 200) {
                return this;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("service on " + baseUrl + " not ready within " + timeout);
    }

    public Response get(String path, String user) {
        return send(builder(path, user).GET());
    }

    /** A GET with the {@code Authorization} header exactly as given (forged or malformed tokens). */
    public Response getWithAuthorization(String path, String authorization) {
        return send(builder(path, null).header("Authorization", authorization).GET());
    }

    public Response post(String path, String user, String json) {
        return send(builder(path, user).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A POST a client may retry: the same {@code idempotencyKey} makes it the same command. */
    public Response post(String path, String user, String json, String idempotencyKey) {
        return send(builder(path, user).header("Content-Type", "application/json").header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response put(String path, String user, String json) {
        return send(builder(path, user).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response delete(String path, String user) {
        return send(builder(path, user).DELETE());
    }

    private HttpRequest.Builder builder(String path, String user) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (user != null) {
            builder.header("Authorization", authorization(user));
        }
        return builder;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body(), response);
        } catch (Exception e) {
            throw new IllegalStateException("HTTP call failed: " + e.getMessage(), e);
        }
    }
}
