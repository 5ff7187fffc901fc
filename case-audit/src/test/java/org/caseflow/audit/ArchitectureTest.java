package org.caseflow.audit;

import org.caseflow.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** The audit imports no service: it proves the safeguards from the log with its own rules. */
class ArchitectureTest {

    @Test
    void theAuditImportsNoService() {
        ArchitectureRules.verify("org.caseflow.audit");
    }
}
