package fr.grd.mes.support.web;

import fr.grd.mes.support.security.Caller;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;

/**
 * Abusive input is refused early, before any parsing or store access: a body larger than
 * {@code mes.limits.max-body-bytes} is 413 (a picture, {@code image/*}, may reach {@code mes.limits.max-picture-bytes}:
 * Annexe 2's diagram; the endpoints that take none refuse its type with 415), and each caller (the JWT subject) has a request rate (resilience4j
 * rate limiter; suppliers lower than the distributor's own tools) beyond which it gets 429 with Retry-After.
 * Health probes are never limited.
 */
public class RequestLimits extends OncePerRequestFilter {
    private final long maxBodyBytes;
    private final long maxPictureBytes;
    private final RateLimiterRegistry suppliers;
    private final RateLimiterRegistry distributor;

    public RequestLimits(long maxBodyBytes, long maxPictureBytes, int supplierPerSecond, int distributorPerSecond) {
        this.maxBodyBytes = maxBodyBytes;
        this.maxPictureBytes = maxPictureBytes;
        this.suppliers = RateLimiterRegistry.of(config(supplierPerSecond));
        this.distributor = RateLimiterRegistry.of(config(distributorPerSecond));
    }

    private static RateLimiterConfig config(int perSecond) {
        return RateLimiterConfig.custom().limitForPeriod(perSecond).limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(Duration.ZERO).build();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/actuator/health");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        long limit = type != null && type.regionMatches(true, 0, "image/", 0, 6) ? maxPictureBytes : maxBodyBytes;
        if (request.getContentLengthLong() > limit) {
            problem(response, HttpStatus.CONTENT_TOO_LARGE, "the body exceeds " + limit + " bytes");
            return;
        }
        Caller caller = Caller.current();
        String key = caller.roles().isEmpty() ? "ip:" + request.getRemoteAddr() : "sub:" + caller.subject();
        RateLimiter limiter = (caller.seesAllSuppliers() ? distributor : suppliers).rateLimiter(key);
        if (!limiter.acquirePermission()) {
            response.setHeader("Retry-After", "1");
            problem(response, HttpStatus.TOO_MANY_REQUESTS, "too many requests from " + caller.subject()
                    + ": at most " + limiter.getRateLimiterConfig().getLimitForPeriod() + " per second");
            return;
        }
        chain.doFilter(request, response);
    }

    private static void problem(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("{\"type\":\"https://mes.grd.example/problems/" + (status == HttpStatus.TOO_MANY_REQUESTS
                ? "rate-limited" : "body-too-large") + "\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
                + status.value() + ",\"detail\":\"" + detail + "\"}");
    }

}
