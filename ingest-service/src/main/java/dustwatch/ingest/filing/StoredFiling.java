package dustwatch.ingest.filing;

import dustwatch.contracts.filing.Filing;
import dustwatch.contracts.filing.FilingKind;
import dustwatch.contracts.filing.FilingStatus;

import java.time.Instant;

/**
 * A filing (报备) as ingest keeps it and answers it: the declared window, its state and who decided it.
 *
 * @param filingId      id
 * @param uscc          enterprise
 * @param regionCode    the enterprise's region
 * @param kind          what is declared
 * @param collectorCode the collector in scope, null for the whole enterprise
 * @param start         start of the window
 * @param plannedEnd    planned end
 * @param reason        why
 * @param status        the state shown at the time of reading (EXPIRED past the planned end)
 * @param source        API (entered by a user) or NODE (a city node's FILING message)
 * @param msgId         the node message's id, null for API filings
 * @param filedBy       username (or node) that filed
 * @param filedAt       when it was filed
 * @param decidedBy     who approved or rejected it, null before
 * @param decidedTier   TOWN or DISTRICT, null before
 * @param decidedAt     when it was approved or rejected
 * @param remark        the rejection's remark
 * @param closedAt      when it was withdrawn or ended
 * @param updatedAt     last change
 */
public record StoredFiling(String filingId, String uscc, String regionCode, FilingKind kind, String collectorCode,
                           Instant start, Instant plannedEnd, String reason, FilingStatus status, String source,
                           String msgId, String filedBy, Instant filedAt, String decidedBy, String decidedTier,
                           Instant decidedAt, String remark, Instant closedAt, Instant updatedAt) {

    /** This filing as shown at {@code now}. */
    public StoredFiling shownAt(Instant now) {
        FilingStatus shown = FilingLifecycle.shown(status, plannedEnd, now);
        return shown == status ? this : new StoredFiling(filingId, uscc, regionCode, kind, collectorCode, start,
                plannedEnd, reason, shown, source, msgId, filedBy, filedAt, decidedBy, decidedTier, decidedAt, remark,
                closedAt, updatedAt);
    }

    /** The event on {@code dust.filing} announcing this state. */
    public Filing event() {
        return new Filing(filingId, uscc, regionCode, kind, collectorCode, start, plannedEnd, reason, status,
                status == FilingStatus.REJECTED ? null : decidedBy, status == FilingStatus.REJECTED ? null : decidedTier,
                source, updatedAt);
    }
}
