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
        String json = "{\"type\":\"" + problem.getType() + "\",\"title\":\"" + problem.getTitle() + "\",\"status\":" + code
                + ",\"detail\":\"" + problem.getDetail().replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"rule\":\""
                + problem.getProperties().get("rule") + "\"}";
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
