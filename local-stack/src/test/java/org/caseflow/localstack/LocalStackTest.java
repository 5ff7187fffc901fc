package org.caseflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.caseflow.schemas.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local default starts healthy on loopback, provisions topics and schemas, and leaves nothing behind. */
class LocalStackTest {

    @TempDir
    Path workDir;

    @Test
    void startsProvisionsAndStopsCleanly() throws Exception {
        long brokerPid;
        long registryPid;
        long identityPid;
        String bootstrap;
        try (LocalStack stack = LocalStack.start(LocalStack.Settings.forTests(workDir))) {
            bootstrap = stack.bootstrapServers();
            assertThat(bootstrap).startsWith("127.0.0.1:");
            try (Admin admin = Admin.create(stack.kafkaClient(org.caseflow.schemas.Principals.PROVISIONING))) {
                assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS))
                        .containsAll(Topics.all().stream().map(t -> t.name()).toList());
                var resource = new ConfigResource(ConfigResource.Type.TOPIC, Topics.CASE_INTAKE_EVENTS);
                ConfigEntry retention = admin.describeConfigs(java.util.List.of(resource)).all().get(10, TimeUnit.SECONDS)
                        .get(resource).get("retention.ms");
                assertThat(retention.value()).isEqualTo("-1");
                assertThat(admin.describeTopics(java.util.List.of(Topics.CASE_INTAKE_EVENTS)).allTopicNames().get(10, TimeUnit.SECONDS)
                        .get(Topics.CASE_INTAKE_EVENTS).partitions()).hasSize(Topics.PARTITIONS);
            }
            HttpResponse<String> subjects = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(stack.registryCcompatUrl() + "/subjects")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(subjects.statusCode()).isEqualTo(200);
            assertThat(subjects.body()).contains(Topics.CASE_INTAKE_EVENTS + "-value", Topics.REMOVAL_FLIGHTS + "-value");

