package org.caseflow.localstack;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.Schema;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.caseflow.schemas.TopicSpec;
import org.caseflow.schemas.Topics;
import org.caseflow.schemas.evolution.ReleasedSchemas;

/**
 * The explicit provisioning step: topics from the catalogue, and every released version of each value
 * schema (then the current one) registered under {@code <topic>-value} with a BACKWARD_TRANSITIVE rule,
 * so the registry can decode every historical record.
 */
public final class Provisioning {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Provisioning() {
    }

    /** Creates the catalogue's topics that do not exist yet; returns the names created. */
    public static List<String> createTopics(String bootstrapServers, short replicationFactor) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = Topics.all().stream()
                    .filter(t -> !existing.contains(t.name()))
                    .map(t -> new NewTopic(t.name(), Topics.PARTITIONS, replicationFactor).configs(t.configs()))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
            }
            // topics that exist already (a durable cluster from an earlier version) take the catalogue's configs
            Map<org.apache.kafka.common.config.ConfigResource, java.util.Collection<org.apache.kafka.clients.admin.AlterConfigOp>> updates =
                    new java.util.HashMap<>();
            Topics.all().stream().filter(t -> existing.contains(t.name())).forEach(t -> updates.put(
                    new org.apache.kafka.common.config.ConfigResource(org.apache.kafka.common.config.ConfigResource.Type.TOPIC, t.name()),
                    t.configs().entrySet().stream().map(c -> new org.apache.kafka.clients.admin.AlterConfigOp(
                            new org.apache.kafka.clients.admin.ConfigEntry(c.getKey(), c.getValue()),
                            org.apache.kafka.clients.admin.AlterConfigOp.OpType.SET)).toList()));
            if (!updates.isEmpty()) {
                admin.incrementalAlterConfigs(updates).all().get(60, TimeUnit.SECONDS);
            }
            return missing.stream().map(NewTopic::name).toList();
        }
    }

    /** Registers released and current schemas; returns how many versions the registry holds in all. */
    public static int registerSchemas(String registryApiUrl) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        int versions = 0;
        for (TopicSpec topic : Topics.withSchemas()) {
            List<Schema> schemas = new ArrayList<>(ReleasedSchemas.of(topic.name()));
            Schema current = topic.valueSchema().orElseThrow();
            if (schemas.isEmpty() || !schemas.getLast().equals(current)) {
                schemas.add(current);
            }
            for (Schema schema : schemas) {
                var body = Map.of("artifactId", topic.valueArtifactId(), "artifactType", "AVRO",
                        "firstVersion", Map.of("content", Map.of("content", schema.toString(), "contentType", "application/json")));
                send(http, registryApiUrl + "/groups/default/artifacts?ifExists=FIND_OR_CREATE_VERSION", body, Set.of(200));
                versions++;
            }
            var rule = Map.of("ruleType", "COMPATIBILITY", "config", "BACKWARD_TRANSITIVE");
            send(http, registryApiUrl + "/groups/default/artifacts/" + URLEncoder.encode(topic.valueArtifactId(), StandardCharsets.UTF_8) + "/rules",
                    rule, Set.of(204, 200, 409));
        }
        return versions;
    }

    private static void send(HttpClient http, String url, Object body, Set<Integer> accepted) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (!accepted.contains(response.statusCode())) {
            throw new IllegalStateException("registry refused " + url + ": " + response.statusCode() + " " + response.body());
        }
    }
}
