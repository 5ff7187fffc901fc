package org.caseflow.field;

import org.caseflow.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** The station client reaches into no service: it shares only the submission rules and the contracts (see {@link ArchitectureRules}). */
class ArchitectureTest {

    @Test
    void domainIsPlainJavaAndNoOtherServiceIsImported() {
        ArchitectureRules.verify("org.caseflow.field");
    }
}
