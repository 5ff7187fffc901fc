package org.caseflow.simulators;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot be started here (no Docker engine); this parses it with a real YAML parser
 * and checks what would break a start: dangling dependencies, missing build inputs and mounts, ports
 * published beyond loopback.
 */
class ComposeFileTest {

    static final Path ROOT = Path.of(System.getProperty("caseflow.root", ".."));

    @Test
    @SuppressWarnings("unchecked")
    void composeFileIsWellFormedAndConsistent() throws Exception {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(100);
        Map<String, Object> compose = new Yaml(options).load(Files.readString(ROOT.resolve("docker-compose.yml")));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        assertThat(services).containsKeys("kafka-1", "kafka-2", "kafka-3", "registry", "provision", "intake-service", "screening-service",
                "removal-service", "prometheus", "grafana", "keycloak");
        for (var entry : services.entrySet()) {
            Map<String, Object> service = entry.getValue();
            Object dependsOn = service.get("depends_on");
            Iterable<String> deps = dependsOn instanceof Map<?, ?> m ? (Iterable<String>) m.keySet() : dependsOn == null ? List.of() : (List<String>) dependsOn;
            deps.forEach(d -> assertThat(services).as(entry.getKey() + " depends on " + d).containsKey(d));
            if (service.get("build") instanceof Map<?, ?> build) {
                assertThat(ROOT.resolve("Dockerfile")).exists();
                String jar = (String) ((Map<String, Object>) build.get("args")).get("JAR");
                assertThat(jar).as(entry.getKey()).endsWith("-exec.jar");
                assertThat(ROOT.resolve(jar).getParent().getParent()).as("module of " + jar).isDirectory();
            }
            for (Object port : (List<Object>) service.getOrDefault("ports", List.of())) {
                assertThat(port.toString()).as(entry.getKey() + " publishes " + port).startsWith("127.0.0.1:");
            }
            for (Object volume : (List<Object>) service.getOrDefault("volumes", List.of())) {
                String source = volume.toString().split(":")[0];
                if (source.startsWith("./")) {
                    assertThat(ROOT.resolve(source)).as(entry.getKey() + " mounts " + source).exists();
                }
            }
        }
        Map<String, Object> kafka = (Map<String, Object>) services.get("kafka-1").get("environment");
        assertThat(kafka).containsEntry("KAFKA_DEFAULT_REPLICATION_FACTOR", "3").containsEntry("KAFKA_MIN_INSYNC_REPLICAS", "2");
        // data lands on the volumes: the brokers' log.dirs is where their volume is mounted (the apache/kafka image
        // writes /tmp/kraft-combined-logs unless told otherwise), and each service's state volume is a directory the image
        // creates for the user it runs as (a named volume starts as a copy of it, ownership included)
        for (String broker : List.of("kafka-1", "kafka-2", "kafka-3")) {
            String logDirs = (String) ((Map<String, Object>) services.get(broker).get("environment")).get("KAFKA_LOG_DIRS");
            assertThat((List<Object>) services.get(broker).get("volumes")).as(broker).anySatisfy(v -> assertThat(v.toString()).endsWith(":" + logDirs));
        }
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        assertThat(dockerfile).contains("mkdir -p /state && chown 1000:1000 /state").contains("USER 1000");
        for (String service : List.of("intake-service", "screening-service", "removal-service")) {
            assertThat((List<Object>) services.get(service).get("volumes")).as(service).anySatisfy(v -> assertThat(v.toString()).endsWith(":/state"));
            // beyond one machine the services trust Keycloak's realm, whose keys they fetch inside the network
            Map<String, Object> environment = (Map<String, Object>) services.get(service).get("environment");
            assertThat(environment).as(service).containsEntry("CASEFLOW_IDENTITY_ISSUER", "http://127.0.0.1:8180/realms/caseflow")
                    .containsEntry("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI",
                            "http://keycloak:8080/realms/caseflow/protocol/openid-connect/certs");
        }
    }

