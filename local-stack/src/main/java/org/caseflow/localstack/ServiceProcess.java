package org.caseflow.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** One Caseflow service (a Spring Boot jar) started against the local stack, gated on its health. */
public final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final int port;
    private final ManagedProcess process;

    private ServiceProcess(String name, int port, ManagedProcess process) {
        this.name = name;
        this.port = port;
        this.process = process;
    }

    /**
     * Every service JVM's options, the AOT cache's training run included. C1 only: measured here, full JIT (C2) made
     * './caseflow up' 56-64 s instead of 43 s (three services compiling on 2 cores), and 42 s instead of 30 s with the AOT cache.
     * Heap: intake's live set after 90k cases was ~40 MB, so 160 MB leaves room, and a small initial heap grows only as
     * needed. The JDK caches a direct buffer per thread as large as the largest socket read (Kafka fetches of megabytes):
     * capped, it took ~24 MB less. Measured with {@code ./caseflow bench pipeline} (docs/operations.md).
     */
    static final List<String> JVM_OPTIONS = List.of("-Xms32m", "-Xmx160m", "-Djdk.nio.maxCachedBufferSize=262144", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1");

    public static ServiceProcess start(String name, Path jar, int port, LocalStack stack, List<String> extraArgs) {
        return start(name, name, jar, port, stack, extraArgs);
    }

    /**
     * Another instance of service {@code name} (same application, group and principal) under its own {@code instance}
     * name: its own pid file, log and state directory, so it can run beside the first.
     */
    public static ServiceProcess start(String name, String instance, Path jar, int port, LocalStack stack, List<String> extraArgs) {
        ManagedProcess.stopStale(stack.workDir(), instance);
        AotCache.Launch launch = AotCache.prepare(jar);
        List<String> args = new ArrayList<>(JVM_OPTIONS);
        args.addAll(launch.jvmOptions());
        args.addAll(List.of("-jar", launch.jar().toAbsolutePath().toString(),
                "--server.address=" + Ports.LOOPBACK,
                "--server.port=" + port,
                "--spring.kafka.bootstrap-servers=" + stack.bootstrapServers(),
                // the service authenticates as itself (principal = service name); the file holds the secret
                "--caseflow.kafka.credentials-file=" + stack.credentials().file(name).toAbsolutePath(),
                "--caseflow.registry.url=" + stack.registryUrl(),
                // HTTP callers carry tokens from the local default's issuer (docs/operations.md); elsewhere, the deployment's issuer
                "--caseflow.identity.issuer=" + stack.issuer(),
                "--spring.kafka.streams.state-dir=" + stack.workDir().resolve("state").resolve(instance).toAbsolutePath(),
                // static membership: a restarted instance takes its partitions back at once instead of waiting for its old
                // member's session to expire (measured: 'up' on existing data waited ~35 s in a rebalance without it)
                "--spring.kafka.streams.properties.group.instance.id=" + instance));
        args.addAll(extraArgs);
        return new ServiceProcess(name, port, ManagedProcess.startJava(instance, stack.workDir(), stack.workDir(), args));
    }

    public String name() {
        return name;
    }

    public String url() {
        return "http://" + Ports.LOOPBACK + ":" + port;
    }

    public ManagedProcess process() {
        return process;
    }

    /** Ready when {@code /actuator/health/readiness} answers 200 (Kafka Streams running, where the service has it). */
    public boolean isReady() {
        return Http.isOk(url() + "/actuator/health/readiness");
    }

    public void awaitHealthy(Duration timeout) throws InterruptedException {
        process.awaitReady(name, timeout, this::isReady);
    }

    @Override
    public void close() {
        process.close();
    }
}
