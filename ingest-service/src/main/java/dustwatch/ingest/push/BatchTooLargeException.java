package dustwatch.ingest.push;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A push with more messages than {@link IngestLimits#maxMessages()}: answered 413, nothing kept. */
public class BatchTooLargeException extends ErrorResponseException {
    public BatchTooLargeException(int size, int limit) {
        super(HttpStatus.CONTENT_TOO_LARGE, problem(size, limit), null);
    }

    private static ProblemDetail problem(int size, int limit) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                size + " messages exceed the limit of " + limit + " per request; split the batch");
        p.setTitle("Batch too large");
        p.setProperty("limit", limit);
        return p;
    }
}