    /**
     * Keycloak's realm gives what every service checks (audience {@code caseflow}, a {@code roles} claim with exactly
     * Caseflow's roles), lets Swagger UI log in only with PKCE on the published ports, and holds no secret: each one is
     * an environment placeholder.
     */
    @Test
    void keycloakRealmIssuesWhatTheServicesCheckAndHoldsNoSecret() throws Exception {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        String text = Files.readString(ROOT.resolve("ops/keycloak/caseflow-realm.json"));
        var realm = mapper.readTree(text);
        assertThat(realm.path("realm").asText()).isEqualTo("caseflow");
        java.util.Set<String> roles = new java.util.TreeSet<>();
        realm.path("roles").path("realm").forEach(r -> roles.add(r.path("name").asText()));
        assertThat(roles).containsExactlyInAnyOrder("FIELD_OFFICE", "SCREENING_OFFICER", "SUPERVISOR", "REMOVAL_OFFICER", "AUDITOR", "sr-admin");
        var scope = realm.path("clientScopes").get(0);
        assertThat(scope.path("name").asText()).isEqualTo("caseflow");
        java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> mappers = new java.util.HashMap<>();
        scope.path("protocolMappers").forEach(m -> mappers.put(m.path("protocolMapper").asText(), m.path("config")));
        assertThat(mappers.get("oidc-audience-mapper").path("included.custom.audience").asText()).isEqualTo("caseflow");
        assertThat(mappers.get("oidc-usermodel-realm-role-mapper").path("claim.name").asText()).isEqualTo("roles");
        realm.path("clients").forEach(client -> {
            String id = client.path("clientId").asText();
            assertThat(client.path("defaultClientScopes").toString()).as(id).contains("\"caseflow\"");
            if (client.path("publicClient").asBoolean()) {
                assertThat(client.path("attributes").path("pkce.code.challenge.method").asText()).as(id).isEqualTo("S256");
                client.path("redirectUris").forEach(uri -> assertThat(uri.asText()).as(id).startsWith("http://127.0.0.1:"));
            } else {
                assertThat(client.path("secret").asText()).as(id + "'s secret comes from the environment").matches("\\$\\{[A-Z_]+}");
            }
        });
        // no password or secret literal anywhere in the realm
        assertThat(text).doesNotContain("\"password\"").doesNotContain("\"credentials\"");
    }

    /**
     * The Compose Specification's own JSON schema, as Debian's docker-compose (1.29, which .ci/run installs) validates
     * files with it: {@code docker-compose config -q} reads the file, interpolates and validates it, without an engine.
     * The same tool refuses a copy with one unknown key, so a pass means something.
     */
    @Test
    void composeFileFollowsTheComposeSpecification(@org.junit.jupiter.api.io.TempDir Path scratch) throws Exception {
        java.util.Optional<Path> tool = ToolsOnPath.find("docker-compose");
        org.junit.jupiter.api.Assumptions.assumeTrue(tool.isPresent(),
                "SKIPPING the Compose Specification check: no docker-compose (install Debian's 'docker-compose', as .ci/run does)");
        // no secret has a default: without them the file does not even resolve, with them it is valid
        assertThat(config(tool.get(), ROOT, Map.of())).as("docker-compose config -q without the secrets").contains("REGISTRY_DB_PASSWORD");
        assertThat(config(tool.get(), ROOT)).as("docker-compose config -q on docker-compose.yml").isEmpty();
        assertThat(Files.readAllLines(ROOT.resolve(".env"))).contains("COMPOSE_PROJECT_NAME=caseflow");

        Files.writeString(scratch.resolve("docker-compose.yml"), Files.readString(ROOT.resolve("docker-compose.yml"))
                .replaceFirst("(?m)^services:\\s*$", "services:\n  broken:\n    image: busybox\n    restart_policy: always"));
        assertThat(config(tool.get(), scratch)).as("a service with an unknown key").contains("restart_policy");
    }

    /** The secrets a deployment must set (made-up values for the check). */
    private static final Map<String, String> SECRETS = Map.of("REGISTRY_DB_PASSWORD", "x", "KEYCLOAK_DB_PASSWORD", "x", "KEYCLOAK_ADMIN_PASSWORD", "x",
            "CASEFLOW_FIELD_OFFICE_CLIENT_SECRET", "x", "CASEFLOW_PROVISIONING_CLIENT_SECRET", "x", "GRAFANA_ADMIN_PASSWORD", "x");

    /** What {@code docker-compose config -q} says about {@code dir}/docker-compose.yml: empty when valid. */
    private static String config(Path tool, Path dir) throws Exception {
        return config(tool, dir, SECRETS);
    }

    private static String config(Path tool, Path dir, Map<String, String> secrets) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(tool.toString(), "--project-directory", dir.toString(), "-f", dir.resolve("docker-compose.yml").toString(),
                "config", "-q").redirectErrorStream(true);
        SECRETS.keySet().forEach(builder.environment()::remove);
        builder.environment().putAll(secrets);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        return process.waitFor() == 0 ? "" : output;
    }

    @Test
    void prometheusAndGrafanaProvisioningIsInPlace() {
        assertThat(ROOT.resolve("ops/prometheus/prometheus.yml")).exists();
        assertThat(ROOT.resolve("ops/prometheus/alerts.yml")).exists();
        assertThat(ROOT.resolve("ops/grafana/provisioning/datasources/prometheus.yml")).exists();
        assertThat(ROOT.resolve("ops/grafana/dashboards/case-flow.json")).exists();
    }
}
