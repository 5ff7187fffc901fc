package org.caseflow.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Java side of {@code ./caseflow}: {@code up} starts the local stack and the services, prints
 * their URLs and stays in the foreground until Ctrl-C (or until a process dies), then stops everything.
 */
public final class CaseflowLauncher {

    private CaseflowLauncher() {
    }

    @picocli.CommandLine.Command(name = "caseflow", mixinStandardHelpOptions = true, subcommands = {Up.class, RotateCredential.class, Provision.class},
            description = "The Java side of ./caseflow: the local stack and its provisioning.")
    static final class Root {
    }

    @picocli.CommandLine.Command(name = "up", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
            description = {"Starts a real Kafka broker and Apicurio Registry on 127.0.0.1, creates the topics and ACLs, registers the schemas, "
                    + "starts each service, prints the URLs and runs until Ctrl-C, then stops everything. Everything recorded survives a stop "
                    + "and start in the work directory; --fresh starts a new, empty cluster."})
    static final class Up implements java.util.concurrent.Callable<Integer> {
        @picocli.CommandLine.Option(names = "--work-dir", defaultValue = ".caseflow", paramLabel = "DIR", description = "where data and logs are kept (${DEFAULT-VALUE})")
        Path workDir;
        @picocli.CommandLine.Option(names = "--kafka-port", defaultValue = "9092", paramLabel = "N", description = "the broker's port (${DEFAULT-VALUE})")
        int kafkaPort;
        @picocli.CommandLine.Option(names = "--registry-port", defaultValue = "8081", paramLabel = "N", description = "the registry's port (${DEFAULT-VALUE})")
        int registryPort;
        @picocli.CommandLine.Option(names = "--identity-port", defaultValue = "8180", paramLabel = "N", description = "the OpenID Connect issuer's port (${DEFAULT-VALUE})")
        int identityPort;
        @picocli.CommandLine.Option(names = "--fresh", description = "delete what the work directory holds and start an empty cluster")
        boolean fresh;
        @picocli.CommandLine.Option(names = "--review-window", defaultValue = "PT72H", paramLabel = "DURATION",
                description = "how long a negative decision stays open for review (S4), ISO-8601 (${DEFAULT-VALUE}; PT10M to watch a case through)")
        java.time.Duration reviewWindow;
        @picocli.CommandLine.Option(names = "--json-logs", description = "services log structured JSON (Elastic Common Schema) instead of text")
        boolean jsonLogs;
        /** NAME=JAR:PORT, given by ./caseflow for each service. */
        @picocli.CommandLine.Option(names = "--service", hidden = true)
        List<String> services = new ArrayList<>();
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        Options options() {
            for (int port : new int[] {kafkaPort, registryPort, identityPort}) {
                if (port < 0 || port > 65535) {
                    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a port is 0-65535, not " + port);
                }
            }
            List<ServiceSpec> specs = new ArrayList<>();
            for (String service : services) {
                int eq = service.indexOf('=');
                int colon = service.lastIndexOf(':');
                if (eq < 1 || colon < eq) {
                    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--service takes NAME=JAR:PORT, not " + service);
                }
                specs.add(new ServiceSpec(service.substring(0, eq), Path.of(service.substring(eq + 1, colon)),
                        Integer.parseInt(service.substring(colon + 1))));
            }
            if (reviewWindow.isNegative() || reviewWindow.isZero()) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--review-window must be positive, not " + reviewWindow);
            }
            List<String> serviceArgs = new ArrayList<>(List.of("--caseflow.screening.review-window=" + reviewWindow));
            if (jsonLogs) {
                serviceArgs.add("--logging.structured.format.console=ecs");
                serviceArgs.add("--logging.structured.format.file=ecs");
            }
            return new Options(workDir, kafkaPort, registryPort, identityPort, fresh, specs, serviceArgs);
        }

