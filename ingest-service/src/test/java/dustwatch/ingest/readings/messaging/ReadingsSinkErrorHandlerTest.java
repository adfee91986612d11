package dustwatch.ingest.readings.messaging;

import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

/** The sink retries what a retry can cure (broker timeouts, an unavailable database) and gives up on the rest. */
class ReadingsSinkErrorHandlerTest {

    @Test
    void timeoutsAndAnUnavailableDatabaseAreTransient() {
        assertThat(ReadingsSinkConfiguration.transientFailure(new TimeoutException("commit timed out"))).isTrue();
        assertThat(ReadingsSinkConfiguration.transientFailure(new ListenerExecutionFailedException("listener failed",
                new CannotGetJdbcConnectionException("pool", new SQLException("connection refused"))))).isTrue();
        assertThat(ReadingsSinkConfiguration.transientFailure(new ListenerExecutionFailedException("listener failed",
                new DataIntegrityViolationException("bad value")))).isFalse();
        assertThat(ReadingsSinkConfiguration.transientFailure(new IllegalStateException("bug"))).isFalse();
    }

    @Test
    void aBrokerTimeoutOutsideARecordIsRiddenOutNotRefused() {
        var handler = ReadingsSinkConfiguration.errorHandler();
        long t0 = System.nanoTime();
        assertThatNoException().isThrownBy(() -> handler.handleOtherException(new TimeoutException("commitSync timed out"),
                null, null, false));
        assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(1_900_000_000L);
        assertThatThrownBy(() -> handler.handleOtherException(new IllegalArgumentException("bug"), null, null, false))
                .hasMessageContaining("cannot process");
    }
}
