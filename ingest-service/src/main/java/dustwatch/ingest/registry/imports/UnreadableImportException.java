package dustwatch.ingest.registry.imports;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A whole import refused before any row was registered: not a CSV or xlsx (415), no usable header (400), too many
 * rows or too large (413). Answered as a problem whose detail says what to change.
 */
public class UnreadableImportException extends ErrorResponseException {

    public UnreadableImportException(HttpStatus status, String detail) {
        super(status, problem(status, detail), null);
    }

    private static ProblemDetail problem(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle("Registry import refused");
        return problem;
    }
}
