package dustwatch.ingest.push;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A push body that is not {@code {"messages":[…]}}: answered 400, nothing kept. */
public class MalformedPushException extends ErrorResponseException {
    public MalformedPushException(String detail) {
        super(HttpStatus.BAD_REQUEST, ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail), null);
    }
}
