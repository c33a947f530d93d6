package fr.grd.mes.support.web;

import fr.grd.mes.support.outcome.Violation;
import fr.grd.mes.support.outcome.NotFound;
import fr.grd.mes.support.outcome.Invalid;
import fr.grd.mes.support.outcome.Refusal;
import fr.grd.mes.support.outcome.Forbidden;
import fr.grd.mes.support.outcome.Conflict;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Every error is an RFC 9457 {@code application/problem+json} document. Validation problems list each bad
 * field with its reason in {@code errors}, so a client fixes everything in one round trip.
 *
 * <p>An exception nobody expected is what it is: a 500 with an {@code errorId} that the log line (with the
 * stack trace) carries, so an operator finds the cause from what the client reports, while the client learns
 * nothing of the internals. Each is counted ({@code mes_http_server_errors_total}, alert
 * {@code MesUnhandledServerErrors}). Spring's own web exceptions (unknown path, wrong method, …) keep the
 * status they carry; authentication and authorization failures are left to the security chain, so a 403
 * only ever comes from an authorization decision.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    private static final String TYPE_BASE = "https://mes.grd.example/problems/";
    private static final String SERVER_ERRORS_METRIC = "mes.http.server.errors";

    private final Counter serverErrors;

    public ProblemDetailsAdvice(MeterRegistry metrics) {
        this.serverErrors = Counter.builder(SERVER_ERRORS_METRIC)
                .description("Requests that ended in an unhandled exception (answered 500 with an error id)")
                .register(metrics);
    }

    /** A use case's refusal, whichever layer raised it: the one place where an outcome becomes a status. */
    @ExceptionHandler(Refusal.class)
    ResponseEntity<ProblemDetail> refused(Refusal refusal) {
        if (refusal instanceof Invalid e) {
            return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                    e.violations().stream().map(v -> v.field() + ": " + v.reason()).collect(Collectors.joining("; ")),
                    e.violations());
        }
        if (refusal instanceof NotFound) {
            return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", refusal.getMessage(), List.of());
        }
        if (refusal instanceof Forbidden) {
            return problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", refusal.getMessage(), List.of());
        }
        if (refusal instanceof fr.grd.mes.support.outcome.Unavailable) {
            LOG.warn("refused as unavailable: {}", refusal.getMessage(), refusal.getCause());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5")
                    .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Service unavailable",
                            refusal.getMessage(), List.of()).getBody());
        }
        ResponseEntity<ProblemDetail> conflict = problem(HttpStatus.CONFLICT, "conflict", "Conflict",
                refusal.getMessage(), List.of());
        ((Conflict) refusal).details().forEach(conflict.getBody()::setProperty);
        return conflict;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        Violation violation = JsonErrors.violationOf(e);
        boolean malformed = violation.field().equals("body");
        return problem(HttpStatus.BAD_REQUEST, malformed ? "malformed-json" : "invalid-request",
                malformed ? "Malformed JSON" : "Invalid request", violation.field() + ": " + violation.reason(),
                List.of(violation));
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    ResponseEntity<ProblemDetail> badParameter(Exception e) {
        Violation violation = e instanceof MethodArgumentTypeMismatchException mismatch
                ? new Violation(mismatch.getName(), "invalid value for a " + (mismatch.getRequiredType() == null
                ? "parameter" : mismatch.getRequiredType().getSimpleName()))
                : new Violation(((MissingServletRequestParameterException) e).getParameterName(), "is required");
        return problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter",
                violation.field() + ": " + violation.reason(), List.of(violation));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type",
                e.getMessage(), List.of());
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> concurrent(OptimisticLockingFailureException e) {
        return problem(HttpStatus.CONFLICT, "concurrent-update", "Concurrent update",
                "the resource changed meanwhile; read it again and retry", List.of());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unhandled(Exception e) throws Exception {
        if (e instanceof AccessDeniedException || e instanceof AuthenticationException) {
            throw e;
        }
        if (e instanceof ErrorResponse known && !known.getStatusCode().is5xxServerError()) {
            HttpStatus status = HttpStatus.valueOf(known.getStatusCode().value());
            return ofStatus(status, known.getBody().getDetail() != null ? known.getBody().getDetail()
                    : status.getReasonPhrase());
        }
        return serverError("unhandled exception", e);
    }

    /** A problem of a plain status: its type and title from the status. */
    static ResponseEntity<ProblemDetail> ofStatus(HttpStatus status, String detail) {
        return problem(status, status.name().toLowerCase().replace('_', '-'), status.getReasonPhrase(), detail,
                List.of());
    }

    /** The 500 of a failure nobody expected: a new error id, logged with the cause, counted, told to the client. */
    ResponseEntity<ProblemDetail> serverError(String what, Throwable cause) {
        String errorId = UUID.randomUUID().toString();
        serverErrors.increment();
        LOG.error("{}, errorId={}", what, errorId, cause);
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.INTERNAL_SERVER_ERROR, "server-error",
                "Internal server error", "the server could not complete this request; quote error id " + errorId
                        + " to the distributor's support", List.of());
        response.getBody().setProperty("errorId", errorId);
        return response;
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String title, String detail,
                                                         List<Violation> errors) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create(TYPE_BASE + type));
        body.setTitle(title);
        if (!errors.isEmpty()) {
            body.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }
}
