package org.caseflow.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A small HTTP client for a service under test, with HTTP Basic users of the local default. */
public final class ApiClient {

    /** The password of every local-default user. */
    public static final String LOCAL_PASSWORD = "local-only";

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
            String token = Base64.getEncoder().encodeToString((user + ":" + LOCAL_PASSWORD).getBytes(StandardCharsets.UTF_8));
            builder.header("Authorization", "Basic " + token);
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
