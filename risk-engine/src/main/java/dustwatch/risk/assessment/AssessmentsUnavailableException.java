package dustwatch.risk.assessment;

/** The assessments cannot be read right now (streams starting or rebalancing); answered 503 with Retry-After. */
public class AssessmentsUnavailableException extends RuntimeException {
    public AssessmentsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
