package org.caseflow.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real Apicurio Registry 3.x server, unpacked from Maven Central's tarball, storing its schemas in an H2 file
 * database under the work directory, so they survive a restart. Guarded by the local issuer (OpenID Connect): anyone
 * on loopback may read (serdes, tools), only a token with role {@code sr-admin} (local user {@code provisioning}) may
 * register or change schemas and rules. (Its {@code kafkasql} storage, which keeps them in
 * the broker, was measured here: 20–25 s more to ready, and it must wait for the broker; the file starts in
 * parallel with the broker in ~5 s.)
 */
final class SchemaRegistryServer implements AutoCloseable {

    private final ManagedProcess process;
    private final int port;
    private final int managementPort;

    private final RecordedAotCache aot;

    private SchemaRegistryServer(ManagedProcess process, int port, int managementPort, RecordedAotCache aot) {
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
        this.aot = aot;
    }

    static SchemaRegistryServer start(StackRuntime runtime, Path workDir, int port, int managementPort, String issuer) {
        Path database = workDir.resolve("registry-data").resolve("registry").toAbsolutePath();
        // C1 only: the registry serves a handful of schema lookups (clients cache them), so optimising compilation only costs start time
        List<String> vm = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
        RecordedAotCache aot = RecordedAotCache.of(runtime.registryHome().getParent().resolve("aot"), "registry",
                runtime.registryVersion() + " " + String.join(" ", vm));
        List<String> args = new java.util.ArrayList<>(vm);
        args.addAll(aot.jvmOptions());
        args.addAll(List.of(
                "-Dapicurio.storage.kind=sql", "-Dapicurio.storage.sql.kind=h2",
                "-Dapicurio.datasource.url=jdbc:h2:file:" + database + ";DB_CLOSE_ON_EXIT=FALSE",
                // bind the API and the management interface to loopback only
                "-Dquarkus.http.host=" + Ports.LOOPBACK, "-Dquarkus.http.port=" + port,
                "-Dquarkus.management.host=" + Ports.LOOPBACK, "-Dquarkus.management.port=" + managementPort,
                "-Dquarkus.http.access-log.enabled=false",
                // writes need a token of the issuer whose roles claim holds sr-admin; reads stay open (services resolve by content id)
                "-Dquarkus.oidc.tenant-enabled=true", "-Dquarkus.oidc.auth-server-url=" + issuer,
                "-Dquarkus.oidc.roles.role-claim-path=roles", "-Dquarkus.oidc.connection-delay=60S",
                "-Dapicurio.auth.role-based-authorization=true", "-Dapicurio.auth.role-source=token",
                "-Dapicurio.auth.anonymous-read-access.enabled=true",
                "-jar", runtime.registryHome().resolve("quarkus-run.jar").toString()));
        return new SchemaRegistryServer(ManagedProcess.startJava("registry", workDir, runtime.registryHome(), args), port, managementPort, aot);
    }

    String baseUrl() {
        return "http://" + Ports.LOOPBACK + ":" + port;
    }

    /** The registry's own API, which the Apicurio serde talks to. */
    String apiUrl() {
        return baseUrl() + "/apis/registry/v3";
    }

    /** Confluent-compatible API, for tools that speak it. */
    String ccompatUrl() {
        return baseUrl() + "/apis/ccompat/v7";
    }

    /** Ready when the management interface says {@code /health/ready}. */
    void awaitReady(Duration timeout) throws InterruptedException {
        String url = "http://" + Ports.LOOPBACK + ":" + managementPort + "/health/ready";
        process.awaitReady("the schema registry", timeout, () -> Http.isOk(url));
    }

    ManagedProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
        aot.adopt();
    }
}
