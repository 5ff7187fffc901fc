package org.caseflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The ACL table in docs/operations.md is the one provisioning creates from the topic catalogue. */
class AclTableTest {

    @Test
    void theOperatorsDocShowsTheAclsTheBrokerEnforces() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "operations.md"));
        assertThat(doc).as("docs/operations.md must contain Provisioning.aclTable() verbatim; regenerate it after a catalogue change")
                .contains(Provisioning.aclTable());
    }
}
