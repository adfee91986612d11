package dustwatch.alert.maintenance;

import java.time.Instant;

/**
 * A maintenance window (检修窗口): while it lasts, the enterprise's warnings are recorded, not dispatched. Approved
 * by a district (or higher) unit covering the enterprise; it expires by itself at {@code endsAt}.
 */
public record MaintenanceWindow(long id, String uscc, String regionCode, Instant startsAt, Instant endsAt,
                                String reason, String approvedBy, Instant approvedAt) {
    public boolean covers(Instant at) {
        return !at.isBefore(startsAt) && at.isBefore(endsAt);
    }
}