        @Override
        public Integer call() throws Exception {
            return up(options());
        }
    }

    public static void main(String[] args) {
        org.caseflow.schemas.CaseflowSerdes.trustGeneratedClasses();
        System.exit(commandLine().execute(args));
    }

    /** Bad options exit 2 with the usage; a failure exits 1 with its causes on one line (the stack trace with CASEFLOW_DEBUG). */
    static picocli.CommandLine commandLine() {
        return new picocli.CommandLine(new Root()).setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("caseflow: " + describe(e));
            if (System.getenv("CASEFLOW_DEBUG") != null) {
                e.printStackTrace();
            }
            return 1;
        });
    }

    /** The message and its causes, one line; the stack trace only with CASEFLOW_DEBUG set. */
    static String describe(Throwable e) {
        StringBuilder line = new StringBuilder(e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            line.append(": ").append(cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName());
        }
        return line.toString();
    }

    record ServiceSpec(String name, Path jar, int port) {
    }

    /** {@code serviceArgs}: settings every service is started with (only the ones a service knows apply to it). */
    record Options(Path workDir, int kafkaPort, int registryPort, int identityPort, boolean fresh, List<ServiceSpec> services, List<String> serviceArgs) {
    }

    /**
     * The explicit provisioning step of a cluster beyond one machine: topics from the catalogue (with the
     * given replication factor) and every schema version, registered with its compatibility rule.
     */
    @picocli.CommandLine.Command(name = "provision", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
            description = {"The explicit provisioning step of a cluster beyond one machine: topics from the catalogue (with the given "
                    + "replication factor), the catalogue's ACLs (with --command-config) and every schema version with its compatibility rule."})
    static final class Provision implements java.util.concurrent.Callable<Integer> {
        @picocli.CommandLine.Option(names = "--bootstrap", required = true, paramLabel = "HOST:PORT")
        String bootstrap;
        @picocli.CommandLine.Option(names = "--registry", required = true, paramLabel = "URL", description = "the registry's v3 API")
        String registry;
        @picocli.CommandLine.Option(names = "--replication-factor", defaultValue = "3", paramLabel = "N", description = "(${DEFAULT-VALUE})")
        short replication;
        @picocli.CommandLine.Option(names = "--command-config", paramLabel = "FILE", description = "the provisioning principal's Kafka client settings")
        java.nio.file.Path commandConfig;
        @picocli.CommandLine.Option(names = "--registry-issuer", paramLabel = "URL",
                description = "the OpenID Connect issuer of a guarded registry; the client's secret comes from CASEFLOW_REGISTRY_CLIENT_SECRET")
        String registryIssuer;
        @picocli.CommandLine.Option(names = "--registry-client-id", defaultValue = "provisioning", paramLabel = "ID",
                description = "the client (role sr-admin) that registers schemas at a guarded registry (${DEFAULT-VALUE})")
        String registryClientId;

        @Override
        public Integer call() throws Exception {
            java.util.function.Supplier<String> authorization = null;
            if (registryIssuer != null) {
                String secret = System.getenv("CASEFLOW_REGISTRY_CLIENT_SECRET");
                if (secret == null || secret.isBlank()) {
                    throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                            "--registry-issuer needs the client's secret in CASEFLOW_REGISTRY_CLIENT_SECRET");
                }
                authorization = org.caseflow.schemas.AccessTokens.of(new org.caseflow.schemas.AccessTokens.Client(registryIssuer, registryClientId, secret))
                        ::authorization;
            }
            return provision(bootstrap, registry, replication, commandConfig, authorization);
        }
    }

    static int provision(String bootstrap, String registry, short replication, java.nio.file.Path commandConfig,
                         java.util.function.Supplier<String> registryAuthorization) throws Exception {
        // with the provisioning principal's client config (an authenticating cluster), the catalogue's ACLs are created too
        java.util.Map<String, Object> admin = new java.util.HashMap<>(commandConfig == null ? java.util.Map.of() : KafkaCredentials.read(commandConfig));
        admin.put("bootstrap.servers", bootstrap);
        List<String> created = Provisioning.createTopics(admin, replication);
        int acls = commandConfig == null ? 0 : Provisioning.createAcls(admin);
        int versions = Provisioning.registerSchemas(registry, registryAuthorization);
        System.out.println("provisioned: " + created.size() + " topics created, " + acls + " ACLs, " + versions + " schema versions registered");
        return 0;
    }

    @picocli.CommandLine.Command(name = "rotate-credential", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
            description = {"Gives one Kafka principal of the running local default a new password, on the broker and in its file under "
                    + "the work directory's credentials/; then restart that process (./caseflow restart NAME)."})
    static final class RotateCredential implements java.util.concurrent.Callable<Integer> {
        @picocli.CommandLine.Parameters(paramLabel = "PRINCIPAL", description = "a service, field-office, auditor or provisioning")
        String principal;
        @picocli.CommandLine.Option(names = "--work-dir", defaultValue = ".caseflow", paramLabel = "DIR", description = "(${DEFAULT-VALUE})")
        java.nio.file.Path workDir;
        @picocli.CommandLine.Option(names = "--bootstrap", defaultValue = "127.0.0.1:9092", paramLabel = "HOST:PORT", description = "(${DEFAULT-VALUE})")
        String bootstrap;
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (!org.caseflow.schemas.Principals.ALL.contains(principal)) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "unknown principal " + principal + "; one of " + org.caseflow.schemas.Principals.ALL);
            }
            return rotateCredential(principal, workDir, bootstrap);
        }
    }

    /** A new Kafka password for one principal of the running local default; its process must be restarted to use it. */
    static int rotateCredential(String principal, java.nio.file.Path workDir, String bootstrap) throws Exception {
        if (!KafkaCredentials.exist(workDir)) {
            throw new IllegalArgumentException("no credentials in " + workDir + " (start the stack first)");
        }
        KafkaCredentials.rotate(workDir, bootstrap, principal);
        System.out.println("new password for " + principal + " set on the broker and written to "
                + KafkaCredentials.directory(workDir).resolve(principal + ".properties")
                + (org.caseflow.schemas.Principals.SERVICES.contains(principal) ? "; now run: ./caseflow restart " + principal : ""));
        return 0;
    }

    static int up(Options options) throws Exception {
        long started = System.nanoTime();
        System.out.println("starting Kafka, the schema registry and the identity provider (" + (options.fresh() ? "a new, empty cluster" : "keeping what "
                + options.workDir() + " holds; --fresh starts empty") + "; logs in " + options.workDir().resolve("logs") + ")");
        var settings = new LocalStack.Settings(options.workDir(), options.kafkaPort(), 0, options.registryPort(), 0, options.identityPort(), "INFO",
                Duration.ofSeconds(90), options.fresh());
        // the services' AOT caches (first start after a build only) are prepared while the broker and registry start
        AotCache.prepareInBackground(options.services().stream().map(ServiceSpec::jar).toList());
        LocalStack stack = LocalStack.start(settings);
        stack.handOverShutdown();
        Map<String, ServiceProcess> services = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.atomic.AtomicBoolean stopping = new java.util.concurrent.atomic.AtomicBoolean();
        // one orderly stop, whatever ends the run: services first, then the registry and the broker
        Runnable stopAll = () -> {
            if (stopping.getAndSet(true)) {
                return;
            }
            try {
                Parallel.all(services.values().stream().<Parallel.Wait>map(s -> s::close).toList());
            } catch (Exception e) {
                System.err.println("caseflow: stopping the services: " + describe(e));
            }
            stack.close();
        };
        Thread hook = new Thread(stopAll, "caseflow-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            System.out.println("starting " + String.join(", ", options.services().stream().map(ServiceSpec::name).toList()));
            List<Supervisor.Spec> specs = new ArrayList<>();
            for (ServiceSpec spec : options.services()) {
                int port = Ports.pick(spec.port());
                specs.add(new Supervisor.Spec(spec.name(), spec.jar(), port, options.serviceArgs()));
                services.put(spec.name(), ServiceProcess.start(spec.name(), spec.jar(), port, stack, options.serviceArgs()));
            }
            Parallel.all(services.values().stream().<Parallel.Wait>map(s -> () -> s.awaitHealthy(Duration.ofSeconds(120))).toList());
            printUrls(stack, services.values(), Duration.ofNanos(System.nanoTime() - started));
            System.out.println("review window " + options.serviceArgs().getFirst().substring(options.serviceArgs().getFirst().indexOf('=') + 1)
                    + " (--review-window); service logs " + (options.serviceArgs().size() > 1 ? "JSON (ECS)" : "text (--json-logs for JSON)"));
            return new Supervisor(stack, specs, services, stopping, System.out).run();
        } finally {
            stopAll.run();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook runs anyway
            }
        }
    }

    private static void printUrls(LocalStack stack, java.util.Collection<ServiceProcess> services, Duration took) {
        System.out.printf("%nall healthy in %.1f s%n", took.toMillis() / 1000.0);
        System.out.printf("  %-18s %s  (SASL/SCRAM-SHA-512; ACLs from the topic catalogue)%n", "kafka", stack.bootstrapServers());
        System.out.printf("  %-18s %s  (one client config per principal, readable by you only)%n", "kafka credentials",
                KafkaCredentials.directory(stack.workDir()));
        System.out.printf("  %-18s %s  (Confluent-compatible: %s)%n", "schema registry", stack.registryUrl(), stack.registryCcompatUrl());
        System.out.printf("  %-18s %s  (OpenID Connect; services accept only its tokens)%n", "identity provider", stack.issuer());
        System.out.printf("  %-18s %s  (one file per local user: client id and secret, also the Swagger UI login; yours only)%n",
                "http credentials", LocalUsers.directory(stack.workDir()));
        for (ServiceProcess s : services) {
            System.out.printf("  %-18s %s  (health %s/actuator/health, API docs %s/swagger-ui.html)%n", s.name(), s.url(), s.url(), s.url());
        }
        System.out.println("logs: " + stack.logsDir().toAbsolutePath() + "    press Ctrl-C to stop everything");
        System.out.println("a service, the broker or the issuer that stops is started again; ./caseflow restart NAME restarts one (kafka, identity or a service)");
    }

}
