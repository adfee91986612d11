package dustwatch.alert.delivery;

import java.util.LinkedHashMap;
import java.util.Map;

/** A bounded memory of warning ids already dispatched (oldest forgotten first), so redeliveries are dropped. */
final class SeenWarnings {
    private final Map<String, Boolean> ids;

    SeenWarnings(int capacity) {
        this.ids = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized boolean contains(String warningId) {
        return ids.containsKey(warningId);
    }

    synchronized void add(String warningId) {
        ids.put(warningId, Boolean.TRUE);
    }
}
