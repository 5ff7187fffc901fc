package org.caseflow.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

import org.caseflow.localstack.LocalStack;
import org.caseflow.schemas.CaseflowSerdes;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one real Kafka broker, one real Apicurio Registry and the OpenID Connect issuer per test JVM (shared by every test
 * class, free loopback ports, broker logs at WARN) and stops them when the JVM's tests are done.
 * Tests get the addresses as a {@link StackAddresses} parameter; Spring Boot tests get them through
 * the system properties {@code spring.kafka.bootstrap-servers} and {@code caseflow.registry.url}.
 */
public final class CaseflowStackExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(CaseflowStackExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        addresses(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == StackAddresses.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return addresses(context);
    }

    /** The JVM-wide stack, started on first use; the root store closes it after the last test. */
    public static StackAddresses addresses(ExtensionContext context) {
        RunningStack running = context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(RunningStack.class, type -> RunningStack.start(), RunningStack.class);
        return running.addresses();
    }

    /** Holds the stack in JUnit's root store, which closes it when the test plan ends. */
    static final class RunningStack implements AutoCloseable {

        private final LocalStack stack;
        private final StackAddresses addresses;

        private RunningStack(LocalStack stack) {
            this.stack = stack;
            this.addresses = new StackAddresses(stack.bootstrapServers(), stack.registryUrl(), stack.registryCcompatUrl(), stack.credentials(),
                    stack.issuer(), stack.issuerSigningKey());
        }

        static RunningStack start() {
            CaseflowSerdes.trustGeneratedClasses();
            try {
                Path workDir = Files.createDirectories(Path.of("target", "caseflow-test-stack"));
                RunningStack running = new RunningStack(LocalStack.start(LocalStack.Settings.forTests(workDir)));
                System.setProperty("spring.kafka.bootstrap-servers", running.addresses.bootstrapServers());
                System.setProperty("caseflow.registry.url", running.addresses.registryUrl());
                // services under test trust the stack's issuer; ApiClient gets each local user's tokens there
                System.setProperty("caseflow.identity.issuer", running.stack.issuer());
                System.setProperty(ApiClient.SIGNING_KEY, running.stack.issuerSigningKey().toAbsolutePath().toString());
                System.setProperty(ApiClient.CREDENTIALS_DIR, org.caseflow.localstack.LocalUsers.directory(running.stack.workDir()).toAbsolutePath().toString());
                // a service under test authenticates as itself: its module names its principal (surefire: caseflow.test.kafka-principal)
                String principal = System.getProperty("caseflow.test.kafka-principal", org.caseflow.schemas.Principals.AUDITOR);
                System.setProperty("caseflow.kafka.credentials-file", running.addresses.credentials().file(principal).toAbsolutePath().toString());
                // a service under test must never end the test JVM (a real process exits on a failed topology: crash-only)
                System.setProperty("caseflow.exit-on-streams-error", "false");
                // the broker is new, so stream state from an earlier run must not be reused
                System.setProperty("spring.kafka.streams.state-dir", workDir.resolve("streams-state").toAbsolutePath().toString());
                return running;
            } catch (Exception e) {
                throw new IllegalStateException("could not start the test broker and registry: " + e.getMessage(), e);
            }
        }

        StackAddresses addresses() {
            return addresses;
        }

        @Override
        public void close() {
            stack.close();
        }
    }
}
