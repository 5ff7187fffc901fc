package org.caseflow.platform.web;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What reaches the servlet container's error page — a request the security firewall rejected (a {@code ..} or an
 * encoded separator in the path), an exception thrown outside Spring MVC — is answered as problem details too,
 * instead of Spring Boot's own error JSON. Nothing of the failure's internals is shown.
 */
@RestController
@io.swagger.v3.oas.annotations.Hidden
class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // called directly, not as the container's error page: there is no such route
        HttpStatus status = code == null ? HttpStatus.NOT_FOUND
                : code instanceof Integer c && HttpStatus.resolve(c) != null ? HttpStatus.resolve(c) : HttpStatus.INTERNAL_SERVER_ERROR;
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof org.springframework.security.web.firewall.RequestRejectedException) {
            status = HttpStatus.BAD_REQUEST;
        }
        ProblemDetail problem = problem(status);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** The problem for a status the container decided, with a rule a client can act on. */
    static ProblemDetail problem(HttpStatus status) {
        String rule = switch (status) {
            case BAD_REQUEST -> "INVALID_REQUEST";
            case NOT_FOUND -> "NO_SUCH_ROUTE";
            case METHOD_NOT_ALLOWED -> "METHOD_NOT_ALLOWED";
            case CONTENT_TOO_LARGE -> "BODY_TOO_LARGE";
            case UNAUTHORIZED -> "UNAUTHENTICATED";
            case FORBIDDEN -> "FORBIDDEN_ROLE";
            default -> status.is4xxClientError() ? "INVALID_REQUEST" : "INTERNAL_ERROR";
        };
        String detail = status == HttpStatus.BAD_REQUEST
                ? "The request was refused before it reached the API: its path, query or headers are not allowed (e.g. '..', an encoded '/' or NUL)."
                : status.is5xxServerError() ? "The service failed to answer; the failure is logged with this request's path." : status.getReasonPhrase();
        return new CaseflowProblem(status, rule, detail, Map.of()).toProblemDetail();
    }
}
