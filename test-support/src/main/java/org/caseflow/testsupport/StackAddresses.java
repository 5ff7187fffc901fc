package org.caseflow.testsupport;

import org.caseflow.schemas.CaseflowSerdes;

/** Where the test JVM's broker and registry listen. */
public record StackAddresses(String bootstrapServers, String registryUrl, String registryCcompatUrl) {

    /** Serde settings for this registry (auto-registration on, as in the local default). */
    public CaseflowSerdes.RegistrySettings registry() {
        return new CaseflowSerdes.RegistrySettings(registryUrl, true);
    }
}
