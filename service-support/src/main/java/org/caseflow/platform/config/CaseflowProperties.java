package org.caseflow.platform.config;

import org.caseflow.schemas.CaseflowSerdes;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings shared by every service, under {@code caseflow.*}. */
@ConfigurationProperties("caseflow")
public record CaseflowProperties(Registry registry) {

    /** The schema registry; auto-registration belongs to the local default only. */
    public record Registry(String url, boolean autoRegister) {

        public CaseflowSerdes.RegistrySettings settings() {
            return new CaseflowSerdes.RegistrySettings(url, autoRegister);
        }
    }
}
