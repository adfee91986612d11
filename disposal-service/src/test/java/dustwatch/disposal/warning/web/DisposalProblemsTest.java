package dustwatch.disposal.warning.web;

import dustwatch.contracts.disposal.WarningState;
import dustwatch.disposal.warning.IllegalTransition;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;

import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The problem details the warning API answers with when the database is away or a step is illegal. */
class DisposalProblemsTest {
    final DisposalProblems problems = new DisposalProblems();

    @Test
    void anUnreachableDatabaseIsA503WithRetryAfter() {
        ResponseEntity<ProblemDetail> response = problems.unavailable(
                new CannotCreateTransactionException("Could not open JDBC Connection for transaction"));
        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(response.getBody().getDetail()).contains("database is unavailable");
    }

    @Test
    void anIllegalTransitionIsA409NamingBothStates() {
        ProblemDetail problem = problems.illegalTransition(new IllegalTransition("W-1", "clear", WarningState.SIGNED_IN,
                EnumSet.of(WarningState.FEEDBACK_SUBMITTED)));
        assertThat(problem.getStatus()).isEqualTo(409);
        assertThat(problem.getDetail()).isEqualTo("cannot clear warning W-1: it is SIGNED_IN, clear needs FEEDBACK_SUBMITTED");
        assertThat(problem.getProperties()).containsEntry("currentState", WarningState.SIGNED_IN);
    }
}
