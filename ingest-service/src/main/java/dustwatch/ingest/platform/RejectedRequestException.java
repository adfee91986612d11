package dustwatch.ingest.platform;

import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.util.Map;

/**
 * A whole request refused before any of it was kept: a problem with {@code code} ({@link ReasonCode}), answered
 * with {@link ReasonCode#requestStatus()}.
 */
public class RejectedRequestException extends ErrorResponseException {
    private final ReasonCode code;

    public RejectedRequestException(ReasonCode code, String detail) {
        this(code, detail, Map.of());
    }

    /** With extra problem members, e.g. {@code limit}. */
    public RejectedRequestException(ReasonCode code, String detail, Map<String, Object> properties) {
        super(code.requestStatus(), problem(code, detail, properties), null);
        this.code = code;
    }

    private static ProblemDetail problem(ReasonCode code, String detail, Map<String, Object> properties) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(code.requestStatus(), detail);
        p.setTitle(code.english());
        p.setProperty("code", code.name());
        properties.forEach(p::setProperty);
        return p;
    }

    /** The same refusal, telling the caller when to try again. */
    public RejectedRequestException retryAfter(java.time.Duration wait) {
        getHeaders().set(org.springframework.http.HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, wait.toSeconds())));
        return this;
    }

    public ReasonCode code() {
        return code;
    }
}
