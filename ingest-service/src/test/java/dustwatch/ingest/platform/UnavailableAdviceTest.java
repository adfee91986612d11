package dustwatch.ingest.platform;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Only transient database failures are 503 + Retry-After; every other data access error is a 500 (break test H2). */
class UnavailableAdviceTest {
    final UnavailableAdvice advice = new UnavailableAdvice(new IngestProperties("ingest-test", Duration.ofSeconds(10),
            Duration.ofSeconds(30), (short) 1, Duration.ofSeconds(90), "ingest-test-", 3));

    @Test
    void transientFailuresAre503WithRetryAfter() {
        for (ResponseEntity<ProblemDetail> answer : java.util.List.of(
                advice.database(new QueryTimeoutException("statement timeout")),
                advice.database(new DataAccessResourceFailureException("connection reset")),
                advice.database(new CannotGetJdbcConnectionException("pool exhausted", new SQLException("timeout"))),
                advice.noTransaction(new CannotCreateTransactionException("no connection", new SQLException("down"))))) {
            assertThat(answer.getStatusCode().value()).isEqualTo(503);
            assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("30");
            assertThat(answer.getBody().getDetail()).endsWith("nothing was kept");
        }
    }

    @Test
    void anyOtherDataAccessErrorIsA500WithoutRetryAfter() {
        for (ResponseEntity<ProblemDetail> answer : java.util.List.of(
                advice.database(new DataIntegrityViolationException("duplicate key")),
                advice.database(new BadSqlGrammarException("insert", "INSERT INTO x", new SQLException("syntax"))))) {
            assertThat(answer.getStatusCode().value()).isEqualTo(500);
            assertThat(answer.getHeaders().containsHeader(HttpHeaders.RETRY_AFTER)).isFalse();
            assertThat(answer.getBody().getTitle()).isEqualTo("Internal error");
        }
    }
}
