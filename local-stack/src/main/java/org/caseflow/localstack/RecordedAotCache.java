package org.caseflow.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;

/**
 * An AOT cache (Java 25+, JEP 483/514) for a process that is not a Spring Boot jar — the broker and the registry —
 * recorded by a real run instead of a training run: a run that finds no cache records one while it works and writes
 * it when it stops (the JVM's one-step {@code -XX:AOTCacheOutput}); later runs start from it. Measured here, alone:
 * the broker ready in 3.2–3.4 s instead of 4.8–5.8 s, the registry in 2.2–2.8 s instead of 5.7 s.
 * Kept beside the broker's jars and the registry ({@code local-stack-runtime/target/aot/}) with the key it was
 * recorded for (JDK, version, JVM options); a changed key records again. A run stopped before the JVM finished
 * writing leaves no cache (the JVM deletes its working file last, which is how a complete one is told apart), and
 * a cache the JVM cannot use is ignored by it (the default {@code -XX:AOTMode=auto}).
 */
final class RecordedAotCache {

    private final Path cache;
    private final Path keyFile;
    private final String key;
    private final Path recording;

    private RecordedAotCache(Path dir, String name, String key) {
        this.cache = dir.resolve(name + ".aot");
        this.keyFile = dir.resolve(name + ".key");
        this.key = key;
        // several stacks (tests) may record at once: each into its own file, the last complete one is kept
        this.recording = dir.resolve(name + ".recording-" + UUID.randomUUID() + ".aot");
    }

    /** The cache of process {@code name} for {@code key} (what the cache depends on: JDK, version, JVM options), in {@code dir}. */
    static RecordedAotCache of(Path dir, String name, String key) {
        return new RecordedAotCache(dir, name, Runtime.version() + " " + key);
    }

    /** Start from the cache, or record one during this run; nothing before Java 25. */
    List<String> jvmOptions() {
        if (!AotCache.supported()) {
            return List.of();
        }
        if (present()) {
            return List.of("-XX:AOTCache=" + cache);
        }
        try {
            Files.createDirectories(cache.getParent());
            return List.of("-XX:AOTCacheOutput=" + recording);
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * For a short run of another main class on the same class path (the broker's storage formatting): the cache if
     * there is one, never a recording (1.0–1.1 s instead of 1.3–1.6 s for the format, measured here).
     */
    List<String> jvmOptionsWithoutRecording() {
        return AotCache.supported() && present() ? List.of("-XX:AOTCache=" + cache) : List.of();
    }

    private boolean present() {
        try {
            return Files.isRegularFile(cache) && Files.isRegularFile(keyFile) && Files.readString(keyFile).equals(key);
        } catch (IOException e) {
            return false;
        }
    }

    /** After the process stopped: what its run recorded, if complete, becomes the cache. */
    void adopt() {
        if (!AotCache.supported() || !Files.exists(recording)) {
            return;
        }
        Path workingFile = recording.resolveSibling(recording.getFileName() + ".config");
        try {
            if (Files.exists(workingFile) || Files.size(recording) == 0) {
                return; // stopped before the JVM finished writing it
            }
            Files.deleteIfExists(keyFile);
            Files.move(recording, cache, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(keyFile, key);
        } catch (IOException e) {
            // no cache this time; the next run records again
        } finally {
            try {
                Files.deleteIfExists(recording);
                Files.deleteIfExists(workingFile);
                removeAbandonedRecordings();
            } catch (IOException ignored) {
                // a leftover file in target/ is harmless
            }
        }
    }

    /** Recordings of runs killed outright (chaos drills) are left behind; any older than a day is no one's any more. */
    private void removeAbandonedRecordings() throws IOException {
        String prefix = cache.getFileName().toString().replace(".aot", ".recording-");
        long dayAgo = System.currentTimeMillis() - java.time.Duration.ofDays(1).toMillis();
        try (var files = Files.list(cache.getParent())) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith(prefix)).toList()) {
                if (Files.getLastModifiedTime(f).toMillis() < dayAgo) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }
}
