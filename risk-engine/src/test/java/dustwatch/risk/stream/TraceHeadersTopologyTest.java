package dustwatch.risk.stream;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dustwatch.contracts.alarm.Alarm;
import dustwatch.contracts.alarm.AlarmStatus;
import dustwatch.contracts.reading.ReadingBatch;
import dustwatch.contracts.risk.Colour;
import dustwatch.contracts.warning.Warning;
import dustwatch.risk.Fixtures;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

import static dustwatch.contracts.reading.ParameterCode.DRY_HOPPER_TEMP;
import static dustwatch.contracts.reading.ParameterCode.FAN_RUN;
import static dustwatch.risk.Fixtures.HUANGSHI;
import static dustwatch.risk.Fixtures.SHIFT_START;
import static dustwatch.risk.Fixtures.WOOD_PLANT;
import static dustwatch.risk.Fixtures.batch;
import static dustwatch.risk.Fixtures.good;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The push's trace id across the risk engine's hop: the alarm and the warning raised by a reading batch carry that
 * batch's W3C {@code traceparent}, and their log lines show its trace id; what the punctuator raises carries none.
 */
class TraceHeadersTopologyTest {
    static final String FIRST = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    static final String SECOND = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    static final String THIRD = "00-5c1e8f00aa2d4b7e9b0c3d2e1f405060-0123456789abcdef-01";

    @TempDir
    Path stateDir;
    Harness harness;
    final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void start() {
        harness = new Harness(stateDir, SHIFT_START);
        logs.start();
        ((Logger) LoggerFactory.getLogger(AlarmProcessor.class)).addAppender(logs);
        ((Logger) LoggerFactory.getLogger(AssessmentProcessor.class)).addAppender(logs);
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger(AlarmProcessor.class)).detachAppender(logs);
        ((Logger) LoggerFactory.getLogger(AssessmentProcessor.class)).detachAppender(logs);
        harness.close();
    }

    @Test
    void theAlarmAndTheWarningCarryTheTraceOfTheBatchThatRaisedThem() {
        harness.registry.pipeInput(WOOD_PLANT, Fixtures.woodPlant());
        Instant t0 = SHIFT_START;
        push(batch(WOOD_PLANT, HUANGSHI, t0, good(WOOD_PLANT, FAN_RUN, 1, t0), good(WOOD_PLANT, DRY_HOPPER_TEMP, 72.0, t0)), FIRST);
        push(batch(WOOD_PLANT, HUANGSHI, t0.plusSeconds(30), good(WOOD_PLANT, DRY_HOPPER_TEMP, 72.3, t0.plusSeconds(30))), SECOND);
        push(batch(WOOD_PLANT, HUANGSHI, t0.plusSeconds(60), good(WOOD_PLANT, DRY_HOPPER_TEMP, 72.6, t0.plusSeconds(60))), THIRD);

        TestRecord<String, Alarm> alarm = harness.alarms.readRecord();
        assertThat(alarm.value().status()).isEqualTo(AlarmStatus.START);
        assertThat(traceparent(alarm.headers())).isEqualTo(THIRD);
        assertThat(alarm.headers().lastHeader(TraceHeaders.TRACESTATE)).isNull();
        // only the trace headers travel: the producer's own (ingest's config version) stay behind
        assertThat(alarm.headers().toArray()).hasSize(1);

        TestRecord<String, Warning> warning = harness.warnings.readRecord();
        assertThat(warning.value().colour()).isEqualTo(Colour.YELLOW);
        assertThat(traceparent(warning.headers())).isEqualTo(THIRD);

        var assessments = harness.assessments.readRecordsToList();
        assertThat(assessments).isNotEmpty();
        assertThat(traceparent(assessments.getLast().headers())).isEqualTo(THIRD);

        ILoggingEvent alarmLine = logs.list.stream().filter(e -> e.getFormattedMessage().startsWith("alarm START DRY_HOPPER_TEMP_HIGH"))
                .findFirst().orElseThrow();
        assertThat(alarmLine.getMDCPropertyMap()).containsEntry("traceId", "5c1e8f00aa2d4b7e9b0c3d2e1f405060")
                .containsEntry("spanId", "0123456789abcdef");
        ILoggingEvent warningLine = logs.list.stream().filter(e -> e.getFormattedMessage().startsWith("YELLOW warning "))
                .findFirst().orElseThrow();
        assertThat(warningLine.getMDCPropertyMap()).containsEntry("traceId", "5c1e8f00aa2d4b7e9b0c3d2e1f405060");
        assertThat(org.slf4j.MDC.get("traceId")).as("cleared after the record").isNull();
    }

    @Test
    void aBatchWithoutTraceRaisesRecordsWithoutOne() {
        harness.registry.pipeInput(WOOD_PLANT, Fixtures.woodPlant());
        Instant t0 = SHIFT_START;
        harness.readings.pipeInput(WOOD_PLANT, batch(WOOD_PLANT, HUANGSHI, t0, good(WOOD_PLANT, FAN_RUN, 1, t0),
                good(WOOD_PLANT, DRY_HOPPER_TEMP, 72.0, t0)));
        harness.readings.pipeInput(WOOD_PLANT, batch(WOOD_PLANT, HUANGSHI, t0.plusSeconds(30),
                good(WOOD_PLANT, DRY_HOPPER_TEMP, 72.3, t0.plusSeconds(30))));
        harness.readings.pipeInput(WOOD_PLANT, batch(WOOD_PLANT, HUANGSHI, t0.plusSeconds(60),
                good(WOOD_PLANT, DRY_HOPPER_TEMP, 72.6, t0.plusSeconds(60))));
        TestRecord<String, Alarm> alarm = harness.alarms.readRecord();
        assertThat(alarm.value().status()).isEqualTo(AlarmStatus.START);
        assertThat(alarm.headers().lastHeader(TraceHeaders.TRACEPARENT)).isNull();
        assertThat(harness.warnings.readRecord().headers().lastHeader(TraceHeaders.TRACEPARENT)).isNull();
    }

    @Test
    void theTraceIdIsReadByTheW3cPropagatorAndAMalformedOneIsIgnored() {
        assertThat(TraceHeaders.spanContext(headers(SECOND)).getTraceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(TraceHeaders.spanContext(headers("00-not-a-trace-01")).isValid()).isFalse();
        assertThat(TraceHeaders.spanContext(new RecordHeaders()).isValid()).isFalse();
        try (var scope = TraceHeaders.inMdc(headers("00-not-a-trace-01"))) {
            assertThat(org.slf4j.MDC.get("traceId")).isNull();
        }
    }

    private void push(ReadingBatch batch, String traceparent) {
        Headers headers = headers(traceparent);
        headers.add("dw-config-version", "ingest-test".getBytes(StandardCharsets.UTF_8));
        harness.readings.pipeInput(new TestRecord<>(WOOD_PLANT, batch, headers));
    }

    private static Headers headers(String traceparent) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(TraceHeaders.TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    private static String traceparent(Headers headers) {
        var header = headers.lastHeader(TraceHeaders.TRACEPARENT);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
