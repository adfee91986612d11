package dustwatch.disposal.warning;

import dustwatch.contracts.disposal.DisposalEvent;

import java.util.List;

/**
 * The append-only timeline (处置记录) of warning cases; the database refuses UPDATE and DELETE on it.
 * Implemented by {@code persistence.JdbcTimeline}.
 */
public interface Timeline {

    /** Appends one event, in the caller's transaction. */
    void append(DisposalEvent event);

    /** The events of one warning in the order they were appended. */
    List<DisposalEvent> of(String warningId);
}
