package dustwatch.ingest.push.web;

import dustwatch.contracts.scope.Actor;
import dustwatch.ingest.push.PushOutcome;
import dustwatch.ingest.push.PushService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/ingest/messages} (city nodes only, see {@code dustwatch.security.city-node-paths}).
 * 202 {@code {accepted, duplicates, rejected:[]}} when every message was good; 422 problem with the same
 * members when some were refused (the good ones are kept); 413 too many messages or a body over
 * {@code dustwatch.ingest.limits.max-request-bytes} ({@link RequestSizeFilter}); 503 with Retry-After when Kafka
 * or the database is transiently unavailable; 500 problem on any other database error (a defect, not retried).
 */
@RestController
public class PushController {
    private final PushService push;

    public PushController(PushService push) {
        this.push = push;
    }

    /** Accepts a batch of gateway messages. */
    @PostMapping("/api/v1/ingest/messages")
    public ResponseEntity<?> push(@RequestBody JsonNode body, Actor actor) {
        PushOutcome outcome = push.push(body, actor);
        if (outcome.rejected().isEmpty()) {
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(outcome);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                outcome.rejected().size() + " message(s) rejected; " + outcome.accepted() + " accepted, "
                        + outcome.duplicates() + " duplicate(s) acknowledged");
        problem.setTitle("Some messages were rejected");
        problem.setProperty("accepted", outcome.accepted());
        problem.setProperty("duplicates", outcome.duplicates());
        problem.setProperty("rejected", outcome.rejected());
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(problem);
    }
}
