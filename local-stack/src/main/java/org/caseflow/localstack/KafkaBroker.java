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

/** A real single-node KRaft broker (broker and controller in one process) from Maven Central's jars. */
final class KafkaBroker implements AutoCloseable {

    private final ManagedProcess process;
    private final int port;

    private KafkaBroker(ManagedProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    static KafkaBroker start(StackRuntime runtime, Path workDir, int port, int controllerPort, String logLevel) throws IOException, InterruptedException {
        Path dataDir = workDir.resolve("kafka-data");
        Path config = workDir.resolve("kafka-server.properties");
        Files.writeString(config, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@" + Ports.LOOPBACK + ":" + controllerPort,
                "listeners=PLAINTEXT://" + Ports.LOOPBACK + ":" + port + ",CONTROLLER://" + Ports.LOOPBACK + ":" + controllerPort,
                "advertised.listeners=PLAINTEXT://" + Ports.LOOPBACK + ":" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
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
        List<String> jvm = List.of("-Xmx384m", "-XX:+UseSerialGC", "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + log4j.toAbsolutePath(), "-Dcaseflow.broker.log-level=" + logLevel,
                "-cp", runtime.brokerClasspath());

        if (!Files.exists(dataDir.resolve("meta.properties"))) {
            // a new cluster; formatted storage is kept as it is (its cluster id, its data)
            try (ManagedProcess format = ManagedProcess.startJava("kafka-format", workDir, workDir,
                    concat(jvm, "kafka.tools.StorageTool", "format", "--cluster-id", clusterId(), "--config", config.toString(), "--ignore-formatted"))) {
                int status = format.waitFor(Duration.ofSeconds(60));
                if (status != 0) {
                    throw new IllegalStateException("formatting the broker's storage failed (status " + status + "); see " + format.logFile());
                }
            }
        }
        ManagedProcess broker = ManagedProcess.startJava("kafka", workDir, workDir, concat(jvm, "kafka.Kafka", config.toString()));
        return new KafkaBroker(broker, port);
    }

    String bootstrapServers() {
        return Ports.LOOPBACK + ":" + port;
    }

    /** Ready when the broker answers a metadata request. */
    void awaitReady(Duration timeout) throws InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
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
