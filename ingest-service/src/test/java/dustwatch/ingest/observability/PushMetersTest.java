package dustwatch.ingest.observability;

import dustwatch.ingest.platform.ReasonCode;
import dustwatch.ingest.push.PushOutcome;
import dustwatch.ingest.push.Reason;
import dustwatch.ingest.push.Verdict;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The counters follow what the push answers said, message by message and reason by reason. */
class PushMetersTest {
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final PushMeters meters = new PushMeters(registry);

    @Test
    void anAcceptedPushCountsItsMessages() {
        meters.record(new PushOutcome(7, 2, List.of()));
        assertThat(count("accepted")).isEqualTo(7);
        assertThat(count("duplicate")).isEqualTo(2);
        assertThat(count("rejected")).isZero();
    }

    @Test
    void aPartlyRefusedPushCountsEachReasonByCode() {
        ReasonCode first = ReasonCode.values()[0];
        ReasonCode second = ReasonCode.values()[1];
        var refused = new Verdict.Rejected(1, "m-1", List.of(new Reason(first, "points[0]", "x"), new Reason(second, null, "y")));
        var alsoRefused = new Verdict.Rejected(2, "m-2", List.of(new Reason(first, null, "z")));
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        problem.setProperty("accepted", 3);
        problem.setProperty("duplicates", 0);
        problem.setProperty("rejected", List.of(refused, alsoRefused));

        meters.record(problem);

        assertThat(count("accepted")).isEqualTo(3);
        assertThat(count("rejected")).isEqualTo(2);
        assertThat(registry.get("dustwatch.ingest.rejections").tag("reason", first.name()).tag("scope", "message")
                .counter().count()).isEqualTo(2);
        assertThat(registry.get("dustwatch.ingest.rejections").tag("reason", second.name()).counter().count()).isEqualTo(1);
    }

    @Test
    void aWholeRequestRefusedCountsItsCode() {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.PAYLOAD_TOO_LARGE);
        problem.setProperty("code", "REQUEST_TOO_LARGE");
        meters.record(problem);
        assertThat(registry.get("dustwatch.ingest.rejections").tag("reason", "REQUEST_TOO_LARGE").tag("scope", "request")
                .counter().count()).isEqualTo(1);
    }

    private double count(String outcome) {
        return registry.get("dustwatch.ingest.messages").tag("outcome", outcome).counter().count();
    }
}
