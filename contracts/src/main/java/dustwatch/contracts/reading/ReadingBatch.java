package dustwatch.contracts.reading;

import java.time.Instant;
import java.util.List;

/**
 * The readings of one accepted REALTIME message (实时数据): the value on {@code dust.realtime}. Domain
 * reference §2.4.
 *
 * @param eventId             id of this event (consumers are idempotent on it); equals the message's msgId
 * @param uscc                enterprise code (the record key)
 * @param regionCode          the enterprise's region, copied from the registry at ingest
 * @param gatewayCode         {@code {USCC}-GW{nn}}
 * @param collectTime         the message's collect time
 * @param resend              true for store-and-forward data (续传, reportType RESEND)
 * @param dataSourceConnected false when the gateway lives but lost its PLC/sensor bus
 * @param receivedAt          when ingest accepted the message
 * @param readings            the point values, never null
 */
public record ReadingBatch(
        String eventId,
        String uscc,
        String regionCode,
        String gatewayCode,
        Instant collectTime,
        boolean resend,
        boolean dataSourceConnected,
        Instant receivedAt,
        List<Reading> readings) {

    public ReadingBatch {
        readings = readings == null ? List.of() : List.copyOf(readings);
    }
}
