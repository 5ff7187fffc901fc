package org.caseflow.localstack;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A service jar in the form the JVM starts fastest (Java 25+, JEP 483/514): extracted with Spring Boot's jar tools and
 * started with an AOT cache of its classes, recorded by one training run that stops once the application context is
 * refreshed (no broker or registry needed). Measured here: the context refreshes in about a third of the time of the
 * executable jar. Kept beside the jar ({@code target/aot/}) and rebuilt when the jar or the JDK changes; anything that
 * fails falls back to the executable jar.
 */
public final class AotCache {

    /** How to launch a service: the jar to run and the JVM options that go with it. */
    public record Launch(Path jar, List<String> jvmOptions) {
    }

    /** One preparation per jar at a time within this JVM (the file lock below serializes processes, not threads). */
    private static final java.util.concurrent.ConcurrentMap<Path, Object> PREPARING = new java.util.concurrent.ConcurrentHashMap<>();

    private AotCache() {
    }

    /** How a jar's training run is configured: its JVM options (the runs' own) and application arguments. */
    record Training(List<String> jvmOptions, List<String> arguments) {
    }

    /** A service's training run: the context refreshes against addresses nothing listens on. */
    static final Training SERVICE = new Training(ServiceProcess.JVM_OPTIONS, List.of("--server.port=0", "--server.address=" + Ports.LOOPBACK,
            "--spring.kafka.bootstrap-servers=" + Ports.LOOPBACK + ":1", "--caseflow.registry.url=http://" + Ports.LOOPBACK + ":1",
            "--logging.level.root=WARN"));

    /** AOT caches need Java 25+ (JEP 514); {@code -Dcaseflow.aot.disabled=true} turns them off. */
    static boolean supported() {
        return Runtime.version().feature() >= 25 && !Boolean.getBoolean("caseflow.aot.disabled");
    }

    /** Starts preparing each service jar now (e.g. while the broker and registry start); a later {@link #prepare} waits for it. */
    public static void prepareInBackground(List<Path> jars) {
        jars.forEach(jar -> Thread.ofPlatform().name("aot-" + jar.getFileName()).daemon().start(() -> prepare(jar)));
    }

    /** The fastest launch available for service jar {@code jar}, preparing it (once per jar and JDK) if needed. */
    public static Launch prepare(Path jar) {
        return prepare(jar, SERVICE);
    }

    /** The same for any Spring Boot jar, trained as {@code training} says. */
    static Launch prepare(Path jar, Training training) {
        if (!supported()) {
            return new Launch(jar, List.of());
        }
        Path dir = jar.toAbsolutePath().getParent().resolve("aot").resolve(jar.getFileName().toString().replace(".jar", ""));
        synchronized (PREPARING.computeIfAbsent(dir, d -> new Object())) {
            return prepare(jar, dir, training);
        }
    }

    private static Launch prepare(Path jar, Path dir, Training training) {
        try {
            Files.createDirectories(dir);
            // one preparation at a time per jar, also across processes (two instances, a test and the launcher)
            try (FileChannel lock = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 var held = lock.lock()) {
                String key = Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis() + " " + Runtime.version()
                        + " " + String.join(" ", training.jvmOptions());
                Path extracted = dir.resolve("app").resolve(jar.getFileName());
                Path cache = dir.resolve("app.aot");
                Path keyFile = dir.resolve("source");
                boolean fresh = Files.exists(cache) && Files.exists(extracted) && Files.isRegularFile(keyFile)
                        && Files.readString(keyFile).equals(key);
                if (!fresh) {
                    Files.deleteIfExists(keyFile);
                    LocalStack.wipe(dir.resolve("app"));
                    Files.deleteIfExists(cache);
                    run(dir, List.of("-Djarmode=tools", "-jar", jar.toAbsolutePath().toString(), "extract", "--destination", dir.resolve("app").toString()));
                    // the training run: the context refreshes, then the JVM writes the cache
                    List<String> run = new ArrayList<>(training.jvmOptions());
                    run.addAll(List.of("-XX:AOTCacheOutput=" + cache, "-Dspring.context.exit=onRefresh", "-jar", extracted.toString()));
                    run.addAll(training.arguments());
                    // the same JVM options as the real runs: the cache is only used by a JVM configured like the one that wrote it
                    run(dir, run);
                    if (!Files.exists(cache)) {
                        throw new IOException("the training run wrote no cache; see " + dir.resolve("prepare.log"));
                    }
                    Files.writeString(keyFile, key);
                }
                return new Launch(extracted, List.of("-XX:AOTCache=" + cache));
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            System.out.println("AOT cache for " + jar.getFileName() + " not used (" + e.getMessage() + "); starting the executable jar");
            return new Launch(jar, List.of());
        }
    }

    private static void run(Path dir, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(args);
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("prepare.log").toFile())).start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("'" + args.getLast() + "' did not finish within 180 s");
        }
        if (process.exitValue() != 0) {
            throw new IOException("exit " + process.exitValue() + "; see " + dir.resolve("prepare.log"));
        }
    }
}
