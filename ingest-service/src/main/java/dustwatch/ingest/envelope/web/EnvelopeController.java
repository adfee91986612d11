package dustwatch.ingest.envelope.web;

import dustwatch.contracts.scope.Actor;
import dustwatch.ingest.envelope.EnvelopeService;
import dustwatch.ingest.envelope.NodeApps;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import dustwatch.ingest.platform.StrictJson;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * {@code POST /api/v1/ingest/envelope}: the national SM4 envelope, authenticated by {@code appid} and the
 * {@code appsecret} header instead of a bearer token (a public path). 202 or 422 with the enveloped answer;
 * 400/401/413/415 problem with a {@code code} when the envelope itself is refused (nothing kept).
 * {@code PUT|GET /api/v1/registry/node-apps}: province and city regulators provision the apps of their cities.
 */
@RestController
public class EnvelopeController {
    private final EnvelopeService envelopes;
    private final NodeApps apps;

    public EnvelopeController(EnvelopeService envelopes, NodeApps apps) {
        this.envelopes = envelopes;
        this.apps = apps;
    }

    /** Receives one envelope. */
    @PostMapping("/api/v1/ingest/envelope")
    public ResponseEntity<?> receive(@RequestBody(required = false) byte[] body,
                                     @RequestHeader(value = HttpHeaders.CONTENT_ENCODING, required = false) String encoding,
                                     @RequestHeader(value = "appsecret", required = false) String appSecret) {
        EnvelopeService.Answer answer = envelopes.receive(body, encoding, appSecret);
        return ResponseEntity.status(answer.outcome().rejected().isEmpty() ? HttpStatus.ACCEPTED : HttpStatus.UNPROCESSABLE_CONTENT)
                .body(answer.envelope());
    }

    /** Creates or replaces an app (province or city regulators, for a city they cover). */
    @PutMapping("/api/v1/registry/node-apps/{appId}")
    public NodeApps.Summary provision(@PathVariable String appId, @RequestBody(required = false) byte[] body, Actor actor) {
        return apps.provision(appId, StrictJson.read(body, NodeApps.Provisioning.class), actor);
    }

    /** The apps of the caller's cities; never a secret, key or IV. */
    @GetMapping("/api/v1/registry/node-apps")
    public List<NodeApps.Summary> list(Actor actor) {
        return apps.visibleTo(actor);
    }
}
