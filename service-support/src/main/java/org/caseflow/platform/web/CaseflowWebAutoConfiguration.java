package org.caseflow.platform.web;

import org.caseflow.platform.security.CaseflowSecurityConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Import;

/** HTTP plumbing of every service: problem details and security. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import({ProblemDetailsAdvice.class, CaseflowSecurityConfiguration.class, OpenApiSecurity.class})
public class CaseflowWebAutoConfiguration {

    /** Bodies beyond the bound answer 413 before they are read. */
    @org.springframework.context.annotation.Bean
    RequestBodyLimit requestBodyLimit() {
        return new RequestBodyLimit();
    }
}
