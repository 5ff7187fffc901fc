package org.caseflow.simulators;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** A program the machine's packages installed (Prometheus, docker-compose), found on the PATH as a shell would. */
final class ToolsOnPath {

    private ToolsOnPath() {
    }

    static Optional<Path> find(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
