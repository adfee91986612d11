package dustwatch.ingest.platform;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers 503 problem details with {@code Retry-After} (seconds) when Kafka or PostgreSQL is unavailable:
 * the transaction has been rolled back, nothing of the request was kept, the caller should send it again.
 */
@RestControllerAdvice
public class UnavailableAdvice {
    private final IngestProperties properties;

    public UnavailableAdvice(IngestProperties properties) {
        this.properties = properties;
    }

    @ExceptionHandler(BrokerUnavailableException.class)
    ResponseEntity<ProblemDetail> broker(BrokerUnavailableException e) {
        return unavailable("Message bus unavailable", e.getMessage());
    }

    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<ProblemDetail> database(DataAccessException e) {
        return unavailable("Database unavailable", "the database refused the request: " + e.getMostSpecificCause().getMessage());
    }

    private ResponseEntity<ProblemDetail> unavailable(String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail + "; nothing was kept");
        problem.setTitle(title);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, properties.retryAfter().toSeconds())))
                .body(problem);
    }
}
