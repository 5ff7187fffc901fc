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
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.caseflow.schemas.Principals;
import org.caseflow.schemas.TopicSpec;
import org.caseflow.schemas.Topics;
import org.caseflow.schemas.evolution.ReleasedSchemas;

/**
 * The explicit provisioning step: topics and ACLs from the catalogue, and every released version of each value
 * schema (then the current one) registered under {@code <topic>-value} with a BACKWARD_TRANSITIVE rule,
 * so the registry can decode every historical record.
 */
public final class Provisioning {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Provisioning() {
    }

    /** Creates the catalogue's topics that do not exist yet; returns the names created. {@code admin}: a super user's client config. */
    public static List<String> createTopics(Map<String, Object> adminConfig, short replicationFactor) throws Exception {
        try (Admin admin = Admin.create(adminConfig)) {
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

    /**
     * The broker's ACLs, all from the catalogue: each topic written by exactly its writers and read by its readers and
     * the auditor; each service owns its Kafka Streams internals (topics, consumer group and transactional ids prefixed
     * with its application id). Nothing else is allowed ({@code allow.everyone.if.no.acl.found=false}).
     */
    public static List<AclBinding> acls() {
        List<AclBinding> acls = new ArrayList<>();
        for (TopicSpec topic : Topics.all()) {
            topic.writers().forEach(w -> acls.add(allow(ResourceType.TOPIC, topic.name(), PatternType.LITERAL, w, AclOperation.WRITE)));
            topic.readers().forEach(r -> acls.add(allow(ResourceType.TOPIC, topic.name(), PatternType.LITERAL, r, AclOperation.READ)));
            acls.add(allow(ResourceType.TOPIC, topic.name(), PatternType.LITERAL, Principals.AUDITOR, AclOperation.READ));
        }
        for (String service : Principals.SERVICES) {
            acls.add(allow(ResourceType.TOPIC, service + "-", PatternType.PREFIXED, service, AclOperation.ALL));
            acls.add(allow(ResourceType.GROUP, service, PatternType.PREFIXED, service, AclOperation.ALL));
            acls.add(allow(ResourceType.TRANSACTIONAL_ID, service, PatternType.PREFIXED, service, AclOperation.ALL));
            acls.add(allow(ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL, service, AclOperation.IDEMPOTENT_WRITE));
            acls.add(allow(ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL, service, AclOperation.DESCRIBE));
        }
        acls.add(allow(ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL, Principals.FIELD_OFFICE, AclOperation.IDEMPOTENT_WRITE));
        return acls;
    }

    /** The ACLs as a Markdown table, one row per topic (docs/operations.md holds it; a test keeps the two equal). */
    public static String aclTable() {
        StringBuilder table = new StringBuilder("| topic | written by | read by |\n|---|---|---|\n");
        for (TopicSpec topic : Topics.all()) {
            java.util.TreeSet<String> readers = new java.util.TreeSet<>(topic.readers());
            readers.add(Principals.AUDITOR);
            table.append("| `").append(topic.name()).append("` | ").append(String.join(", ", new java.util.TreeSet<>(topic.writers())))
                    .append(" | ").append(String.join(", ", readers)).append(" |\n");
        }
        return table.toString();
    }

    /** Creates the catalogue's ACLs (creating an ACL that exists changes nothing); returns how many there are. */
    public static int createAcls(Map<String, Object> adminConfig) throws Exception {
        List<AclBinding> acls = acls();
        try (Admin admin = Admin.create(adminConfig)) {
            admin.createAcls(acls).all().get(60, TimeUnit.SECONDS);
            // the controller commits them; the broker applies them a moment later: wait until the broker enforces them all
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!admin.describeAcls(org.apache.kafka.common.acl.AclBindingFilter.ANY).values().get(10, TimeUnit.SECONDS).containsAll(acls)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the broker did not apply the catalogue's ACLs within 30 s");
                }
                Thread.sleep(50);
            }
        }
        return acls.size();
    }

    private static AclBinding allow(ResourceType type, String name, PatternType pattern, String principal, AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, pattern),
                new AccessControlEntry("User:" + principal, "*", operation, AclPermissionType.ALLOW));
    }

    /** Registers released and current schemas; returns how many versions the registry holds in all. */
    public static int registerSchemas(String registryApiUrl, java.util.function.Supplier<String> authorization) throws Exception {
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
                send(http, authorization, registryApiUrl + "/groups/default/artifacts?ifExists=FIND_OR_CREATE_VERSION", body, Set.of(200));
                versions++;
            }
            var rule = Map.of("ruleType", "COMPATIBILITY", "config", "BACKWARD_TRANSITIVE");
            send(http, authorization, registryApiUrl + "/groups/default/artifacts/" + URLEncoder.encode(topic.valueArtifactId(), StandardCharsets.UTF_8) + "/rules",
                    rule, Set.of(204, 200, 409));
        }
        return versions;
    }

    /** {@code authorization} gives the header value for a guarded registry (null for an open one). */
    private static void send(HttpClient http, java.util.function.Supplier<String> authorization, String url, Object body, Set<Integer> accepted)
            throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json");
        if (authorization != null) {
            builder.header("Authorization", authorization.get());
        }
        HttpRequest request = builder.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (!accepted.contains(response.statusCode())) {
            throw new IllegalStateException("registry refused " + url + ": " + response.statusCode() + " " + response.body());
        }
    }
}
