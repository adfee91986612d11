package dustwatch.risk.assessment.web;

import dustwatch.risk.assessment.AssessmentsUnavailableException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Asks the engine instance that holds an enterprise's state (Kafka Streams interactive queries across
 * instances) with the caller's own bearer token, and relays its answer: status, content type, body and
 * {@code Retry-After}. That instance checks the token and the scope exactly as this one would. A forwarded
 * request carries {@link #FORWARDED}, and is always answered where it arrives, so a request never travels
 * twice (during a rebalance it may then answer 404 or 503, never loop).
 */
@Component
class InstanceForwarder {
    static final String FORWARDED = "X-Dustwatch-Forwarded";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    ResponseEntity<byte[]> forward(URI instance, String pathAndQuery, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(instance.resolve(pathAndQuery)).timeout(TIMEOUT)
                .header(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE + ", " + MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                .header(FORWARDED, "1")
                .GET();
        if (authorization != null) {
            request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        try {
            HttpResponse<byte[]> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            ResponseEntity.BodyBuilder relayed = ResponseEntity.status(HttpStatus.valueOf(answer.statusCode()));
            answer.headers().firstValue(HttpHeaders.CONTENT_TYPE).ifPresent(type -> relayed.header(HttpHeaders.CONTENT_TYPE, type));
            answer.headers().firstValue(HttpHeaders.RETRY_AFTER).ifPresent(after -> relayed.header(HttpHeaders.RETRY_AFTER, after));
            return relayed.body(answer.body());
        } catch (IOException e) {
            throw new AssessmentsUnavailableException("the instance holding the enterprise (" + instance + ") did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssessmentsUnavailableException("interrupted while asking " + instance, e);
        }
    }
}
