package fr.grd.mes.support.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error dispatch ({@code /error}) for what failed outside a controller (a filter, the
 * container itself): the same problem+json as {@link ProblemDetailsAdvice} — a 500 gets its error id, log line
 * and count there — instead of Boot's default JSON page.
 */
@RestController
public class ProblemErrorController implements ErrorController {
    private final ProblemDetailsAdvice problems;

    public ProblemErrorController(ProblemDetailsAdvice problems) {
        this.problems = problems;
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer c && HttpStatus.resolve(c) != null ? HttpStatus.valueOf(c)
                : HttpStatus.INTERNAL_SERVER_ERROR;
        if (status.is5xxServerError()) {
            return problems.serverError("server error outside a controller on "
                    + request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
                    (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
        }
        return ProblemDetailsAdvice.ofStatus(status, status.getReasonPhrase());
    }
}
