package org.caseflow.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;

/**
 * Tomcat refuses some requests itself, before any servlet sees them (an encoded {@code /} or NUL in the path, a
 * malformed URI): its error report becomes problem details instead of an HTML page.
 */
public class ProblemReportValve extends ErrorReportValve {

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int code = response.getStatus();
        if (code < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get() || !response.setErrorReported()) {
            return;
        }
        HttpStatus status = HttpStatus.resolve(code) == null ? HttpStatus.BAD_REQUEST : HttpStatus.resolve(code);
        var problem = ProblemErrorController.problem(status);
        // the same members as the problem details Spring MVC writes (its properties at the top level), escaped by Jackson
        var members = new java.util.LinkedHashMap<String, Object>();
        members.put("type", problem.getType().toString());
        members.put("title", problem.getTitle());
        members.put("status", code);
        members.put("detail", problem.getDetail());
        members.putAll(problem.getProperties() == null ? java.util.Map.of() : problem.getProperties());
        String json = JSON.writeValueAsString(members);
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(json);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client has gone; nothing more to say
        }
    }
}
