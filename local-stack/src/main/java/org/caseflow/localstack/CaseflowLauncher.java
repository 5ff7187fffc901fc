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

    private static final String USAGE = """
            usage: caseflow up [--work-dir DIR] [--kafka-port N] [--registry-port N] [--fresh]
                   caseflow rotate-credential PRINCIPAL [--work-dir DIR] [--bootstrap HOST:PORT]
                   caseflow provision --bootstrap HOST:PORT --registry URL [--replication-factor N] [--command-config FILE]
              Starts a real Kafka broker and Apicurio Registry on 127.0.0.1, creates the topics, registers the
              schemas, starts each service, prints the URLs and runs until Ctrl-C, then stops everything.
              Everything recorded survives a stop and start in the work directory; --fresh starts a new, empty cluster.
            """;

    private CaseflowLauncher() {
    }

    public static void main(String[] args) {
        org.caseflow.schemas.CaseflowSerdes.trustGeneratedClasses();
        if (args.length == 0 || java.util.Arrays.asList(args).contains("--help") || java.util.Arrays.asList(args).contains("-h")) {
            System.out.print(USAGE);
            return;
        }
        try {
            if (args[0].equals("provision")) {
                System.exit(provision(args));
            }
            if (args[0].equals("rotate-credential")) {
                System.exit(rotateCredential(args));
            }
            if (!args[0].equals("up")) {
                throw new IllegalArgumentException("unknown command: " + args[0]);
            }
            System.exit(up(Options.parse(args)));
        } catch (IllegalArgumentException e) {
            System.err.println("caseflow: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
        } catch (Exception | Error e) {
            System.err.println("caseflow: " + describe(e));
            if (System.getenv("CASEFLOW_DEBUG") != null) {
                e.printStackTrace();
            }
            System.exit(1);
        }
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

    record Options(Path workDir, int kafkaPort, int registryPort, boolean fresh, List<ServiceSpec> services) {

        static Options parse(String[] args) {
            Path workDir = Path.of(".caseflow");
            int kafkaPort = 9092;
            int registryPort = 8081;
            List<ServiceSpec> services = new ArrayList<>();
            boolean fresh = false;
            for (int i = 1; i < args.length; i++) {
                if (args[i].equals("--fresh")) {
                    fresh = true;
                    continue;
                }
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--work-dir" -> workDir = Path.of(require(args[i], value));
                    case "--kafka-port" -> kafkaPort = port(args[i], value);
                    case "--registry-port" -> registryPort = port(args[i], value);
                    case "--service" -> services.add(service(require(args[i], value)));
                    default -> throw new IllegalArgumentException("unknown option: " + args[i]);
                }
                i++;
            }
            return new Options(workDir, kafkaPort, registryPort, fresh, services);
        }

        private static String require(String option, String value) {
            if (value == null) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return value;
        }

        private static int port(String option, String value) {
            try {
                int port = Integer.parseInt(require(option, value));
                if (port < 0 || port > 65535) {
                    throw new NumberFormatException();
                }
                return port;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " needs a port number, not " + value);
            }
        }

        private static ServiceSpec service(String spec) {
            int eq = spec.indexOf('=');
            int colon = spec.lastIndexOf(':');
            if (eq < 1 || colon < eq) {
                throw new IllegalArgumentException("--service takes NAME=JAR:PORT, not " + spec);
            }
            return new ServiceSpec(spec.substring(0, eq), Path.of(spec.substring(eq + 1, colon)), port("--service", spec.substring(colon + 1)));
        }
    }

    /**
     * The explicit provisioning step of a cluster beyond one machine: topics from the catalogue (with the
     * given replication factor) and every schema version, registered with its compatibility rule.
     */
    static int provision(String[] args) throws Exception {
        String bootstrap = null;
        String registry = null;
        java.nio.file.Path commandConfig = null;
        short replication = 3;
        for (int i = 1; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--bootstrap" -> bootstrap = args[i + 1];
                case "--registry" -> registry = args[i + 1];
                case "--replication-factor" -> replication = Short.parseShort(args[i + 1]);
                case "--command-config" -> commandConfig = java.nio.file.Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option: " + args[i]);
            }
        }
        if (bootstrap == null || registry == null) {
            throw new IllegalArgumentException("provision needs --bootstrap HOST:PORT and --registry URL");
        }
        // with the provisioning principal's client config (an authenticating cluster), the catalogue's ACLs are created too
        java.util.Map<String, Object> admin = new java.util.HashMap<>(commandConfig == null ? java.util.Map.of() : KafkaCredentials.read(commandConfig));
        admin.put("bootstrap.servers", bootstrap);
        List<String> created = Provisioning.createTopics(admin, replication);
        int acls = commandConfig == null ? 0 : Provisioning.createAcls(admin);
        int versions = Provisioning.registerSchemas(registry);
        System.out.println("provisioned: " + created.size() + " topics created, " + acls + " ACLs, " + versions + " schema versions registered");
        return 0;
    }

    /** A new Kafka password for one principal of the running local default; its process must be restarted to use it. */
    static int rotateCredential(String[] args) throws Exception {
        if (args.length < 2 || args[1].startsWith("--")) {
            throw new IllegalArgumentException("rotate-credential needs a principal: one of " + org.caseflow.schemas.Principals.ALL);
        }
        String principal = args[1];
        if (!org.caseflow.schemas.Principals.ALL.contains(principal)) {
            throw new IllegalArgumentException("unknown principal " + principal + "; one of " + org.caseflow.schemas.Principals.ALL);
        }
        java.nio.file.Path workDir = java.nio.file.Path.of(".caseflow");
        String bootstrap = Ports.LOOPBACK + ":9092";
        for (int i = 2; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--work-dir" -> workDir = java.nio.file.Path.of(args[i + 1]);
                case "--bootstrap" -> bootstrap = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option: " + args[i]);
            }
        }
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
        System.out.println("starting Kafka and the schema registry (" + (options.fresh() ? "a new, empty cluster" : "keeping what "
                + options.workDir() + " holds; --fresh starts empty") + "; logs in " + options.workDir().resolve("logs") + ")");
        var settings = new LocalStack.Settings(options.workDir(), options.kafkaPort(), 0, options.registryPort(), 0, "INFO", Duration.ofSeconds(90),
                options.fresh());
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
                specs.add(new Supervisor.Spec(spec.name(), spec.jar(), port, List.of()));
                services.put(spec.name(), ServiceProcess.start(spec.name(), spec.jar(), port, stack, List.of()));
            }
            Parallel.all(services.values().stream().<Parallel.Wait>map(s -> () -> s.awaitHealthy(Duration.ofSeconds(120))).toList());
            printUrls(stack, services.values(), Duration.ofNanos(System.nanoTime() - started));
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
        for (ServiceProcess s : services) {
            System.out.printf("  %-18s %s  (health %s/actuator/health, API docs %s/swagger-ui.html)%n", s.name(), s.url(), s.url(), s.url());
        }
        System.out.println("logs: " + stack.logsDir().toAbsolutePath() + "    press Ctrl-C to stop everything");
        System.out.println("a service that stops is started again; ./caseflow restart NAME restarts one (kafka or a service)");
    }

}
