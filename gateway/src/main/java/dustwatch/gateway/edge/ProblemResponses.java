package dustwatch.gateway.edge;

import dustwatch.gateway.GatewayProperties;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The edge's own answers as RFC 9457 problem details ({@code application/problem+json}):
 * {@code {type, title, status, detail, instance}}. A 401 carries {@code WWW-Authenticate: Bearer}
 * (with {@code error="invalid_token"} when a token was sent but refused, RFC 6750 §3); a 503 (the token
 * issuer's keys cannot be fetched) carries {@code Retry-After}, {@code reason: ISSUER_UNREACHABLE} and
 * {@code configVersion}.
 */
public final class ProblemResponses {

    private final JsonMapper json;
    private final GatewayProperties properties;

    /**
     * @param json       the application's Jackson 3 mapper
     * @param properties {@code Retry-After} and {@code configVersion} of the 503 answer
     */
    public ProblemResponses(JsonMapper json, GatewayProperties properties) {
        this.json = json;
        this.properties = properties;
    }

    /**
     * A bearer token that could not be checked: 503 when the verification itself failed (the issuer's JWK set
     * or discovery document unreachable, Spring's {@link AuthenticationServiceException}), else the 401 of
     * {@link #unauthorized()}. Without this a down issuer would surface as a 500.
     */
    public ServerAuthenticationFailureHandler authenticationFailure() {
        ServerAuthenticationEntryPoint unauthorized = unauthorized();
        return (webFilterExchange, e) -> {
            ServerWebExchange exchange = webFilterExchange.getExchange();
            if (e instanceof AuthenticationServiceException) {
                exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER,
                        Long.toString(properties.retryAfterSeconds()));
                Map<String, Object> extra = new LinkedHashMap<>();
                extra.put("reason", "ISSUER_UNREACHABLE");
                extra.put("configVersion", properties.configVersion());
                return write(exchange, HttpStatus.SERVICE_UNAVAILABLE,
                        "The token could not be verified because the token issuer is unreachable; try again later.", extra);
            }
            return unauthorized.commence(exchange, e);
        };
    }

    /** 401: no bearer token, or one the issuer's keys do not verify (bad signature, expired, wrong issuer). */
    public ServerAuthenticationEntryPoint unauthorized() {
        return (exchange, e) -> {
            boolean tokenRefused = e instanceof InvalidBearerTokenException
                    || exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION) != null;
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                    tokenRefused ? "Bearer error=\"invalid_token\"" : "Bearer");
            if (tokenRefused) {
                // after a refused bearer token the kept-alive connection at times answered the client's NEXT request
                // nothing (seen with the JDK client: 5 of 192 calls, each right after such a 401; a new connection
                // answers at once): close it, so that the next request of that client opens a fresh one
                exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
            }
            String detail = tokenRefused
                    ? "The bearer token was refused: " + e.getMessage()
                    : "A bearer token is required.";
            return write(exchange, HttpStatus.UNAUTHORIZED, detail, Map.of());
        };
    }

    /** 403: a verified token without a known {@code dw_kind} claim. */
    public ServerAccessDeniedHandler forbidden() {
        return (exchange, e) -> write(exchange, HttpStatus.FORBIDDEN,
                "The token carries no dw_kind claim naming REGULATOR, ENTERPRISE or CITY_NODE; this account may not call "
                        + exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath().value(), Map.of());
    }

    private Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail, Map<String, Object> extra) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", exchange.getRequest().getPath().value());
        problem.putAll(extra);
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        DataBuffer body = response.bufferFactory().wrap(json.writeValueAsBytes(problem));
        return response.writeWith(Mono.just(body));
    }
}
