package dustwatch.alert.console.web;

import dustwatch.alert.console.ConsoleHub;
import dustwatch.contracts.scope.Actor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.net.URI;

/** {@code GET /api/v1/alerts/stream}: the console's server-sent-events stream (值班台推送). */
@io.swagger.v3.oas.annotations.tags.Tag(name = "alerts 值班台推送", description = "The duty console stream (server-sent events): warnings routed to the caller by colour, tier and region.")
@RestController
class AlertStreamController {
    private final ConsoleHub hub;

    AlertStreamController(ConsoleHub hub) {
        this.hub = hub;
    }

    /**
     * Opens the stream: event {@code ready} ({@code {"user", "tier", "region"}}), then one {@code warning} event per
     * warning routed to the caller (the Warning JSON plus {@code routedTiers}, {@code routingConfigVersion},
     * {@code replay}), with the warnings of the last hour first. No token 401; a city node 403; too many consoles 503
     * with {@code Retry-After}.
     */
    @GetMapping(path = "/api/v1/alerts/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(Actor actor, HttpServletResponse response) {
        if (actor.kind() == Actor.Kind.CITY_NODE) {
            throw new ErrorResponseException(HttpStatus.FORBIDDEN, ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                    "City aggregation nodes have no console"), null);
        }
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Accel-Buffering", "no"); // keep nginx-style proxies from buffering the stream
        return hub.connect(actor);
    }

    /**
     * Writes a refusal as {@code application/problem+json} with its headers ({@code Retry-After}), whatever the
     * client's {@code Accept: text/event-stream} asked for; otherwise content negotiation would drop the body.
     */
    @ExceptionHandler(ErrorResponseException.class)
    ResponseEntity<ProblemDetail> refused(ErrorResponseException refusal, HttpServletRequest request) {
        ProblemDetail problem = refusal.getBody();
        if (problem.getInstance() == null) {
            problem.setInstance(URI.create(request.getRequestURI()));
        }
        return ResponseEntity.status(refusal.getStatusCode()).headers(refusal.getHeaders())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
