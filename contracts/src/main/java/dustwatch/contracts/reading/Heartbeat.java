package dustwatch.contracts.reading;

import java.time.Instant;

/**
 * A gateway heartbeat (心跳), sent every 60 s even when no value changed. Domain reference §1.3, §2.4.
 *
 * @param eventId             id of this event (the message's msgId)
 * @param uscc                enterprise code
 * @param gatewayCode         {@code {USCC}-GW{nn}}
 * @param time                when the gateway sent it
 * @param firmwareVersion     gateway firmware, may be null
 * @param bufferedMessages    messages waiting in the gateway's store-and-forward buffer
 * @param dataSourceConnected false when the gateway lives but lost its PLC/sensor bus
 */
public record Heartbeat(
        String eventId,
        String uscc,
        String gatewayCode,
        Instant time,
        String firmwareVersion,
        int bufferedMessages,
        boolean dataSourceConnected) {
}
