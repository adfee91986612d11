package dustwatch.disposal.warning.web;

import dustwatch.disposal.warning.IllegalTransition;
import dustwatch.disposal.warning.TransitionForbidden;
import dustwatch.disposal.warning.WarningNotFound;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;
import java.util.Map;

/**
 * RFC 9457 problem details of the warning API: 404 outside scope, 403 not permitted, 409 illegal transition
 * (members {@code currentState}, {@code requiredStates}) or concurrent change, 400 invalid body (member
 * {@code errors:[{field, reason}]}), 503 with {@code Retry-After} when the database is unavailable.
 */
@RestControllerAdvice
class DisposalProblems extends ResponseEntityExceptionHandler {
    private static final String RETRY_AFTER_SECONDS = "5";

    @ExceptionHandler(WarningNotFound.class)
    ProblemDetail notFound(WarningNotFound e) {
        return problem(HttpStatus.NOT_FOUND, "Warning not found", e.getMessage());
    }

    @ExceptionHandler(TransitionForbidden.class)
    ProblemDetail forbidden(TransitionForbidden e) {
        return problem(HttpStatus.FORBIDDEN, "Not permitted", e.getMessage());
    }

    @ExceptionHandler(IllegalTransition.class)
    ProblemDetail illegalTransition(IllegalTransition e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "Illegal transition", e.getMessage());
        problem.setProperty("currentState", e.current());
        problem.setProperty("requiredStates", e.required().stream().map(Enum::name).sorted().toList());
        return problem;
    }

    @ExceptionHandler({OptimisticLockingFailureException.class, PessimisticLockingFailureException.class})
    ProblemDetail concurrentChange(RuntimeException e) {
        return problem(HttpStatus.CONFLICT, "Concurrent change", "the warning was changed by another request; reload it");
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
    }

    @ExceptionHandler({CannotGetJdbcConnectionException.class, CannotCreateTransactionException.class,
            DataAccessResourceFailureException.class, TransientDataAccessException.class})
    ResponseEntity<ProblemDetail> unavailable(RuntimeException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
                        "the disposal database is unavailable; retry later"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = e.getBody();
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "reason", String.valueOf(f.getDefaultMessage())))
                .toList();
        problem.setDetail("invalid request body");
        problem.setProperty("errors", errors);
        return handleExceptionInternal(e, problem, headers, status, request);
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
