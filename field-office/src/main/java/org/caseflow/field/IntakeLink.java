package org.caseflow.field;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.caseflow.schemas.AccessTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The link to intake's HTTP API ({@code POST /api/submissions}, safe to retry: the submissionId makes it idempotent). */
public final class IntakeLink {

    /** Intake's answer to one delivery. */
    public sealed interface Verdict {
    }

    public record Accepted(String caseId) implements Verdict {
    }

    public record Rejected(List<String> reasons) implements Verdict {
    }

    /** Intake has the submission but no verdict yet: ask again later (the same request). */
    public record Pending() implements Verdict {
    }

    /** Intake could not be reached or could not answer now (link down, 503, timeout): try again after a pause. */
    public record Unreachable(String why) implements Verdict {
    }

    /** Intake refuses this client (credentials, role): no retry helps; the operator must act. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI submissions;
    private final AccessTokens tokens;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Delivers to intake at {@code intakeUrl} as the client {@code tokens} stands for (role FIELD_OFFICE). */
    public IntakeLink(String intakeUrl, AccessTokens tokens) {
        this.submissions = URI.create(intakeUrl.replaceAll("/+$", "") + "/api/submissions");
        this.tokens = tokens;
    }

    public Verdict deliver(String signedJson) {
        HttpResponse<String> response;
        try {
            response = send(signedJson);
            if (response.statusCode() == 401) {
                // an expired or no longer trusted token (the issuer restarted with a new key): one more try with a new one
                tokens.forget();
                response = send(signedJson);
            }
        } catch (AccessTokens.Refused e) {
            throw new Refused("the identity provider refuses this station's client: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Unreachable("interrupted");
        } catch (Exception e) {
            return new Unreachable(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        int status = response.statusCode();
        JsonNode body = parse(response.body());
        return switch (status) {
            case 202 -> "ACCEPTED".equals(body.path("status").asString("")) ? new Accepted(body.path("caseId").asString()) : new Pending();
            case 422, 409, 400, 413 -> new Rejected(reasons(body));
            case 401, 403 -> throw new Refused("intake answers " + status + " to this station's client " + tokens.clientId()
                    + ": check its credentials file and its role (FIELD_OFFICE)");
            default -> new Unreachable("intake answered " + status);
        };
    }

    private HttpResponse<String> send(String signedJson) throws java.io.IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(submissions).timeout(Duration.ofSeconds(30)).header("Authorization", tokens.authorization())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(signedJson)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> reasons(JsonNode problem) {
        List<String> out = new ArrayList<>();
        for (JsonNode r : problem.path("reasons")) {
            out.add(r.path("code").asString() + (r.path("field").isString() ? " (" + r.path("field").asString() + ")" : "") + ": "
                    + r.path("message").asString());
        }
        if (out.isEmpty()) {
            out.add(problem.path("rule").asString(problem.path("title").asString("REFUSED")) + ": " + problem.path("detail").asString(""));
        }
        return out;
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (RuntimeException e) {
            return JSON.createObjectNode();
        }
    }
}
