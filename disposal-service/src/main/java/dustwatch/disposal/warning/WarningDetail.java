package dustwatch.disposal.warning;

import dustwatch.contracts.disposal.DisposalEvent;

import java.util.List;

/**
 * A warning case with its timeline (处置记录).
 *
 * @param warning  the case
 * @param timeline its events, oldest first
 */
public record WarningDetail(WarningRecord warning, List<DisposalEvent> timeline) {
    public WarningDetail {
        timeline = List.copyOf(timeline);
    }
}
