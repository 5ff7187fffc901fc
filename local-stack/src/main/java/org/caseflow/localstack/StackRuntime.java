package org.caseflow.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** Where the build of {@code local-stack-runtime} put the broker's jars and the unpacked registry. */
record StackRuntime(String brokerClasspath, Path registryHome, String registryVersion, String kafkaVersion) {

    static StackRuntime load() {
        try (InputStream in = StackRuntime.class.getClassLoader().getResourceAsStream("caseflow/local-stack-runtime.properties")) {
            if (in == null) {
                throw new IllegalStateException("caseflow/local-stack-runtime.properties is missing: build local-stack-runtime first (./mvnw install -DskipTests)");
            }
            Properties p = new Properties();
            p.load(in);
            StackRuntime runtime = new StackRuntime(p.getProperty("broker.classpath"), Path.of(p.getProperty("registry.home")),
                    p.getProperty("registry.version"), p.getProperty("kafka.version"));
            if (!Files.isRegularFile(runtime.registryHome().resolve("quarkus-run.jar"))) {
                throw new IllegalStateException("the Apicurio Registry is not unpacked at " + runtime.registryHome()
                        + ": rebuild local-stack-runtime (./mvnw install -DskipTests)");
            }
            return runtime;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
