package dustwatch.gateway.console;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/** The console chain's own RFC 9457 answers: a refused CSRF token, an ended session. */
final class ConsoleProblems {
    /** {@code type} of the 401 when the session's tokens can no longer be refreshed. */
    static final String SESSION_ENDED = "urn:dustwatch:problem:session-ended";
    /** {@code type} of the 403 for a missing or wrong CSRF token. */
    static final String CSRF_REFUSED = "urn:dustwatch:problem:csrf-token-refused";

    private final JsonMapper json;

    ConsoleProblems(JsonMapper json) {
        this.json = json;
    }

    ServerAccessDeniedHandler csrfRefused() {
        return (exchange, e) -> write(exchange, HttpStatus.FORBIDDEN, CSRF_REFUSED,
                "A state-changing request of a console session needs the X-XSRF-TOKEN header from /console/session.");
    }

    Mono<Void> sessionEnded(ServerWebExchange exchange) {
        return write(exchange, HttpStatus.UNAUTHORIZED, SESSION_ENDED,
                "The console session has ended (the sign-in expired or was ended at Keycloak); sign in again.");
    }

    Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String type, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type);
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", exchange.getRequest().getPath().value());
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(json.writeValueAsBytes(problem))));
    }
}
