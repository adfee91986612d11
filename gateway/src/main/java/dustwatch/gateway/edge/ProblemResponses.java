package dustwatch.gateway.edge;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The edge's 401 and 403 answers as RFC 9457 problem details ({@code application/problem+json}):
 * {@code {type, title, status, detail, instance}}. A 401 carries {@code WWW-Authenticate: Bearer}
 * (with {@code error="invalid_token"} when a token was sent but refused, RFC 6750 §3).
 */
public final class ProblemResponses {

    private final JsonMapper json;

    /** @param json the application's Jackson 3 mapper */
    public ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    /** 401: no bearer token, or one the issuer's keys do not verify (bad signature, expired, wrong issuer). */
    public ServerAuthenticationEntryPoint unauthorized() {
        return (exchange, e) -> {
            boolean tokenRefused = e instanceof InvalidBearerTokenException
                    || exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION) != null;
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                    tokenRefused ? "Bearer error=\"invalid_token\"" : "Bearer");
            String detail = tokenRefused
                    ? "The bearer token was refused: " + e.getMessage()
                    : "A bearer token is required.";
            return write(exchange, HttpStatus.UNAUTHORIZED, detail);
        };
    }

    /** 403: a verified token without a known {@code dw_kind} claim. */
    public ServerAccessDeniedHandler forbidden() {
        return (exchange, e) -> write(exchange, HttpStatus.FORBIDDEN,
                "The token carries no dw_kind claim naming REGULATOR, ENTERPRISE or CITY_NODE; this account may not call "
                        + exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath().value());
    }

    private Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", exchange.getRequest().getPath().value());
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        DataBuffer body = response.bufferFactory().wrap(json.writeValueAsBytes(problem));
        return response.writeWith(Mono.just(body));
    }
}
