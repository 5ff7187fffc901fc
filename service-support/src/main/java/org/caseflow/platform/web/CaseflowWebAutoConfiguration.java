package org.caseflow.platform.web;

import org.caseflow.platform.security.CaseflowSecurityConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Import;

/** HTTP plumbing of every service: problem details (from MVC, the error page and Tomcat itself) and security. */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import({ProblemDetailsAdvice.class, ProblemErrorController.class, CaseflowSecurityConfiguration.class, OpenApiSecurity.class})
public class CaseflowWebAutoConfiguration {

    /**
     * Tomcat's own error reports as problem details: replaces the host's ErrorReportValve (Spring Boot adds one; the host
     * would add another at start unless told which class reports). Unordered, so it runs after Boot's customizer (order 0).
     */
    @org.springframework.context.annotation.Bean
    org.springframework.boot.web.server.WebServerFactoryCustomizer<org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory> problemReports() {
        return new org.springframework.boot.web.server.WebServerFactoryCustomizer<>() {
            @Override
            public void customize(org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory factory) {
                factory.addContextCustomizers(context -> {
                    var host = (org.apache.catalina.core.StandardHost) context.getParent();
                    for (var valve : host.getPipeline().getValves()) {
                        if (valve instanceof org.apache.catalina.valves.ErrorReportValve) {
                            host.getPipeline().removeValve(valve);
                        }
                    }
                    host.setErrorReportValveClass(ProblemReportValve.class.getName());
                    host.getPipeline().addValve(new ProblemReportValve());
                });
            }
        };
    }

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