            brokerPid = Long.parseLong(Files.readString(workDir.resolve("kafka.pid")).trim());
            registryPid = Long.parseLong(Files.readString(workDir.resolve("registry.pid")).trim());
            assertThat(Files.readString(workDir.resolve("kafka-server.properties"))).contains("listeners=CLIENT://127.0.0.1:");
            assertThat(KafkaCredentials.directory(workDir).resolve("auditor.properties")).exists();
            if (java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(
                        KafkaCredentials.directory(workDir).resolve("auditor.properties")))).isEqualTo("rw-------");
            }

            // the issuer: each local user's secret is the user's alone; a restart keeps the key (tokens stay valid) and
            // gives a new secret to a user whose file was deleted (rotation), refusing the old one
            Path officer = stack.userCredentials("officer-1");
            if (java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(officer))).isEqualTo("rw-------");
            }
            var oldClient = org.caseflow.schemas.AccessTokens.Client.read(officer);
            String jwksBefore = get(stack.issuer() + "/oauth2/jwks");
            assertThat(token(oldClient)).isEqualTo(200);
            identityPid = Long.parseLong(Files.readString(workDir.resolve("identity.pid")).trim());
            Files.delete(officer);
            stack.restartIdentity();
            assertThat(get(stack.issuer() + "/oauth2/jwks")).as("the same signing key after a restart").isEqualTo(jwksBefore);
            var newClient = org.caseflow.schemas.AccessTokens.Client.read(officer);
            assertThat(newClient.clientSecret()).isNotEqualTo(oldClient.clientSecret());
            assertThat(token(oldClient)).as("the rotated secret").isEqualTo(401);
            assertThat(token(newClient)).isEqualTo(200);
            assertThat(ProcessHandle.of(identityPid).map(ProcessHandle::isAlive).orElse(false)).as("the old issuer process").isFalse();
            identityPid = Long.parseLong(Files.readString(workDir.resolve("identity.pid")).trim());
        }
        assertThat(ProcessHandle.of(brokerPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(ProcessHandle.of(registryPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(ProcessHandle.of(identityPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(Ports.isListening(Integer.parseInt(bootstrap.substring(bootstrap.indexOf(':') + 1)))).isFalse();
        assertThat(workDir.resolve("kafka.pid")).doesNotExist();
    }

    private static String get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The status of a client-credentials token request. */
    private static int token(org.caseflow.schemas.AccessTokens.Client client) throws Exception {
        String basic = java.util.Base64.getEncoder().encodeToString((client.clientId() + ":" + client.clientSecret()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(client.issuer() + "/oauth2/token")).header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void whatWasRecordedSurvivesAStopAndStartAndOnlyFreshStartsEmpty() throws Exception {
        var settings = LocalStack.Settings.forTests(workDir);
        java.util.List<String> schemaIds;
        try (LocalStack stack = LocalStack.start(settings)) {
            schemaIds = schemaIds(stack);
            produce(stack, "case-kept");
        }
        try (LocalStack stack = LocalStack.start(settings.keepingData())) {
            assertThat(keys(stack)).containsExactly("case-kept");
            // the registry's storage is in the broker: the same content ids still resolve, nothing was registered anew
            assertThat(schemaIds(stack)).isEqualTo(schemaIds);
        }
        try (LocalStack stack = LocalStack.start(settings)) {
            assertThat(keys(stack)).isEmpty();
        }
    }

    private static java.util.List<String> schemaIds(LocalStack stack) throws Exception {
        HttpResponse<String> versions = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(stack.registryCcompatUrl()
                + "/subjects/" + Topics.CASE_INTAKE_EVENTS + "-value/versions/latest")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(versions.statusCode()).isEqualTo(200);
        var id = new com.fasterxml.jackson.databind.ObjectMapper().readTree(versions.body()).get("id").asText();
        return java.util.List.of(id);
    }

    private static void produce(LocalStack stack, String key) throws Exception {
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, String>(stack.kafkaClient(org.caseflow.schemas.Principals.INTAKE),
                new org.apache.kafka.common.serialization.StringSerializer(), new org.apache.kafka.common.serialization.StringSerializer())) {
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(Topics.CASE_INTAKE_EVENTS, key, "kept")).get();
        }
    }

    private static java.util.List<String> keys(LocalStack stack) {
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, String>(stack.kafkaClient(org.caseflow.schemas.Principals.AUDITOR),
                new org.apache.kafka.common.serialization.StringDeserializer(), new org.apache.kafka.common.serialization.StringDeserializer())) {
            var partitions = consumer.partitionsFor(Topics.CASE_INTAKE_EVENTS).stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            java.util.List<String> keys = new java.util.ArrayList<>();
            long deadline = System.currentTimeMillis() + 15_000;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.currentTimeMillis() < deadline) {
                consumer.poll(java.time.Duration.ofMillis(200)).forEach(r -> keys.add(r.key()));
            }
            return keys;
        }
    }

    @Test
    void aStaleProcessFromAnEarlierRunIsStopped() throws Exception {
        // A process carrying our marker and named by a pid file, as a killed run would leave it.
        ManagedProcess stale = ManagedProcess.startJava("registry", workDir, workDir, java.util.List.of("-version"));
        stale.waitFor(java.time.Duration.ofSeconds(30));
        ProcessBuilder sleeper = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                ManagedProcess.MARKER + workDir.toAbsolutePath().normalize() + "#kafka", "-cp", System.getProperty("java.class.path"),
                "org.caseflow.localstack.LocalStackTest$Sleeper");
        Process orphan = sleeper.start();
        Files.writeString(workDir.resolve("kafka.pid"), Long.toString(orphan.pid()));

        ManagedProcess.stopStale(workDir, "kafka");

        assertThat(orphan.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(workDir.resolve("kafka.pid")).doesNotExist();
    }

    /** Stands in for a process a killed run left behind. */
    public static final class Sleeper {
        public static void main(String[] args) throws InterruptedException {
            Thread.sleep(120_000);
        }
    }
}
