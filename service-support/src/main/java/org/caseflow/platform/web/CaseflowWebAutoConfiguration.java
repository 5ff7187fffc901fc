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

    /** A caller without an endpoint's role is refused (403) before its body is read or validated. */
    @org.springframework.context.annotation.Bean
    org.springframework.web.servlet.config.annotation.WebMvcConfigurer authorizeBeforeReading() {
        return new org.springframework.web.servlet.config.annotation.WebMvcConfigurer() {
            @Override
            public void addInterceptors(org.springframework.web.servlet.config.annotation.InterceptorRegistry registry) {
                registry.addInterceptor(new org.caseflow.platform.security.AuthorizeBeforeReading());
            }
        };
    }

    /** Bodies beyond the bound answer 413 before they are read. */
    @org.springframework.context.annotation.Bean
    RequestBodyLimit requestBodyLimit() {
        return new RequestBodyLimit();
    }
}
