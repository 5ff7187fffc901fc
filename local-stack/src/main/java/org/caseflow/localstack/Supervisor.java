package org.caseflow.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Keeps the local default running: a service that dies is reported and started again (with backoff: 1, 2, 4 …
 * 30 s), the others keep running; a broker that dies is started again on the same data. Operators (and the fault
 * runs) restart one process on request: {@code ./caseflow restart NAME} drops {@code control/NAME.restart} into
 * the work directory, which the supervisor picks up within a second.
 */
public final class Supervisor {

    /** How to start a service again: the same jar, port and arguments. */
    public record Spec(String name, Path jar, int port, List<String> extraArgs) {
    }

    private static final Duration HEALTHY_WITHIN = Duration.ofSeconds(120);
    private static final long MAX_BACKOFF_MILLIS = 30_000;

    private final LocalStack stack;
    private final Map<String, Spec> specs = new LinkedHashMap<>();
    private final Map<String, ServiceProcess> running;
    private final Map<String, Integer> failures = new LinkedHashMap<>();
    private final Map<String, Long> restartAt = new LinkedHashMap<>();
    private final AtomicBoolean stopping;
    private final PrintStream out;
    private final Path control;
    /** Services being started again right now (in their own thread, so the watch goes on meanwhile). */
    private final java.util.Set<String> restarting = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public Supervisor(LocalStack stack, List<Spec> specs, Map<String, ServiceProcess> running, AtomicBoolean stopping, PrintStream out) throws IOException {
        this.stack = stack;
        specs.forEach(s -> this.specs.put(s.name(), s));
        this.running = running;
        this.stopping = stopping;
        this.out = out;
        this.control = Files.createDirectories(stack.workDir().resolve("control"));
        try (Stream<Path> stale = Files.list(control)) {
            for (Path p : stale.toList()) {
                Files.deleteIfExists(p); // requests left from an earlier run are not for this one
            }
        }
    }

    /** Watches until the stack is stopping; returns 0. */
    public int run() throws InterruptedException {
        while (!stopping.get()) {
            Thread.sleep(1000);
            if (stopping.get()) {
                break;
            }
            handleRequests();
            if (!stack.brokerAlive() && !stopping.get()) {
                out.println("caseflow: the Kafka broker stopped; starting it again on the same data (" + stack.logsDir().resolve("kafka.log") + ")");
                restartStackProcess("the Kafka broker", stack::restartBroker);
            }
            if (!stack.identityAlive() && !stopping.get()) {
                out.println("caseflow: the identity provider stopped; starting it again with the same users and key (" + stack.logsDir().resolve("identity.log") + ")");
                restartStackProcess("the identity provider", stack::restartIdentity);
            }
            if (!stack.registryAlive() && !stopping.get()) {
                out.println("caseflow: the schema registry stopped; see " + stack.logsDir().resolve("registry.log") + "; stopping everything");
                return 1;
            }
            for (var entry : running.entrySet()) {
                String name = entry.getKey();
                ServiceProcess service = entry.getValue();
                if (service.process().isAlive() || stopping.get() || restarting.contains(name)) {
                    continue;
                }
                long now = System.currentTimeMillis();
                if (!restartAt.containsKey(name)) {
                    int failed = failures.merge(name, 1, Integer::sum);
                    long backoff = Math.min(MAX_BACKOFF_MILLIS, 1000L << Math.min(failed - 1, 5));
                    restartAt.put(name, now + backoff);
                    out.printf("caseflow: %s stopped (exit %s); starting it again in %d s (failure %d; see %s)%n", name, exitOf(service),
                            backoff / 1000, failed, service.process().logFile());
                } else if (now >= restartAt.get(name)) {
                    restartAt.remove(name);
                    restartInBackground(name, "after a failure");
                }
            }
        }
        return 0;
    }

    private void handleRequests() {
        try (Stream<Path> requests = Files.list(control)) {
            for (Path request : requests.filter(p -> p.getFileName().toString().endsWith(".restart")).toList()) {
                String name = request.getFileName().toString().replaceFirst("\\.restart$", "");
                Files.deleteIfExists(request);
                if (name.equals("kafka")) {
                    out.println("caseflow: restarting the Kafka broker on request");
                    restartStackProcess("the Kafka broker", stack::restartBroker);
                } else if (name.equals("identity")) {
                    out.println("caseflow: restarting the identity provider on request");
                    restartStackProcess("the identity provider", stack::restartIdentity);
                } else if (specs.containsKey(name) && !restarting.contains(name)) {
                    out.println("caseflow: restarting " + name + " on request");
                    restartAt.remove(name);
                    restarting.add(name);
                    Thread.ofPlatform().name("restart-" + name).daemon().start(() -> {
                        ServiceProcess old = running.get(name);
                        if (old != null) {
                            old.close();
                        }
                        restart(name, "on request");
                    });
                } else if (specs.containsKey(name)) {
                    out.println("caseflow: " + name + " is already being started again");
                } else {
                    out.println("caseflow: no process named " + name + " to restart (known: kafka, identity, " + String.join(", ", specs.keySet()) + ")");
                }
            }
        } catch (IOException e) {
            out.println("caseflow: cannot read restart requests in " + control + ": " + e.getMessage());
        }
    }

    /** One of the stack's own processes (the broker, the issuer), started again in place; says when it is back. */
    private void restartStackProcess(String what, Parallel.Wait restart) {
        long started = System.nanoTime();
        try {
            restart.run();
            out.printf("caseflow: %s is back in %.1f s%n", what, (System.nanoTime() - started) / 1e9);
        } catch (Exception e) {
            out.println("caseflow: " + what + " did not come back: " + CaseflowLauncher.describe(e));
        }
    }

    private void restartInBackground(String name, String why) {
        restarting.add(name);
        Thread.ofPlatform().name("restart-" + name).daemon().start(() -> restart(name, why));
    }

    private void restart(String name, String why) {
        if (stopping.get()) {
            restarting.remove(name);
            return;
        }
        Spec spec = specs.get(name);
        long started = System.nanoTime();
        ServiceProcess service = ServiceProcess.start(spec.name(), spec.jar(), spec.port(), stack, spec.extraArgs());
        running.put(name, service);
        try {
            service.awaitHealthy(HEALTHY_WITHIN);
            failures.remove(name);
            out.printf("caseflow: %s healthy again %s in %.1f s%n", name, why, (System.nanoTime() - started) / 1e9);
        } catch (Exception | Error e) {
            if (!stopping.get()) {
                out.println("caseflow: " + name + " did not become healthy " + why + ": " + CaseflowLauncher.describe(e));
            }
        } finally {
            restarting.remove(name);
        }
    }

    private static String exitOf(ServiceProcess service) {
        try {
            return String.valueOf(service.process().waitFor(Duration.ofSeconds(1)));
        } catch (Exception e) {
            return "?";
        }
    }
}
