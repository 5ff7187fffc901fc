package org.caseflow.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.caseflow.schemas.Principals;

/** A real single-node KRaft broker (broker and controller in one process) from Maven Central's jars. */
final class KafkaBroker implements AutoCloseable {

    private final ManagedProcess process;
    private final int port;
    private final KafkaCredentials credentials;
    private final RecordedAotCache aot;

    private KafkaBroker(ManagedProcess process, int port, KafkaCredentials credentials, RecordedAotCache aot) {
        this.process = process;
        this.port = port;
        this.credentials = credentials;
        this.aot = aot;
    }

    /**
     * Clients authenticate with SCRAM-SHA-512 on the loopback listener and are authorized by KRaft's StandardAuthorizer
     * (nothing is allowed without an ACL); the controller listener takes only the broker itself (SASL PLAIN, as KRaft
     * controllers cannot check SCRAM before they have read the metadata that holds it).
     */
    static KafkaBroker start(StackRuntime runtime, Path workDir, int port, int controllerPort, String logLevel, KafkaCredentials credentials)
            throws IOException, InterruptedException {
        Path dataDir = workDir.resolve("kafka-data");
        Path config = workDir.resolve("kafka-server.properties");
        String brokerPassword = credentials.password(Principals.BROKER);
        Files.writeString(config, "");
        restrictToUser(config); // it holds the broker's own password
        Files.writeString(config, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@" + Ports.LOOPBACK + ":" + controllerPort,
                "listeners=CLIENT://" + Ports.LOOPBACK + ":" + port + ",CONTROLLER://" + Ports.LOOPBACK + ":" + controllerPort,
                "advertised.listeners=CLIENT://" + Ports.LOOPBACK + ":" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=CLIENT",
                "listener.security.protocol.map=CLIENT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT",
                "sasl.enabled.mechanisms=" + KafkaCredentials.MECHANISM,
                "sasl.mechanism.inter.broker.protocol=" + KafkaCredentials.MECHANISM,
                "listener.name.client.scram-sha-512.sasl.jaas.config=" + KafkaCredentials.jaas(Principals.BROKER, brokerPassword),
                "sasl.mechanism.controller.protocol=PLAIN",
                "listener.name.controller.sasl.enabled.mechanisms=PLAIN",
                "listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                        + Principals.BROKER + "\" password=\"" + brokerPassword + "\" user_" + Principals.BROKER + "=\"" + brokerPassword + "\";",
                "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                "allow.everyone.if.no.acl.found=false",
                "super.users=" + String.join(";", Principals.SUPER_USERS.stream().map(p -> "User:" + p).toList()),
                "log.dirs=" + dataDir.toAbsolutePath(),
                "num.partitions=" + org.caseflow.schemas.Topics.PARTITIONS,
                "auto.create.topics.enable=false",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=6",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=6",
                "share.coordinator.state.topic.replication.factor=1",
                "group.initial.rebalance.delay.ms=0",
                "log.flush.interval.messages=9223372036854775807",
                "") );
        Path log4j = workDir.resolve("broker-log4j2.xml");
        try (InputStream in = KafkaBroker.class.getResourceAsStream("/caseflow/broker-log4j2.xml")) {
            Files.write(log4j, in.readAllBytes());
        }
        List<String> vm = List.of("-Xmx384m", "-XX:+UseSerialGC");
        List<String> jvm = concat(vm, "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + log4j.toAbsolutePath(), "-Dcaseflow.broker.log-level=" + logLevel,
                "-cp", runtime.brokerClasspath());

        RecordedAotCache aot = RecordedAotCache.of(runtime.registryHome().getParent().resolve("aot"), "kafka",
                runtime.kafkaVersion() + " " + String.join(" ", vm) + " " + runtime.brokerClasspath().hashCode());
        if (!Files.exists(dataDir.resolve("meta.properties"))) {
            // a new cluster; formatted storage is kept as it is (its cluster id, its data)
            // every principal's SCRAM credential goes into the new cluster's first metadata
            List<String> format = new java.util.ArrayList<>(aot.jvmOptionsWithoutRecording());
            format.addAll(concat(jvm, "kafka.tools.StorageTool", "format", "--cluster-id", clusterId(),
                    "--config", config.toString(), "--ignore-formatted"));
            for (String principal : Principals.ALL) {
                format.add("--add-scram");
                format.add(KafkaCredentials.MECHANISM + "=[name=" + principal + ",password=" + credentials.password(principal) + "]");
            }
            try (ManagedProcess formatting = ManagedProcess.startJava("kafka-format", workDir, workDir, format)) {
                int status = formatting.waitFor(Duration.ofSeconds(60));
                if (status != 0) {
                    throw new IllegalStateException("formatting the broker's storage failed (status " + status + "); see " + formatting.logFile());
                }
            }
        }
        List<String> run = new java.util.ArrayList<>(aot.jvmOptions());
        run.addAll(concat(jvm, "kafka.Kafka", config.toString()));
        ManagedProcess broker = ManagedProcess.startJava("kafka", workDir, workDir, run);
        return new KafkaBroker(broker, port, credentials, aot);
    }

    String bootstrapServers() {
        return Ports.LOOPBACK + ":" + port;
    }

    /** Ready when the broker answers a metadata request. */
    void awaitReady(Duration timeout) throws InterruptedException {
        Map<String, Object> config = new java.util.HashMap<>(credentials.clientProperties(Principals.PROVISIONING));
        config.putAll(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000));
        try (Admin admin = Admin.create(config)) {
            process.awaitReady("the Kafka broker", timeout, () -> {
                try {
                    return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
                } catch (Exception e) {
                    return false;
                }
            });
        }
    }

    ManagedProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
        aot.adopt();
    }

    private static void restrictToUser(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // the work directory's own protection applies
        }
    }

    private static String clusterId() {
        // Kafka's own generator: base64url of random bytes that never starts with '-', which the storage
        // tool would take for an option
        return org.apache.kafka.common.Uuid.randomUuid().toString();
    }

    private static List<String> concat(List<String> head, String... tail) {
        var all = new java.util.ArrayList<>(head);
        all.addAll(List.of(tail));
        return all;
    }
}
