package dustwatch.risk.stream;

import java.util.ArrayList;
import java.util.List;

/**
 * The latest event ids (reading batches, disposal events) processed for one enterprise, so that a redelivered
 * event is applied once. Bounded: the oldest ids are dropped beyond {@link #CAPACITY}.
 *
 * @param ids oldest first
 */
public record SeenEvents(List<String> ids) {
    /** How many ids are remembered per enterprise. */
    public static final int CAPACITY = 64;

    public SeenEvents {
        ids = ids == null ? List.of() : List.copyOf(ids);
    }

    /** True when {@code eventId} was processed already. */
    public boolean contains(String eventId) {
        return ids.contains(eventId);
    }

    /** A copy that also remembers {@code eventId}. */
    public SeenEvents with(String eventId) {
        List<String> next = new ArrayList<>(ids);
        next.add(eventId);
        while (next.size() > CAPACITY) {
            next.removeFirst();
        }
        return new SeenEvents(next);
    }
}
