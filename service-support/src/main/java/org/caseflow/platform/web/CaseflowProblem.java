package org.caseflow.platform.web;

import java.net.URI;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A client's request that Caseflow refuses, answered as RFC 9457 problem details. {@code rule} names
 * what refused it (a reason code or safeguard), so a client can act on it without parsing prose.
 */
public class CaseflowProblem extends RuntimeException {

    private final HttpStatus status;
    private final String rule;
    private final Map<String, Object> properties;

    public CaseflowProblem(HttpStatus status, String rule, String detail, Map<String, Object> properties) {
        super(detail);
        this.status = status;
        this.rule = rule;
        this.properties = Map.copyOf(properties);
    }

    public static CaseflowProblem notFound(String what, String id) {
        return new CaseflowProblem(HttpStatus.NOT_FOUND, "NOT_FOUND", what + " " + id + " does not exist", Map.of());
    }

    public static CaseflowProblem conflict(String rule, String detail) {
        return new CaseflowProblem(HttpStatus.CONFLICT, rule, detail, Map.of());
    }

    public static CaseflowProblem unprocessable(String rule, String detail) {
        return new CaseflowProblem(HttpStatus.UNPROCESSABLE_CONTENT, rule, detail, Map.of());
    }

    public HttpStatus status() {
        return status;
    }

    public ProblemDetail toProblemDetail() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, getMessage());
        problem.setType(URI.create("https://caseflow.example/problems/" + rule.toLowerCase().replace('_', '-')));
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("rule", rule);
        properties.forEach(problem::setProperty);
        return problem;
    }
}
