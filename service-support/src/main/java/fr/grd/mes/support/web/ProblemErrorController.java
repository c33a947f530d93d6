package fr.grd.mes.support.web;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

/**
 * The container's error dispatch ({@code /error}) for what failed outside a controller (a filter, the
 * container itself): the same problem+json as {@link ProblemDetailsAdvice}, with an error id logged and
 * counted for a 500, instead of Boot's default JSON page.
 */
@RestController
public class ProblemErrorController implements ErrorController {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemErrorController.class);

    private final MeterRegistry metrics;

    public ProblemErrorController(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer c && HttpStatus.resolve(c) != null ? HttpStatus.valueOf(c)
                : HttpStatus.INTERNAL_SERVER_ERROR;
        ProblemDetail body = ProblemDetail.forStatus(status);
        body.setTitle(status.getReasonPhrase());
        if (status.is5xxServerError()) {
            String errorId = UUID.randomUUID().toString();
            metrics.counter(ProblemDetailsAdvice.SERVER_ERRORS_METRIC).increment();
            LOG.error("server error outside a controller, errorId={} path={}", errorId,
                    request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
                    (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
            body.setType(URI.create("https://mes.grd.example/problems/server-error"));
            body.setDetail("the server could not complete this request; quote error id " + errorId
                    + " to the distributor's support");
            body.setProperty("errorId", errorId);
        } else {
            body.setType(URI.create("https://mes.grd.example/problems/" + status.name().toLowerCase().replace('_', '-')));
            body.setDetail(status.getReasonPhrase());
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}
