package dustwatch.alert.console;

import dustwatch.alert.routing.RoutedWarning;
import dustwatch.contracts.scope.Actor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** The recent warnings kept in memory for replay to newly connected consoles; bounded by count and age. Not thread-safe. */
final class ReplayBuffer {
    private record Entry(RoutedWarning warning, Instant at) {
    }

    private final Deque<Entry> entries = new ArrayDeque<>();
    private final Set<String> ids = new HashSet<>();
    private final int capacity;
    private final Duration window;

    ReplayBuffer(int capacity, Duration window) {
        this.capacity = capacity;
        this.window = window;
    }

    /**
     * Keeps a warning, aged by its issue time (arrival time when it has none).
     *
     * @return false when a warning with this id is already kept
     */
    boolean add(RoutedWarning warning, Instant now) {
        if (!ids.add(warning.warning().warningId())) {
            return false;
        }
        Instant issued = warning.warning().issuedAt();
        entries.addLast(new Entry(warning, issued == null ? now : issued));
        while (entries.size() > capacity) {
            ids.remove(entries.removeFirst().warning().warning().warningId());
        }
        return true;
    }

    /** The kept warnings that reach {@code actor} and are at most the window old, oldest first, at most {@code limit} (the newest). */
    List<RoutedWarning> recent(Actor actor, Instant now, int limit) {
        Instant since = now.minus(window);
        for (Iterator<Entry> it = entries.iterator(); it.hasNext(); ) {
            Entry entry = it.next();
            if (entry.at().isBefore(since)) {
                it.remove();
                ids.remove(entry.warning().warning().warningId());
            }
        }
        List<RoutedWarning> reaching = entries.stream().map(Entry::warning).filter(w -> w.reaches(actor)).toList();
        return reaching.subList(Math.max(0, reaching.size() - limit), reaching.size());
    }
}
