package dustwatch.ingest.push.web;

import dustwatch.contracts.scope.Actor;
import dustwatch.ingest.push.PushOutcome;
import dustwatch.ingest.push.PushParser;
import dustwatch.ingest.push.PushService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/ingest/messages} (city nodes only, see {@code dustwatch.security.city-node-paths}).
 * 202 {@code {accepted, duplicates, rejected:[]}} when every message was good; 422 problem with the same
 * members when some were refused (the good ones are kept), each refusal {@code {index, msgId, reasons:[{code,
 * field, message}]}}; 400/413/415 problem with a {@code code} when the whole request is refused (not JSON, a
 * repeated member, too many messages, too large, a bad {@code Content-Encoding}); 503 with Retry-After when Kafka
 * or the database is transiently unavailable; 500 problem on any other database error (a defect, not retried).
 */
@RestController
public class PushController {
    private final PushService push;
    private final PushParser parser;

    public PushController(PushService push, PushParser parser) {
        this.push = push;
        this.parser = parser;
    }

    /** Accepts a batch of gateway messages, plain or gzip. */
    @PostMapping("/api/v1/ingest/messages")
    public ResponseEntity<?> push(@RequestBody(required = false) byte[] body,
                                  @RequestHeader(value = HttpHeaders.CONTENT_ENCODING, required = false) String encoding,
                                  Actor actor) {
        return answer(push.push(parser.parse(body, encoding), actor));
    }

    /** 202 with the outcome, or 422 problem with it when something was refused. */
    static ResponseEntity<?> answer(PushOutcome outcome) {
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
