package dustwatch.ingest.readings;

import java.time.Instant;

/**
 * One row of {@code ingest.reading} as answered by {@code GET /api/v1/readings}.
 *
 * @param pointCode   {@code {collectorCode}-{paramCode}[-{n}]}
 * @param collectTime when the gateway sampled the value
 * @param uscc        the enterprise
 * @param paramCode   the catalogue parameter, e.g. {@code DRY_DP}
 * @param value       the value in the parameter's unit
 * @param unit        the catalogue unit ({@code Pa}, {@code ℃} …)
 * @param quality     quality code 0–7 (§2.5)
 * @param eventId     the ReadingBatch (msgId) the value came in
 * @param receivedAt  when the sink stored it
 * @param originalValue the value as the gateway sent it, before conversion to {@code unit}
 * @param originalUnit  the unit the gateway sent; null when it sent none (the catalogue unit was assumed)
 */
public record StoredReading(String pointCode, Instant collectTime, String uscc, String paramCode, double value,
                            String unit, int quality, String eventId, Instant receivedAt, Double originalValue,
                            String originalUnit) {
}
