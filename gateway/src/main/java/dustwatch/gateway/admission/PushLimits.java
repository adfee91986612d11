package dustwatch.gateway.admission;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.security.Principal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Overload pushes back at the edge: at most {@code max-in-flight-per-node} pushes ({@code POST /api/v1/ingest/**})
 * of one caller (the token's subject) and {@code max-in-flight} pushes in all are forwarded at once. One more of a
 * caller at its share is answered 429, one more beyond the global limit 503, both RFC 9457 problems with
 * {@code Retry-After} and {@code reason} ({@code NODE_BUSY}, {@code GATEWAY_BUSY}), before the body is read, so
 * neither the gateway's memory nor the latency behind it runs away. Ingest has its own, tighter limits
 * ({@code dustwatch.ingest.admission}); these protect the gateway and bound what it queues towards ingest.
 * Settings {@code dustwatch.gateway.push-limits.*}.
 */
@Component
public class PushLimits implements GlobalFilter, Ordered {
    /**
     * {@code dustwatch.gateway.push-limits.*}.
     *
     * @param maxInFlight        pushes forwarded at once by this gateway instance
     * @param maxInFlightPerNode pushes of one caller forwarded at once
     * @param retryAfter         the {@code Retry-After} of a 429/503 answered here
     */
    @ConfigurationProperties("dustwatch.gateway.push-limits")
    public record Settings(int maxInFlight, int maxInFlightPerNode, Duration retryAfter) {
    }

    private final Settings settings;
    private final JsonMapper json;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Map<String, AtomicInteger> perNode = new ConcurrentHashMap<>();

    public PushLimits(Settings settings, JsonMapper json) {
        this.settings = settings;
        this.json = json;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (!HttpMethod.POST.equals(exchange.getRequest().getMethod())
                || !exchange.getRequest().getPath().value().startsWith("/api/v1/ingest/")) {
            return chain.filter(exchange);
        }
        return exchange.getPrincipal().map(Principal::getName)
                .defaultIfEmpty("address:" + exchange.getRequest().getRemoteAddress())
                .flatMap(caller -> admit(exchange, chain, caller));
    }

    private Mono<Void> admit(ServerWebExchange exchange, GatewayFilterChain chain, String caller) {
        AtomicInteger mine = perNode.computeIfAbsent(caller, k -> new AtomicInteger());
        if (mine.incrementAndGet() > settings.maxInFlightPerNode()) {
            mine.decrementAndGet();
            return refuse(exchange, HttpStatus.TOO_MANY_REQUESTS, "NODE_BUSY", "this caller already has "
                    + settings.maxInFlightPerNode() + " pushes in progress (dustwatch.gateway.push-limits.max-in-flight-per-node)");
        }
        if (inFlight.incrementAndGet() > settings.maxInFlight()) {
            inFlight.decrementAndGet();
            mine.decrementAndGet();
            return refuse(exchange, HttpStatus.SERVICE_UNAVAILABLE, "GATEWAY_BUSY", "the gateway is forwarding "
                    + settings.maxInFlight() + " pushes (dustwatch.gateway.push-limits.max-in-flight)");
        }
        return chain.filter(exchange).doFinally(signal -> {
            inFlight.decrementAndGet();
            mine.decrementAndGet();
        });
    }

    private Mono<Void> refuse(ServerWebExchange exchange, HttpStatus status, String reason, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail + "; nothing was kept, resend after Retry-After");
        problem.put("instance", exchange.getRequest().getPath().value());
        problem.put("reason", reason);
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, settings.retryAfter().toSeconds())));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        DataBuffer body = response.bufferFactory().wrap(json.writeValueAsBytes(problem));
        return response.writeWith(Mono.just(body));
    }
}
