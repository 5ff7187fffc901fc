package org.caseflow.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The local default's OpenID Connect issuer (module {@code identity-provider}: Spring Authorization Server) as a
 * separate process on 127.0.0.1, with the local users' files and a signing key kept under the work directory.
 * Measured here: ready in about 5 s, in parallel with the broker and the registry, so it adds nothing to the start.
 */
final class IdentityProvider implements AutoCloseable {

    private final ManagedProcess process;
    private final int port;

    private IdentityProvider(ManagedProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    private static final List<String> JVM_OPTIONS = List.of("-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    static IdentityProvider start(Path workDir, int port) throws IOException {
        String issuer = issuer(port);
        LocalUsers.writeAll(workDir, issuer);
        Path jar = jar();
        // started from an AOT cache like the services (measured: 11 s to ready from the jar while broker and registry start)
        AotCache.Launch launch = AotCache.prepare(jar, training(jar));
        List<String> args = new ArrayList<>(JVM_OPTIONS);
        args.addAll(launch.jvmOptions());
        args.addAll(List.of("-jar", launch.jar().toAbsolutePath().toString(),
                "--server.address=" + Ports.LOOPBACK, "--server.port=" + port,
                "--caseflow.identity.issuer=" + issuer,
                "--caseflow.identity.users-dir=" + LocalUsers.directory(workDir).toAbsolutePath(),
                // kept with the credentials: a new cluster (--fresh) gets a new key
                "--caseflow.identity.signing-key=" + signingKey(workDir).toAbsolutePath()));
        return new IdentityProvider(ManagedProcess.startJava("identity", workDir, workDir, args), port);
    }

    /** The training run reads one made-up user and keeps its made-up key beside the cache. */
    private static AotCache.Training training(Path jar) throws IOException {
        Path dir = Files.createDirectories(jar.toAbsolutePath().getParent().resolve("aot").resolve("training-users"));
        Files.writeString(dir.resolve("trainee.properties"), "client-id=trainee\nclient-secret=training-only-0123456789\nroles=AUDITOR\n");
        return new AotCache.Training(JVM_OPTIONS, List.of("--server.port=0", "--server.address=" + Ports.LOOPBACK,
                "--caseflow.identity.issuer=http://" + Ports.LOOPBACK + ":1", "--caseflow.identity.users-dir=" + dir,
                "--caseflow.identity.signing-key=" + dir.getParent().resolve("training-key.json")));
    }

    /** The issuer's RSA key (a JWK); only tests read it, to forge tokens the services must refuse. */
    static Path signingKey(Path workDir) {
        return KafkaCredentials.directory(workDir).resolve("issuer-signing-key.json");
    }

    static String issuer(int port) {
        return "http://" + Ports.LOOPBACK + ":" + port;
    }

    String issuer() {
        return issuer(port);
    }

    int port() {
        return port;
    }

    void awaitReady(Duration timeout) throws InterruptedException {
        String discovery = issuer() + "/.well-known/openid-configuration";
        process.awaitReady("the identity provider", timeout, () -> Http.isOk(discovery));
    }

    ManagedProcess process() {
        return process;
    }

    private static Path jar() throws IOException {
        Properties p = new Properties();
        try (InputStream in = IdentityProvider.class.getClassLoader().getResourceAsStream("caseflow/identity-provider.properties")) {
            if (in == null) {
                throw new IllegalStateException("caseflow/identity-provider.properties is missing: build identity-provider first (./mvnw install -DskipTests)");
            }
            p.load(in);
        }
        Path jar = Path.of(p.getProperty("jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the identity provider is not built at " + jar + ": ./mvnw install -DskipTests");
        }
        return jar;
    }

    @Override
    public void close() {
        process.close();
    }
}
