package dustwatch.ingest.filing;

import dustwatch.contracts.filing.FilingKind;

import java.time.Instant;

/**
 * A filing (报备) as entered through the API.
 *
 * @param uscc          the enterprise (an enterprise user may leave it out: its own)
 * @param kind          STOP_PRODUCTION, MAINTENANCE or COLLECTOR_OUT_OF_SERVICE
 * @param collectorCode the collector in scope ({@code {USCC}-DC{nnn}}), null for the whole enterprise
 * @param start         start of the window
 * @param plannedEnd    planned end (the filing expires by itself)
 * @param reason        why
 */
public record FilingRequest(String uscc, FilingKind kind, String collectorCode, Instant start, Instant plannedEnd,
                            String reason) {
}
