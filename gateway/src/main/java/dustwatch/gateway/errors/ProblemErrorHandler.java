package dustwatch.gateway.errors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every error that reaches the gateway's web layer unhandled (a 404 of an unknown path, a 405, a bad request
 * the framework refuses, a 500) is answered as {@code application/problem+json} with {@code type, title,
 * status, detail, instance} instead of Spring Boot's plain JSON error. Runs before Boot's
 * {@code DefaultErrorWebExceptionHandler} (order -1). Headers an {@link ErrorResponse} carries (e.g.
 * {@code Retry-After}, {@code Allow}) are kept. A 500 is logged with its stack trace; its detail names no internals.
 */
@Component
@Order(-2)
public class ProblemErrorHandler implements WebExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

    private final JsonMapper json;

    public ProblemErrorHandler(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(error);
        }
        HttpStatusCode status = HttpStatus.INTERNAL_SERVER_ERROR;
        String detail = "The gateway failed to handle the request.";
        if (error instanceof ErrorResponse known) {
            status = known.getStatusCode();
            response.getHeaders().putAll(known.getHeaders());
            if (known.getBody().getDetail() != null && status.is4xxClientError()) {
                detail = known.getBody().getDetail();
            } else if (status.is4xxClientError()) {
                detail = "The request was refused.";
            } else if (known.getBody().getDetail() != null) {
                detail = known.getBody().getDetail();
            }
        }
        if (status.value() == 500) {
            log.error("{} {} answered 500", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), error);
        } else if (status.is5xxServerError()) {
            log.warn("{} {} answered {}: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), status.value(), error.getMessage());
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        HttpStatus resolved = HttpStatus.resolve(status.value());
        problem.put("title", resolved == null ? "Error" : resolved.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", exchange.getRequest().getPath().value());
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(json.writeValueAsBytes(problem))));
    }
}
