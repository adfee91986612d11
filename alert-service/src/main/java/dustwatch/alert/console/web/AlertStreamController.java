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
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;

/** {@code GET /api/v1/alerts/stream}: the console's server-sent-events stream (值班台推送). */
@io.swagger.v3.oas.annotations.tags.Tag(name = "alerts 值班台推送", description = "The duty console stream (server-sent events): warnings routed to the caller by colour, tier and region.")
@RestController
class AlertStreamController {
    private final ConsoleHub hub;

    AlertStreamController(ConsoleHub hub) {
        this.hub = hub;
    }

    /**
     * Opens the stream: event {@code ready} ({@code {"user", "tier", "region"}}); then, for a console reconnecting
     * with {@code Last-Event-ID}, exactly the events routed to it since (with {@code replay: true} and each warning's
     * current {@code state}), otherwise the open warnings of its scope; then {@code synced} ({@code {"head", "mode",
     * "sent"}}); then live events. Events: {@code warning} (the Warning JSON plus {@code routedTiers},
     * {@code routingConfigVersion}, {@code state}, {@code replay}), {@code state} and {@code escalation} (the
     * DisposalEvent JSON of a lifecycle step or an escalation step, plus {@code state}, {@code replay}); every one
     * but {@code ready} and {@code ping} carries its log position as SSE id. A console that opens a new stream rather
     * than letting the browser reconnect passes its last id as query parameter {@code lastEventId} (the header wins).
     * A {@code ping} event every heartbeat ({@code heartbeatSeconds} in {@code ready}) lets the console tell a silent
     * stream from a dead one. The stream ends when the caller's token expires. No
     * token 401; a city node 403; too many consoles 503 with {@code Retry-After}.
     */
    @GetMapping(path = "/api/v1/alerts/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(Actor actor, @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                      @RequestParam(name = "lastEventId", required = false) String lastEventIdParam,
                      Principal principal, HttpServletResponse response) {
        if (actor.kind() == Actor.Kind.CITY_NODE) {
            throw new ErrorResponseException(HttpStatus.FORBIDDEN, ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                    "City aggregation nodes have no console"), null);
        }
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Accel-Buffering", "no"); // keep nginx-style proxies from buffering the stream
        Instant expiresAt = principal instanceof JwtAuthenticationToken token ? token.getToken().getExpiresAt() : null;
        return hub.connect(actor, position(lastEventId != null ? lastEventId : lastEventIdParam), expiresAt);
    }

    /** The log position of a {@code Last-Event-ID}; null (the console gets the open warnings) when it is none. */
    private static Long position(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(lastEventId.strip());
            return id < 0 ? null : id;
        } catch (NumberFormatException notOurs) {
            return null;
        }
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
