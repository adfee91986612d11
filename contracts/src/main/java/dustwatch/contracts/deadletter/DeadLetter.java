package dustwatch.contracts.deadletter;

import java.time.Instant;

/**
 * A record a service read but could not apply (死信), with the reason: the value on {@code dust.dead-letter},
 * keyed by USCC when known. Data is never silently dropped.
 *
 * @param sourceTopic the topic the record came from
 * @param key         its key (the USCC), may be null
 * @param eventId     its event id when it has one
 * @param reason      a stable code, e.g. {@code UNREGISTERED_ENTERPRISE}, {@code INVALID_FILING_WINDOW}
 * @param detail      a human sentence
 * @param service     which service wrote it, e.g. {@code risk-engine}
 * @param at          when (wall-clock time)
 */
public record DeadLetter(String sourceTopic, String key, String eventId, String reason, String detail,
                         String service, Instant at) {
}
