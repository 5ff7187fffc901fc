package org.caseflow.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The local default's infrastructure: one real KRaft broker, one real Apicurio Registry and the OpenID Connect issuer,
 * each a separate process bound to 127.0.0.1, data and logs under one work directory, topics created and
 * schemas registered. Start is gated on real health; {@link #close()} stops both, and a JVM shutdown
 * hook does so on Ctrl-C. Durable by default: the broker's data, the registry's database and the services' stream
 * state survive a stop and start; only {@code fresh} starts a new cluster, and then all three go together.
 */
public final class LocalStack implements AutoCloseable {

    /** Port 0 picks a free loopback port. */
    public record Settings(Path workDir, int kafkaPort, int controllerPort, int registryPort, int registryManagementPort,
                           int identityPort, String brokerLogLevel, Duration startTimeout, boolean fresh) {

        public static Settings defaults(Path workDir) {
            return new Settings(workDir, 9092, 0, 8081, 0, 8180, "INFO", Duration.ofSeconds(90), false);
        }

        /** Every port free, chosen at start (demo, benches). */
        public static Settings anyPorts(Path workDir, boolean fresh) {
            return new Settings(workDir, 0, 0, 0, 0, 0, "WARN", Duration.ofSeconds(90), fresh);
        }

        /** Tests start from a new cluster every time. */
        public static Settings forTests(Path workDir) {
            return new Settings(workDir, 0, 0, 0, 0, 0, "WARN", Duration.ofSeconds(120), true);
        }

        public Settings keepingData() {
            return new Settings(workDir, kafkaPort, controllerPort, registryPort, registryManagementPort, identityPort, brokerLogLevel, startTimeout, false);
        }
    }

    private final Settings settings;
    private final KafkaCredentials credentials;
    private final StackRuntime runtime;
    private final Path workDir;
    private final int kafkaPort;
    private final int controllerPort;
    private volatile KafkaBroker broker;
    private final SchemaRegistryServer registry;
    private volatile IdentityProvider identity;
    private final Thread shutdownHook;
    private volatile boolean closed;

    private LocalStack(Settings settings, KafkaCredentials credentials, StackRuntime runtime, Path workDir, int kafkaPort, int controllerPort,
                       KafkaBroker broker, SchemaRegistryServer registry, IdentityProvider identity) {
        this.settings = settings;
        this.credentials = credentials;
        this.runtime = runtime;
        this.workDir = workDir;
        this.kafkaPort = kafkaPort;
        this.controllerPort = controllerPort;
        this.broker = broker;
        this.registry = registry;
        this.identity = identity;
        this.shutdownHook = new Thread(this::stopProcesses, "local-stack-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    public static LocalStack start(Settings settings) throws Exception {
        Path workDir = settings.workDir().toAbsolutePath().normalize();
        for (String name : new String[] {"kafka", "registry", "kafka-format", "identity"}) {
            ManagedProcess.stopStale(workDir, name);
        }
        if (settings.fresh()) {
            // a new cluster: broker data (with the registry's journal) and the services' stream state go together
            wipe(workDir.resolve("kafka-data"));
            wipe(workDir.resolve("registry-data"));
            wipe(workDir.resolve("streams-state"));
            wipe(workDir.resolve("state"));
            wipe(KafkaCredentials.directory(workDir));
        }
        if (Files.exists(workDir.resolve("kafka-data").resolve("meta.properties")) && !KafkaCredentials.exist(workDir)) {
            throw new IllegalStateException("The cluster in " + workDir + " was created before Kafka required authentication, so it has no "
                    + "credentials; start it once with --fresh (this deletes its data) to create a guarded cluster.");
        }
        KafkaCredentials credentials = KafkaCredentials.loadOrCreate(workDir);
        Files.createDirectories(workDir.resolve("logs"));
        StackRuntime runtime = StackRuntime.load();

        int kafkaPort = Ports.pick(settings.kafkaPort());
        // the controller keeps its port across restarts of the same data (the quorum's address)
        int controllerPort = remembered(workDir.resolve("kafka-controller.port"), settings.controllerPort());
        int registryPort = Ports.pick(settings.registryPort());
        int managementPort = Ports.pick(settings.registryManagementPort());
        int identityPort = Ports.pick(settings.identityPort());

        SchemaRegistryServer registry = SchemaRegistryServer.start(runtime, workDir, registryPort, managementPort, IdentityProvider.issuer(identityPort));
        KafkaBroker broker = null;
        IdentityProvider identity = null;
        try {
            broker = KafkaBroker.start(runtime, workDir, kafkaPort, controllerPort, settings.brokerLogLevel(), credentials);
            // after the broker and registry: a first start after a build trains the issuer's AOT cache while they boot
            identity = IdentityProvider.start(workDir, identityPort);
            LocalStack stack = new LocalStack(settings, credentials, runtime, workDir, kafkaPort, controllerPort, broker, registry, identity);
            KafkaBroker startedBroker = broker;
            IdentityProvider startedIdentity = identity;
            // Broker, registry and issuer come up in parallel; each wait fails fast if its process dies.
            Parallel.all(java.util.List.of(() -> {
                startedBroker.awaitReady(settings.startTimeout());
                Provisioning.createTopics(stack.kafkaClient(org.caseflow.schemas.Principals.PROVISIONING), (short) 1);
                Provisioning.createAcls(stack.kafkaClient(org.caseflow.schemas.Principals.PROVISIONING));
            }, () -> {
                registry.awaitReady(settings.startTimeout());
                // as the registry's only administrator; the issuer must be up to give the token
                startedIdentity.awaitReady(settings.startTimeout());
                Provisioning.registerSchemas(stack.registryUrl(), LocalUsers.tokens(workDir).of(LocalUsers.PROVISIONING)::authorization);
            }));
            return stack;
        } catch (Exception | Error e) {
            stopAll(identity, registry, broker);
            throw e;
        }
    }

    private static void stopAll(IdentityProvider identity, SchemaRegistryServer registry, KafkaBroker broker) {
        if (identity != null) {
            identity.close();
        }
        registry.close();
        if (broker != null) {
            broker.close();
        }
    }

    /** The port stored in {@code file} when it is still free, else a new one (stored for next time). */
    private static int remembered(Path file, int requested) throws IOException {
        if (requested == 0 && Files.exists(file)) {
            try {
                int port = Integer.parseInt(Files.readString(file).strip());
                if (Ports.isFree(port)) {
                    return port;
                }
            } catch (NumberFormatException corrupt) {
                // pick a new one below
            }
        }
        int port = Ports.pick(requested);
        Files.writeString(file, port + "\n");
        return port;
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** A Kafka client configuration (bootstrap servers and credentials) that authenticates as {@code principal}. */
    public java.util.Map<String, Object> kafkaClient(String principal) {
        java.util.Map<String, Object> config = new java.util.HashMap<>(credentials.clientProperties(principal));
        config.put("bootstrap.servers", bootstrapServers());
        return config;
    }

    public KafkaCredentials credentials() {
        return credentials;
    }

    /** The registry's v3 API, as the Apicurio serde wants it. */
    public String registryUrl() {
        return registry.apiUrl();
    }

    public String registryCcompatUrl() {
        return registry.ccompatUrl();
    }

    public String registryBaseUrl() {
        return registry.baseUrl();
    }

    /** The OpenID Connect issuer every service trusts and every HTTP client gets its tokens from. */
    public String issuer() {
        return identity.issuer();
    }

    /** The HTTP credentials file of local user {@code user} (see {@link LocalUsers}). */
    public Path userCredentials(String user) {
        return LocalUsers.file(settings.workDir(), user);
    }

    /** The issuer's signing key (tests forge tokens with it that the services must refuse). */
    public Path issuerSigningKey() {
        return IdentityProvider.signingKey(settings.workDir());
    }

    public Path workDir() {
        return settings.workDir();
    }

    public Path logsDir() {
        return settings.workDir().resolve("logs");
    }

    public boolean isRunning() {
        return !closed && broker.process().isAlive() && registry.process().isAlive() && identity.process().isAlive();
    }

    /** The stack's own processes by name (kafka, registry, identity) and their process ids, e.g. to read their memory. */
    public java.util.Map<String, Long> processIds() {
        var ids = new java.util.LinkedHashMap<String, Long>();
        ids.put("kafka", broker.process().pid());
        ids.put("registry", registry.process().pid());
        ids.put("identity", identity.process().pid());
        return ids;
    }

    public boolean brokerAlive() {
        return broker.process().isAlive();
    }

    public boolean identityAlive() {
        return identity.process().isAlive();
    }

    public boolean registryAlive() {
        return registry.process().isAlive();
    }

    /** Stops the broker (if it still runs) and starts it again on the same data and ports; returns when it answers. */
    public synchronized void restartBroker() throws Exception {
        if (closed) {
            return;
        }
        broker.close();
        broker = KafkaBroker.start(runtime, workDir, kafkaPort, controllerPort, settings.brokerLogLevel(), credentials);
        broker.awaitReady(settings.startTimeout());
    }

    /**
     * Stops the identity provider (if it still runs) and starts it again on the same port, users and signing key, so
     * tokens issued before stay valid; returns when it answers.
     */
    public synchronized void restartIdentity() throws Exception {
        if (closed) {
            return;
        }
        identity.close();
        identity = IdentityProvider.start(workDir, identity.port());
        identity.awaitReady(settings.startTimeout());
    }

    /**
     * The caller stops the stack itself, in its own order (services first, then registry and broker): the stack's
     * own shutdown hook would otherwise stop the broker while services are still closing.
     */
    public void handOverShutdown() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // already in the hooks
        }
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        stopProcesses();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // already in the hook
        }
    }

    private synchronized void stopProcesses() {
        if (closed) {
            return;
        }
        closed = true;
        // the registry first: it is a client of the broker
        stopAll(identity, registry, broker);
    }

    /** Deletes a directory and everything in it (nothing when it does not exist). */
    static void wipe(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
