package dustwatch.alert.console;

import dustwatch.contracts.disposal.WarningState;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** An in-memory {@link ConsoleLog} for unit tests only (the service uses the PostgreSQL one). */
public final class MemoryConsoleLog implements ConsoleLog {
    private final List<Entry> entries = new ArrayList<>();
    private final Set<String> sources = new HashSet<>();
    private final Map<String, WarningState> states = new HashMap<>();
    private final Map<String, Entry> warnings = new HashMap<>();

    @Override
    public synchronized Optional<Entry> append(String sourceKey, Kind kind, String warningId, List<String> audiences,
                                               String data, WarningState newState) {
        if (!sources.add(sourceKey)) {
            return Optional.empty();
        }
        if (kind == Kind.WARNING) {
            states.putIfAbsent(warningId, newState == null ? WarningState.ISSUED : newState);
        } else if (newState != null) {
            states.put(warningId, newState);
        }
        Entry entry = new Entry(entries.size() + 1L, kind, warningId, audiences, data, states.get(warningId));
        entries.add(entry);
        if (kind == Kind.WARNING) {
            warnings.put(warningId, entry);
        }
        return Optional.of(entry);
    }

    @Override
    public synchronized long head() {
        return entries.size();
    }

    @Override
    public synchronized List<Entry> after(long id, String audience, int limit) {
        return entries.stream().filter(e -> e.id() > id && e.audiences().contains(audience)).limit(limit)
                .map(this::now).toList();
    }

    @Override
    public synchronized List<Entry> open(String audience, int limit) {
        List<Entry> open = entries.stream().filter(e -> e.kind() == Kind.WARNING && e.audiences().contains(audience)
                && !states.get(e.warningId()).closed()).map(this::now).toList();
        return open.subList(Math.max(0, open.size() - limit), open.size());
    }

    private Entry now(Entry e) {
        return new Entry(e.id(), e.kind(), e.warningId(), e.audiences(), e.data(), states.get(e.warningId()));
    }
}
