package dustwatch.ingest.push.web;

import dustwatch.contracts.topic.Json;
import dustwatch.ingest.platform.ReasonCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Overload pushes back (bulkhead): at most {@code max-concurrent-per-node} pushes of one node and
 * {@code max-concurrent} pushes in all are worked on at once ({@code POST /api/v1/ingest/**}). One more push of a
 * node already at its share is answered 429 {@link ReasonCode#NODE_BUSY} at once; a push that finds the service
 * full waits up to {@code queue-wait} for a place, then is answered 503 {@link ReasonCode#SERVICE_BUSY}. Both are
 * problem details with {@code Retry-After} and come before the body is read, so that neither latency nor memory
 * runs away (the database pool and the producers serve the admitted pushes only); nothing of a refused push is
 * kept, the node resends it. Settings {@code dustwatch.ingest.admission.*}.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 10)
public class PushAdmission extends OncePerRequestFilter {
    /**
     * {@code dustwatch.ingest.admission.*}.
     *
     * @param maxConcurrent        pushes worked on at once by this instance
     * @param maxConcurrentPerNode pushes of one node (token subject, or the caller's address without a token)
     * @param queueWait            how long a push waits for a place when the instance is full
     * @param retryAfter           the {@code Retry-After} of a 429/503 answered here
     */
    @ConfigurationProperties("dustwatch.ingest.admission")
    public record Settings(int maxConcurrent, int maxConcurrentPerNode, Duration queueWait, Duration retryAfter) {
    }

    private final Settings settings;
    private final Semaphore global;
    private final Map<String, Semaphore> perNode = new ConcurrentHashMap<>();

    public PushAdmission(Settings settings) {
        this.settings = settings;
        this.global = new Semaphore(settings.maxConcurrent(), true);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !("POST".equals(request.getMethod()) && path.startsWith("/api/v1/ingest/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Semaphore node = perNode.computeIfAbsent(caller(request), k -> new Semaphore(settings.maxConcurrentPerNode()));
        if (!node.tryAcquire()) {
            refuse(response, ReasonCode.NODE_BUSY, "this node already has " + settings.maxConcurrentPerNode()
                    + " pushes in progress (dustwatch.ingest.admission.max-concurrent-per-node); nothing was kept, resend after Retry-After");
            return;
        }
        try {
            boolean admitted;
            try {
                admitted = global.tryAcquire(settings.queueWait().toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                admitted = false;
            }
            if (!admitted) {
                refuse(response, ReasonCode.SERVICE_BUSY, "the service is working on " + settings.maxConcurrent()
                        + " pushes (dustwatch.ingest.admission.max-concurrent); nothing was kept, resend after Retry-After");
                return;
            }
            try {
                chain.doFilter(request, response);
            } finally {
                global.release();
            }
        } finally {
            node.release();
        }
    }

    private static String caller(HttpServletRequest request) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.isAuthenticated() && auth.getName() != null
                && !(auth instanceof org.springframework.security.authentication.AnonymousAuthenticationToken)
                ? "token:" + auth.getName() : "address:" + request.getRemoteAddr();
    }

    private void refuse(HttpServletResponse response, ReasonCode code, String detail) throws IOException {
        HttpStatus status = code.requestStatus();
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", code.english());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("code", code.name());
        response.setStatus(status.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, settings.retryAfter().toSeconds())));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        byte[] json = Json.MAPPER.writeValueAsBytes(problem);
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
        response.flushBuffer();
    }
}
