package org.caseflow.simulators;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The services' real HTTP APIs, called as a local-default user (a bearer token from the stack's issuer). */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();

    record Answer(int status, JsonNode body) {
    }

    /** Answers 5xx other than 503 (a service that is starting or has lost the broker answers 503, which callers retry). */
    private static final java.util.concurrent.atomic.AtomicInteger SERVER_ERRORS = new java.util.concurrent.atomic.AtomicInteger();

    static int serverErrors() {
        return SERVER_ERRORS.get();
    }

    private final String baseUrl;
    private final org.caseflow.schemas.AccessTokens.Directory users;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Calls the service at {@code baseUrl} as local users, with tokens from the stack's issuer (credentials in {@code users}). */
    Api(String baseUrl, org.caseflow.schemas.AccessTokens.Directory users) {
        this.baseUrl = baseUrl;
        this.users = users;
    }

    Answer get(String path, String user) {
        return send(request(path, user).GET());
    }

    Answer post(String path, String user, Object body) {
        return send(request(path, user).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    Answer put(String path, String user, Object body) {
        return send(request(path, user).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    private HttpRequest.Builder request(String path, String user) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30)).header("Authorization", users.authorization(user));
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 500 && response.statusCode() != 503) {
                SERVER_ERRORS.incrementAndGet();
            }
            String body = response.body();
            return new Answer(response.statusCode(), body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, JSON.createObjectNode());
        } catch (Exception e) {
            return new Answer(0, JSON.createObjectNode());
        }
    }

    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
