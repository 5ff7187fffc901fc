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
        var health = api().awaitReady(java.time.Duration.ofSeconds(60)).get("/actuator/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"kafka\"").contains("\"brokers\":1");
        assertThat(api().get("/actuator/health/readiness", null).status()).isEqualTo(200);
        assertThat(api().get("/actuator/health/liveness", null).status()).isEqualTo(200);
    }

    @Test
    void prometheusMetricsCarryTheApplicationTag() {
        var metrics = api().get("/actuator/prometheus", null);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("application=\"" + applicationName() + "\"");
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
    }

    @Test
    void openApiDescriptionIsServed() {
        var docs = api().get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body()).contains("\"openapi\"");
    }
}
