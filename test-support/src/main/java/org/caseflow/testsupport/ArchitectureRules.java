package org.caseflow.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The architecture every module keeps, checked on its compiled classes: a service's {@code domain} is plain Java
 * (no Spring, Kafka, Avro, JSON or metrics — infrastructure stays at the edges), and no module reaches into another
 * service (each talks to the others only through topics; the audit trusts no service's code).
 */
public final class ArchitectureRules {

    private static final List<String> MODULES = List.of("org.caseflow.intake", "org.caseflow.screening", "org.caseflow.removal", "org.caseflow.audit",
            "org.caseflow.field");

    private ArchitectureRules() {
    }

    /** Checks the production classes under {@code basePackage} (one of the service or audit packages). */
    public static void verify(String basePackage) {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(basePackage);
        if (classes.isEmpty()) {
            throw new AssertionError("no classes found under " + basePackage);
        }
        noClasses().that().resideInAPackage(basePackage + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..", "org.apache.avro..",
                        "org.caseflow.schemas..", "org.caseflow.platform..", "tools.jackson..", "com.fasterxml.jackson..", "io.micrometer..",
                        "jakarta..", "org.slf4j..")
                .because("the domain is plain Java: rules and state as records and functions, translated to and from Avro and HTTP at the edges")
                .allowEmptyShould(true)
                .check(classes);
        String[] others = MODULES.stream().filter(m -> !m.equals(basePackage)).map(m -> m + "..").toArray(String[]::new);
        noClasses().should().dependOnClassesThat().resideInAnyPackage(others)
                .because("services meet only on topics, and the audit re-derives every verdict without any service's code")
                .check(classes);
    }
}
