package dustwatch.gateway.errors;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request Spring Security's firewall refuses before any route sees it (an encoded slash {@code %2F}, a
 * {@code %00}, a path that is not normalized) answers a 400 problem with a {@code type} instead of an empty
 * 400. Picked up by the security configuration's {@code WebFilterChainProxy}.
 */
@Component
public class RejectedRequestProblems implements ServerExchangeRejectedHandler {
    private final JsonMapper json;

    public RejectedRequestProblems(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", HttpStatus.BAD_REQUEST.getReasonPhrase());
        problem.put("status", 400);
        problem.put("detail", "The gateway refused the request: " + rejected.getMessage());
        response.setStatusCode(HttpStatus.BAD_REQUEST);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(json.writeValueAsBytes(problem))));
    }
}
