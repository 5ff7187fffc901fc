package org.caseflow.platform.web;

import java.util.List;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error a client can cause becomes RFC 9457 problem details: Spring MVC's own (400, 404, 405,
 * 415...), Bean Validation with the offending fields listed, and Caseflow's refusals (404/409/422).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    /**
     * The state a read needs is not queryable right now (the topology is starting, restoring, rebalancing or has
     * lost the broker): the caller may retry, so 503 with Retry-After, never a 500.
     */
    @ExceptionHandler({org.apache.kafka.streams.errors.InvalidStateStoreException.class,
            org.apache.kafka.streams.errors.StreamsNotStartedException.class})
    ResponseEntity<ProblemDetail> stateNotQueryable(RuntimeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The service's state is not available right now (starting, restoring or rebalancing); retry shortly.");
        problem.setTitle("Temporarily unavailable");
        problem.setProperty("rule", "STATE_NOT_QUERYABLE");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "2").body(problem);
    }

    /**
     * A query or path parameter outside its declared bounds ({@code @Min}, {@code @Size} on a controller validated as a
     * whole): the client's mistake, 400 with each parameter named — not a 500.
     */
    @ExceptionHandler(jakarta.validation.ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> invalidParameter(jakarta.validation.ConstraintViolationException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has invalid parameters.");
        problem.setTitle("Invalid request");
        problem.setProperty("rule", "INVALID_REQUEST");
        problem.setProperty("errors", e.getConstraintViolations().stream()
                .map(v -> Map.<String, Object>of("field", lastNode(v.getPropertyPath()), "message", String.valueOf(v.getMessage())))
                .toList());
        return ResponseEntity.badRequest().body(problem);
    }

    private static String lastNode(jakarta.validation.Path path) {
        String name = "";
        for (jakarta.validation.Path.Node node : path) {
            name = String.valueOf(node.getName());
        }
        return name;
    }

    @ExceptionHandler(CaseflowProblem.class)
    ResponseEntity<ProblemDetail> caseflowProblem(CaseflowProblem problem) {
        return ResponseEntity.status(problem.status()).body(problem.toProblemDetail());
    }

    /** A route that does not exist: a plain 404 problem, not the framework's words about static resources. */
    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(org.springframework.web.servlet.resource.NoResourceFoundException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "There is no " + ex.getHttpMethod() + " /" + ex.getResourcePath()
                + "; the API is described at /v3/api-docs.");
        problem.setTitle("Not Found");
        problem.setProperty("rule", "NO_SUCH_ROUTE");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }

    /** An unreadable body: say what could not be read (the parser's own words, without the body). */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (ex.getMostSpecificCause() instanceof RequestBodyLimit.BodyTooLarge tooLarge) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, tooLarge.getMessage());
            problem.setTitle("Request body too large");
            problem.setProperty("rule", "BODY_TOO_LARGE");
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request body could not be read: " + reason(ex));
        problem.setTitle("Unreadable request");
        problem.setProperty("rule", "UNREADABLE_REQUEST");
        return ResponseEntity.badRequest().body(problem);
    }

    private static String reason(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getMostSpecificCause();
        String message = cause instanceof tools.jackson.core.JacksonException json ? json.getOriginalMessage() : cause.getMessage();
        return message == null ? "malformed JSON" : message.lines().findFirst().orElse("malformed JSON");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has invalid fields.");
        problem.setTitle("Invalid request");
        problem.setProperty("rule", "INVALID_REQUEST");
        List<Map<String, Object>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> Map.<String, Object>of("field", e.getField(), "message", String.valueOf(e.getDefaultMessage())))
                .toList();
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }
}
