package dustwatch.contracts.filing;

import java.time.Instant;

/**
 * A stop-production or maintenance filing (停产/检修报备): the value on {@code dust.filing}, keyed by USCC. Sent
 * by the city node (FILING message) or entered by the enterprise through the API; a later event with the same
 * {@code filingId} replaces an earlier one (approval, revocation). Domain reference §2.4 (FILING) and §2.6.
 *
 * @param filingId      id of the filing; events about one filing share it
 * @param uscc          enterprise code
 * @param regionCode    the enterprise's region
 * @param kind          stop production, maintenance or collector out of service
 * @param collectorCode the collector in scope ({@code {USCC}-DC{nnn}}), null for the whole enterprise
 * @param start         start of the declared window
 * @param plannedEnd    planned end; the filing expires by itself at this time
 * @param reason        why, as declared
 * @param status        SUBMITTED, APPROVED, REJECTED or REVOKED
 * @param approver      username of the approver, null until approved
 * @param approverTier  TOWN or DISTRICT, null until approved
 * @param source        NODE (city node message) or API (entered by the enterprise)
 * @param at            when this event happened
 */
public record Filing(
        String filingId,
        String uscc,
        String regionCode,
        FilingKind kind,
        String collectorCode,
        Instant start,
        Instant plannedEnd,
        String reason,
        FilingStatus status,
        String approver,
        String approverTier,
        String source,
        Instant at) {

    /** True when the filing is approved and {@code t} lies in {@code [start, plannedEnd)}. */
    public boolean coversTime(Instant t) {
        return status == FilingStatus.APPROVED && start != null && plannedEnd != null
                && !t.isBefore(start) && t.isBefore(plannedEnd);
    }

    /** True when the filing covers {@code t} and its scope includes {@code collector} (null = enterprise-wide). */
    public boolean covers(String collector, Instant t) {
        return coversTime(t) && (collectorCode == null || collectorCode.equals(collector));
    }
}
