package dustwatch.alert.console;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.time.Duration;

/** 503 problem with {@code Retry-After}: as many consoles are connected as {@code dustwatch.alert.console.max-clients} allows. */
public final class ConsoleFullException extends ErrorResponseException {
    private final HttpHeaders headers = new HttpHeaders();

    ConsoleFullException(int maxClients, Duration retryAfter) {
        super(HttpStatus.SERVICE_UNAVAILABLE, ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "All " + maxClients + " console slots are taken; retry in " + retryAfter.toSeconds() + " s"), null);
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter.toSeconds()));
    }

    @Override
    public HttpHeaders getHeaders() {
        return headers;
    }
}
