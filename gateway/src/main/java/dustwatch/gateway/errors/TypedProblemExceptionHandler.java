package dustwatch.gateway.errors;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.URI;

/**
 * The framework's own refusals in the gateway's web layer (a path no route or resource serves: 404, a 405,
 * an unreadable request) as problems that name their {@code type}: {@code about:blank} when none was set
 * (Spring Framework 7 leaves it out). Takes the place of Boot's {@code ProblemDetailsExceptionHandler}
 * ({@code spring.webflux.problemdetails.enabled}).
 */
@ControllerAdvice
public class TypedProblemExceptionHandler extends ResponseEntityExceptionHandler {
    static final URI BLANK = URI.create("about:blank");

    @Override
    protected Mono<ResponseEntity<Object>> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                                  HttpStatusCode status, ServerWebExchange exchange) {
        return super.handleExceptionInternal(ex, body, headers, status, exchange).doOnNext(entity -> {
            if (entity.getBody() instanceof ProblemDetail problem && problem.getType() == null) {
                problem.setType(BLANK);
            }
        });
    }
}
