package dustwatch.gateway.routing.web;

import dustwatch.gateway.GatewayProperties;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import java.net.ConnectException;
import java.net.URI;
import java.util.concurrent.TimeoutException;

/**
 * Where each route's circuit breaker forwards when its service refuses the connection, does not answer
 * within the route's timeout, or the breaker is open ({@code fallbackUri: forward:/fallback/<service>}).
 * Accepts every HTTP method, since a POST or PUT fails over just as a GET does.
 *
 * <p>Answer: 503 {@code application/problem+json} (RFC 9457) with {@code Retry-After} in seconds and the
 * members {@code service}, {@code reason} ({@code CONNECTION_REFUSED}, {@code TIMEOUT}, {@code CIRCUIT_OPEN}
 * or {@code UNAVAILABLE}) and {@code configVersion}. Never a 2xx. For a refused connection or an open breaker
 * nothing reached the service; after a {@code TIMEOUT} the service may still have done the request (a slow push
 * may be kept), so the detail says the outcome is unknown and that a resend is the way to learn it: a push's
 * msgIds make a resend safe (an accepted message is acknowledged as a duplicate).
 */
@RestController
public class FallbackController {

    /** Why the service could not be reached. */
    public enum Reason {
        /** Nothing listens on the service's port (or the connect timeout passed). */
        CONNECTION_REFUSED,
        /** The service did not answer within the route's response timeout or time limit. */
        TIMEOUT,
        /** The route's circuit breaker is open after too many failures; the service is not called. */
        CIRCUIT_OPEN,
        /** Any other failure to reach the service. */
        UNAVAILABLE
    }

    private final GatewayProperties properties;

    public FallbackController(GatewayProperties properties) {
        this.properties = properties;
    }

    /**
     * Answers 503 for {@code service} (the route's name, e.g. {@code ingest}); the failure that led here is
     * read from the exchange attribute the circuit-breaker filter sets.
     */
    @RequestMapping("/fallback/{service}")
    public ResponseEntity<ProblemDetail> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        Throwable failure = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        Reason reason = classify(failure);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail(service, reason));
        problem.setType(URI.create("about:blank"));
        problem.setTitle("Service unavailable");
        URI original = originalUri(exchange);
        if (original != null) {
            problem.setInstance(URI.create(original.getRawPath()));
        }
        problem.setProperty("service", service);
        problem.setProperty("reason", reason.name());
        problem.setProperty("configVersion", properties.configVersion());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(properties.retryAfterSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** Sorts a failure (walking its causes) into a {@link Reason}; null counts as {@link Reason#UNAVAILABLE}. */
    static Reason classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CallNotPermittedException) {
                return Reason.CIRCUIT_OPEN;
            }
            if (t instanceof ConnectException) {
                return Reason.CONNECTION_REFUSED;
            }
            if (t instanceof TimeoutException
                    || t instanceof org.springframework.cloud.gateway.support.TimeoutException
                    || (t instanceof ResponseStatusException rse && rse.getStatusCode().value() == 504)) {
                return Reason.TIMEOUT;
            }
        }
        return Reason.UNAVAILABLE;
    }

    private static String detail(String service, Reason reason) {
        return switch (reason) {
            case CONNECTION_REFUSED -> "The " + service + " service refused the connection; try again later.";
            case TIMEOUT -> "The " + service + " service did not answer in time; it may still have carried the request out."
                    + " Send the same request again later: a push with the same msgIds is acknowledged as duplicates"
                    + " where it was kept.";
            case CIRCUIT_OPEN -> "Calls to the " + service + " service are suspended after repeated failures; try again later.";
            case UNAVAILABLE -> "The " + service + " service is unavailable; try again later.";
        };
    }

    private static URI originalUri(ServerWebExchange exchange) {
        java.util.Set<URI> uris = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ORIGINAL_REQUEST_URL_ATTR);
        return uris == null || uris.isEmpty() ? null : uris.iterator().next();
    }
}
