package org.caseflow.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A child process of the local default: its output goes to its own log file, its pid to a pid file,
 * so a later run can find and stop what an earlier, killed run left behind.
 */
public final class ManagedProcess implements AutoCloseable {

    /** Marks our processes on their command line, so stale-pid cleanup never kills a stranger. */
    static final String MARKER = "-Dcaseflow.managed=";

    private final String name;
    private final Process process;
    private final Path logFile;
    private final Path pidFile;

    private ManagedProcess(String name, Process process, Path logFile, Path pidFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.pidFile = pidFile;
    }

    /** Starts {@code java <jvmArgs> <rest>} with the marker; output to {@code logs/<name>.log} (the previous run's becomes {@code <name>.previous.log}). */
    public static ManagedProcess startJava(String name, Path workDir, Path cwd, List<String> args) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        var command = new java.util.ArrayList<String>();
        command.add(java.toString());
        command.add(MARKER + workDir.toAbsolutePath().normalize() + "#" + name);
        command.addAll(args);
        try {
            Path logs = Files.createDirectories(workDir.resolve("logs"));
            Path logFile = logs.resolve(name + ".log");
            if (Files.exists(logFile) && Files.size(logFile) > 0) {
                // one log file per process per run; the one before is kept beside it
                Files.move(logFile, logs.resolve(name + ".previous.log"), StandardCopyOption.REPLACE_EXISTING);
            }
            ProcessBuilder builder = new ProcessBuilder(command);
            // two malloc arenas instead of up to eight per core: RocksDB and the JVM allocate natively from many threads,
            // and each glibc arena keeps memory it freed resident
            builder.environment().put("MALLOC_ARENA_MAX", "2");
            Process process = builder
                    .directory(cwd.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            Path pidFile = workDir.resolve(name + ".pid");
            Files.writeString(pidFile, Long.toString(process.pid()));
            return new ManagedProcess(name, process, logFile, pidFile);
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + name + ": " + e.getMessage(), e);
        }
    }

    /** Stops a process an earlier run left behind (its pid file names it and it carries our marker). */
    public static void stopStale(Path workDir, String name) {
        Path pidFile = workDir.resolve(name + ".pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            String marker = MARKER + workDir.toAbsolutePath().normalize() + "#" + name;
            Optional<ProcessHandle> stale = ProcessHandle.of(pid).filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false));
            stale.ifPresent(p -> {
                System.out.println("stopping " + name + " (pid " + pid + ") left over from an earlier run");
                stop(p, Duration.ofSeconds(10));
            });
            Files.deleteIfExists(pidFile);
        } catch (IOException | NumberFormatException e) {
            // an unreadable pid file names nothing we can stop safely
        }
    }

    public long pid() {
        return process.pid();
    }

    public String name() {
        return name;
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Fails fast with the log's location when the process died while we waited for it. */
    public void requireAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with status " + process.exitValue() + "; see " + logFile);
        }
    }

    /**
     * Polls {@code ready} until it answers true; fails fast, naming the log, if the process dies or
     * {@code timeout} passes. A check that throws counts as "not yet".
     */
    public void awaitReady(String what, Duration timeout, java.util.function.BooleanSupplier ready) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            requireAlive();
            try {
                if (ready.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // still starting
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " was not ready within " + timeout + "; see " + logFile);
            }
            Thread.sleep(200);
        }
    }

    public int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(name + " did not finish within " + timeout + "; see " + logFile);
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        stop(process.toHandle(), Duration.ofSeconds(15));
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // the pid file is only a hint for the next run
        }
    }

    private static void stop(ProcessHandle handle, Duration grace) {
        if (!handle.isAlive()) {
            return;
        }
        handle.descendants().forEach(ProcessHandle::destroy);
        handle.destroy();
        try {
            handle.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            handle.descendants().forEach(ProcessHandle::destroyForcibly);
            handle.destroyForcibly();
            handle.onExit().join();
        }
    }
}
