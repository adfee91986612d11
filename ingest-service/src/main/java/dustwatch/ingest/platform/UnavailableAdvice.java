package dustwatch.ingest.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers 503 problem details with {@code Retry-After} (seconds) when Kafka or PostgreSQL is unavailable:
 * the transaction has been rolled back, nothing of the request was kept, the caller should send it again.
 * Only transient database failures count as "unavailable": {@link TransientDataAccessException},
 * {@link DataAccessResourceFailureException} (including {@link CannotGetJdbcConnectionException}) and
 * {@link CannotCreateTransactionException}. Any other {@link DataAccessException} (a constraint violation, bad
 * SQL, a value PostgreSQL refuses) is a bug that a retry cannot cure: it is logged with its stack trace and
 * answered 500 problem without {@code Retry-After}, so that a city node does not retry it forever.
 */
@RestControllerAdvice
public class UnavailableAdvice {
    private static final Logger log = LoggerFactory.getLogger(UnavailableAdvice.class);
    private final IngestProperties properties;

    public UnavailableAdvice(IngestProperties properties) {
        this.properties = properties;
    }

    @ExceptionHandler(BrokerUnavailableException.class)
    ResponseEntity<ProblemDetail> broker(BrokerUnavailableException e) {
        return unavailable("Message bus unavailable", e.getMessage());
    }

    /** 503 + Retry-After for a transient database failure, 500 for any other data access error. */
    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<ProblemDetail> database(DataAccessException e) {
        if (e instanceof TransientDataAccessException || e instanceof DataAccessResourceFailureException) {
            log.warn("database unavailable: {}", e.getMostSpecificCause().getMessage());
            return unavailable("Database unavailable", "the database is unavailable: " + e.getMostSpecificCause().getMessage());
        }
        log.error("unexpected database error", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "the database rejected the request (" + e.getClass().getSimpleName()
                        + "); this is a defect of the service, retrying will not help; nothing was kept");
        problem.setTitle("Internal error");
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(problem);
    }

    /** 503 + Retry-After: no transaction could be opened (the pool or the database is down). */
    @ExceptionHandler(CannotCreateTransactionException.class)
    ResponseEntity<ProblemDetail> noTransaction(CannotCreateTransactionException e) {
        log.warn("database unavailable: {}", e.getMostSpecificCause().getMessage());
        return unavailable("Database unavailable", "no database transaction could be opened: " + e.getMostSpecificCause().getMessage());
    }

    private ResponseEntity<ProblemDetail> unavailable(String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail + "; nothing was kept");
        problem.setTitle(title);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, properties.retryAfter().toSeconds())))
                .body(problem);
    }
}
