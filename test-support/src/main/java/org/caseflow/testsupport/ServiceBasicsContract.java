package org.caseflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * What every Caseflow service answers, whatever its domain: health with the broker connected,
 * Prometheus metrics tagged with the application, and an API that refuses anonymous callers with
 * problem details. A service's test extends it and says where it listens.
 */
public abstract class ServiceBasicsContract {

    protected abstract int port();

    protected abstract String applicationName();

    protected ApiClient api() {
        return new ApiClient(port());
    }

    @Test
    void healthIsUpWithTheBrokerConnected() throws InterruptedException {
        // a service with a topology is ready once it is RUNNING, a few seconds after start
        var health = api().awaitReady(java.time.Duration.ofSeconds(60)).get("/actuator/health", "auditor");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"kafka\"").contains("\"brokers\":1");
        // without credentials: the status only, no cluster id or disk paths
        var anonymous = api().get("/actuator/health", null);
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.body()).contains("\"status\":\"UP\"").doesNotContain("clusterId").doesNotContain("diskSpace");
        assertThat(api().get("/actuator/health/readiness", null).status()).isEqualTo(200);
        assertThat(api().get("/actuator/health/liveness", null).status()).isEqualTo(200);
    }

    @Test
    void prometheusMetricsCarryTheApplicationTag() {
        var metrics = api().get("/actuator/prometheus", null);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("application=\"" + applicationName() + "\"");
        // a topic is spelled as in the catalogue in every metric (Kafka's client metrics would write intake_submissions)
        assertThat(metrics.body()).doesNotContainPattern("topic=\"[a-z]+_[a-z_]+\"");
    }

    @Test
    void anonymousApiCallsAre401ProblemDetails() {
        var response = api().get("/api/anything", null);
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"status\":401").contains("UNAUTHENTICATED");
    }

    @Test
    void unknownPathsAre404ProblemDetailsForAuthenticatedCallers() {
        var response = api().get("/api/no-such-thing", "auditor");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).contains("NO_SUCH_ROUTE").doesNotContain("static resource");
    }

    /**
     * Only tokens of Caseflow's issuer, for Caseflow, unexpired and unaltered, are accepted: each is forged here with the
     * test issuer's own key (or another), changing one thing at a time; an unchanged forgery is the control (accepted).
     */
    @Test
    void onlyUnexpiredTokensOfTheIssuerForCaseflowAreAccepted() throws Exception {
        api().awaitReady(java.time.Duration.ofSeconds(60));
        var key = com.nimbusds.jose.jwk.RSAKey.parse(java.nio.file.Files.readString(java.nio.file.Path.of(System.getProperty(ApiClient.SIGNING_KEY))));
        var otherKey = new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
        String issuer = System.getProperty("caseflow.identity.issuer");
        java.time.Instant now = java.time.Instant.now();
        java.util.function.Supplier<com.nimbusds.jwt.JWTClaimsSet.Builder> valid = () -> new com.nimbusds.jwt.JWTClaimsSet.Builder()
                .subject("auditor").issuer(issuer).audience("caseflow").claim("roles", java.util.List.of("AUDITOR"))
                .issueTime(java.util.Date.from(now.minusSeconds(5))).expirationTime(java.util.Date.from(now.plusSeconds(300)));
        // authenticated callers get 404 for an unknown route, everyone else 401
        String route = "/api/no-such-thing";
        assertThat(api().getWithAuthorization(route, "Bearer " + forge(valid.get(), key)).status()).as("control: a well-formed token of the issuer").isEqualTo(404);
        var refused = new java.util.LinkedHashMap<String, String>();
        refused.put("expired", forge(valid.get().expirationTime(java.util.Date.from(now.minusSeconds(300))), key));
        refused.put("not yet valid", forge(valid.get().notBeforeTime(java.util.Date.from(now.plusSeconds(600))), key));
        refused.put("another audience", forge(valid.get().audience("registry"), key));
        refused.put("no audience", forge(valid.get().audience((String) null), key));
        refused.put("another issuer", forge(valid.get().issuer("http://127.0.0.1:1"), key));
        refused.put("signed with another key", forge(valid.get(), otherKey));
        refused.put("unsigned (alg none)", new com.nimbusds.jwt.PlainJWT(valid.get().build()).serialize());
        String genuine = ApiClient.authorization("auditor").substring("Bearer ".length());
        refused.put("altered after signing", genuine.substring(0, genuine.indexOf('.') + 1)
                + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(valid.get().subject("supervisor").claim("roles", java.util.List.of("SUPERVISOR"))
                        .build().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                + genuine.substring(genuine.lastIndexOf('.')));
        refused.put("not a token", "not-a-jwt");
        for (var token : refused.entrySet()) {
            var response = api().getWithAuthorization(route, "Bearer " + token.getValue());
            assertThat(response.status()).as(token.getKey()).isEqualTo(401);
            assertThat(response.contentType()).as(token.getKey()).startsWith("application/problem+json");
            assertThat(response.raw().headers().firstValue("WWW-Authenticate")).as(token.getKey()).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        }
    }

    private static String forge(com.nimbusds.jwt.JWTClaimsSet.Builder claims, com.nimbusds.jose.jwk.RSAKey key) throws Exception {
        var jwt = new com.nimbusds.jwt.SignedJWT(new com.nimbusds.jose.JWSHeader.Builder(com.nimbusds.jose.JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                claims.build());
        jwt.sign(new com.nimbusds.jose.crypto.RSASSASigner(key));
        return jwt.serialize();
    }

    /** The service's OpenAPI description, which the route-by-route tests walk. */
    private com.fasterxml.jackson.databind.JsonNode apiDocs() throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(api().get("/v3/api-docs", null).body());
    }

    /** The local users and their roles (docs/operations.md), written down independently of {@code LocalUsers}. */
    static final java.util.Map<String, java.util.Set<String>> USERS = java.util.Map.of(
            "field-office", java.util.Set.of("FIELD_OFFICE"), "officer-1", java.util.Set.of("SCREENING_OFFICER"),
            "supervisor", java.util.Set.of("SUPERVISOR", "SCREENING_OFFICER"), "removal-officer", java.util.Set.of("REMOVAL_OFFICER"),
            "auditor", java.util.Set.of("AUDITOR"),
            // the schema registry's administrator: a valid token without a Caseflow role, refused everywhere
            "provisioning", java.util.Set.of());

    /**
     * The service's endpoint × role matrix, written independently of the controllers: {@code "METHOD /path/{var}"} →
     * the roles allowed. Every endpoint of the OpenAPI description must be in it, and nothing else.
     */
    protected abstract java.util.Map<String, java.util.Set<String>> roleMatrix();

    /** Every endpoint for every role: allowed roles get past authorization, the others 403, no credentials 401. */
    @Test
    void everyEndpointAnswersEveryRoleAsTheMatrixSays() throws Exception {
        api().awaitReady(java.time.Duration.ofSeconds(60));
        var docs = apiDocs();
        java.util.Set<String> endpoints = new java.util.TreeSet<>();
        docs.get("paths").properties().forEach(path -> path.getValue().properties()
                .forEach(method -> endpoints.add(method.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey())));
        assertThat(endpoints).as("the matrix covers exactly the service's endpoints").isEqualTo(roleMatrix().keySet());
        for (String endpoint : endpoints) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = endpoint.substring(endpoint.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "matrix-x");
            assertThat(call(method, path, null).status()).as(endpoint + " without credentials").isEqualTo(401);
            for (var user : USERS.entrySet()) {
                boolean allowed = user.getValue().stream().anyMatch(roleMatrix().get(endpoint)::contains);
                int status = call(method, path, user.getKey()).status();
                if (allowed) {
                    assertThat(status).as(endpoint + " as " + user.getKey()).isNotIn(401, 403);
                } else {
                    assertThat(status).as(endpoint + " as " + user.getKey()).isEqualTo(403);
                }
            }
        }
        // the only open doors: health and metrics
        assertThat(api().get("/actuator/health", null).status()).isEqualTo(200);
        assertThat(api().get("/actuator/prometheus", null).status()).isEqualTo(200);
        assertThat(api().get("/actuator/env", null).status()).isEqualTo(401);
    }

    private ApiClient.Response call(String method, String path, String user) {
        return switch (method) {
            case "GET" -> api().get(path, user);
            case "POST" -> api().post(path, user, "{}");
            case "PUT" -> api().put(path, user, "{}");
            case "DELETE" -> api().delete(path, user);
            default -> throw new AssertionError("no call for " + method);
        };
    }

    /**
     * Generated requests on every route (property-based, bounded: {@code caseflow.fuzz.requests-per-route}, 100 here,
     * {@code caseflow.fuzz.seed} to reproduce): mutated documented examples, odd path variables and query parameters, each sent as a user the
     * role matrix allows. The service answers each with a success or a 4xx problem — never a 5xx — and keeps answering.
     */
    @Test
    void generatedRequestsOnEveryRouteAreNeverA5xx() throws Exception {
        api().awaitReady(java.time.Duration.ofSeconds(60));
        int perRoute = Integer.getInteger("caseflow.fuzz.requests-per-route", 100);
        long seed = Long.getLong("caseflow.fuzz.seed", 20261129L);
        var docs = apiDocs();
        var fuzz = new RequestFuzz(seed);
        java.util.List<String> failures = new java.util.ArrayList<>();
        int sent = 0;
        for (var path : (Iterable<java.util.Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>>) docs.get("paths").properties()::iterator) {
            for (var operation : (Iterable<java.util.Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>>) path.getValue().properties()::iterator) {
                String method = operation.getKey().toUpperCase(java.util.Locale.ROOT);
                var allowed = roleMatrix().get(method + " " + path.getKey());
                String user = USERS.entrySet().stream().filter(u -> u.getValue().stream().anyMatch(allowed::contains)).map(java.util.Map.Entry::getKey)
                        .sorted().findFirst().orElseThrow();
                var example = RequestFuzz.example(docs, operation.getValue());
                for (int i = 0; i < perRoute; i++) {
                    String target = fuzz.path(path.getKey()) + fuzz.query(operation.getValue());
                    String body = method.equals("POST") || method.equals("PUT") ? fuzz.body(example) : null;
                    var response = switch (method) {
                        case "GET" -> api().get(target, user);
                        case "POST" -> api().post(target, user, body);
                        case "PUT" -> api().put(target, user, body);
                        default -> api().delete(target, user);
                    };
                    sent++;
                    boolean problem = response.status() >= 400 && response.contentType() != null && response.contentType().startsWith("application/problem+json");
                    if (response.status() >= 500 || (response.status() >= 400 && !problem)) {
                        String shown = body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "…" : body;
                        failures.add(method + " " + target + " as " + user + " → " + response.status() + " " + response.contentType() + " (seed " + seed
                                + ", request " + i + ") body " + shown + " answer " + response.body());
                    }
                }
            }
        }
        System.out.printf("%s: %d generated requests (seed %d), %d answered 5xx or without problem details%n", applicationName(), sent, seed,
                failures.size());
        assertThat(failures.stream().limit(10).toList()).as("5xx or non-problem answers of %d generated requests", sent).isEmpty();
        assertThat(api().get("/actuator/health/readiness", null).status()).as("still ready after the fuzz").isEqualTo(200);
    }

    /** A user whose roles allow the service's commands, so a malformed body reaches the body's checks (not a 403). */
    protected abstract String commandUser();

    /** Bodies a careless or hostile client sends: none may produce a 5xx. */
    private static final java.util.List<String> MALFORMED = java.util.List.of("", "{", "[]", "null", "\"text\"", "42", "{\"unknown\": 1}",
            "{\"reason\": [1, 2], \"destination\": {}, \"seats\": \"many\", \"departureAt\": \"yesterday\", \"outcome\": \"MAYBE\"}",
            "{\"submissionId\": 7, \"person\": []}", "[".repeat(5_000), "{\"note\": \"" + "x".repeat(70_000) + "\"}");

    /** Every POST and PUT route of the service's OpenAPI description, with every malformed body: client mistakes are 4xx problems. */
    @Test
    void noMalformedBodyOnAnyRouteIsA5xx() throws Exception {
        api().awaitReady(java.time.Duration.ofSeconds(60));
        var docs = apiDocs();
        java.util.List<String> routes = new java.util.ArrayList<>();
        docs.get("paths").properties().forEach(path -> {
            for (String method : java.util.List.of("post", "put")) {
                if (path.getValue().has(method)) {
                    routes.add(method + " " + path.getKey().replaceAll("\\{[^}]+}", "fuzz-" + method));
                }
            }
        });
        assertThat(routes).as("the service has commands").isNotEmpty();
        for (String route : routes) {
            String method = route.substring(0, route.indexOf(' '));
            String path = route.substring(route.indexOf(' ') + 1);
            for (String body : MALFORMED) {
                var response = method.equals("post") ? api().post(path, commandUser(), body) : api().put(path, commandUser(), body);
                String shown = body.length() > 40 ? body.substring(0, 40) + "…" : body;
                assertThat(response.status()).as(route + " with " + shown + ": " + response.body()).isBetween(400, 499);
                assertThat(response.contentType()).as(route + " with " + shown).startsWith("application/problem+json");
            }
        }
    }

    @Test
    void openApiDescriptionIsServed() {
        var docs = api().get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body()).contains("\"openapi\"").contains("\"title\":\"Caseflow " + applicationName() + "\"")
                .contains("problem details").contains("\"Problem\"").contains("application/problem+json").contains("\"403\"")
                .contains("\"example\""); // request bodies come with an example
        // Swagger UI logs in at the issuer: the description names its discovery document, and the UI uses PKCE as client swagger-ui
        assertThat(docs.body()).contains("\"openIdConnectUrl\":\"" + System.getProperty("caseflow.identity.issuer") + "/.well-known/openid-configuration\"");
        assertThat(api().get("/swagger-ui/swagger-initializer.js", null).body()).contains("\"clientId\":\"swagger-ui\"")
                .contains("\"usePkceWithAuthorizationCodeGrant\":true");
    }

    /** Every success answer of every operation names its view (a schema of the description), never a bare object of any type. */
    @Test
    void everySuccessAnswerIsATypedView() throws Exception {
        var docs = apiDocs();
        java.util.List<String> untyped = new java.util.ArrayList<>();
        docs.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            var successes = new java.util.ArrayList<String>();
            operation.getValue().path("responses").properties().forEach(response -> {
                if (!response.getKey().startsWith("2")) {
                    return;
                }
                var content = response.getValue().path("content");
                if (!content.isEmpty()) {
                    successes.add(response.getKey()); // a 202 may have no body: its Location names the result
                }
                content.properties().forEach(media -> {
                    var schema = media.getValue().path("schema");
                    boolean typed = schema.has("$ref") || ("array".equals(schema.path("type").asText()) && schema.path("items").has("$ref"))
                            || (schema.has("oneOf") && java.util.stream.StreamSupport.stream(schema.path("oneOf").spliterator(), false).allMatch(s -> s.has("$ref")));
                    boolean commandAs200 = !operation.getKey().equals("get") && response.getKey().equals("200")
                            && schema.path("$ref").asText().endsWith("/CommandResult"); // the gateway answers 201 or 202
                    if (!typed || commandAs200 || !media.getKey().equals("application/json")) {
                        untyped.add(operation.getKey().toUpperCase() + " " + path.getKey() + " " + response.getKey() + " " + media.getKey() + ": " + schema);
                    }
                });
            });
            if (successes.isEmpty()) {
                untyped.add(operation.getKey().toUpperCase() + " " + path.getKey() + ": no success answer with a body");
            }
        }));
        assertThat(untyped).as("success answers without a typed view").isEmpty();
    }
}
