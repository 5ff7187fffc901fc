package org.caseflow.intake;

import org.caseflow.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** The domain is plain Java and no other service is reached into (see {@link ArchitectureRules}). */
class ArchitectureTest {

    @Test
    void domainIsPlainJavaAndNoOtherServiceIsImported() {
        ArchitectureRules.verify("org.caseflow.intake");
    }
}
