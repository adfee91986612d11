package dustwatch.ingest.registry;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.util.List;

/** A registration refused by validation: answered 422 problem with {@code errors:[{field, reason}]}. */
public class InvalidRegistrationException extends ErrorResponseException {
    private final List<FieldError> errors;

    public InvalidRegistrationException(List<FieldError> errors) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, problem(errors), null);
        this.errors = List.copyOf(errors);
    }

    private static ProblemDetail problem(List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                errors.size() + " field(s) of the registration are invalid");
        problem.setTitle("Invalid enterprise registration");
        problem.setProperty("errors", List.copyOf(errors));
        return problem;
    }

    /** The reasons, never empty. */
    public List<FieldError> errors() {
        return errors;
    }
}
