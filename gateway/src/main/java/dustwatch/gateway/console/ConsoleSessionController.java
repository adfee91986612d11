package dustwatch.gateway.console;

import dustwatch.contracts.scope.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /console/session}: who is logged in to the console, read from the session's (verified) access
 * token — {@code username, kind, tier, region, uscc, expiresAt} — plus the CSRF token the console sends back
 * as {@code X-XSRF-TOKEN} on state-changing calls. 401 problem when there is no session or it has ended
 * (the console then shows its login page). The tokens themselves are never part of the answer.
 */
@RestController
class ConsoleSessionController {

    private final ReactiveOAuth2AuthorizedClientManager clients;
    private final ReactiveJwtDecoder decoder;

    ConsoleSessionController(ReactiveOAuth2AuthorizedClientManager clients, ReactiveJwtDecoder decoder) {
        this.clients = clients;
        this.decoder = decoder;
    }

    @GetMapping("/console/session")
    Mono<ResponseEntity<Map<String, Object>>> session(ServerWebExchange exchange) {
        Mono<CsrfToken> csrf = exchange.getAttributeOrDefault(CsrfToken.class.getName(), Mono.empty());
        return SessionTokenRelay.accessToken(clients, exchange)
                .filter(relay -> relay.token() != null)
                .flatMap(relay -> decoder.decode(relay.token()))
                .flatMap(jwt -> csrf.map(CsrfToken::getToken).defaultIfEmpty("").map(token -> {
                    Actor actor = Actor.fromClaims(jwt.getClaims());
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("username", actor.username());
                    body.put("kind", actor.kind().name());
                    body.put("tier", actor.tier().name());
                    body.put("region", actor.region().value());
                    body.put("uscc", actor.uscc());
                    body.put("expiresAt", String.valueOf(jwt.getExpiresAt()));
                    body.put("csrfToken", token);
                    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
                }))
                .switchIfEmpty(Mono.fromSupplier(() -> {
                    Map<String, Object> problem = new LinkedHashMap<>();
                    problem.put("type", ConsoleProblems.SESSION_ENDED);
                    problem.put("title", "Unauthorized");
                    problem.put("status", 401);
                    problem.put("detail", "No console session: sign in at /oauth2/authorization/keycloak.");
                    problem.put("instance", "/console/session");
                    return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
                }));
    }
}
