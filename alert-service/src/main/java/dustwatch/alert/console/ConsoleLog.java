package dustwatch.alert.console;

import dustwatch.contracts.disposal.WarningState;

import java.util.List;
import java.util.Optional;

/**
 * The console event log (值班台推送记录): every event pushed to consoles, numbered in the order consoles see it, with
 * the current state of each warning. Persisted, so a console reconnecting with {@code Last-Event-ID} is replayed what
 * it missed even after a restart. Appends are serialised by the caller ({@link ConsoleHub}).
 */
public interface ConsoleLog {

    /** What a logged event is: a warning, a state change of a warning, an escalation step (督办…), a reminder (催办). */
    enum Kind { WARNING, STATE, ESCALATION, REMINDER }

    /**
     * One logged event.
     *
     * @param id        its position in the log (the SSE id), increasing in the order of appending
     * @param kind      what it is
     * @param warningId the warning it is about
     * @param audiences who receives it, as {@link ConsoleHub#key audience keys}
     * @param data      its JSON object as consoles receive it, without the per-send fields {@code state} and {@code replay}
     * @param state     the warning's state now (not when the event was logged); null when not known
     */
    record Entry(long id, Kind kind, String warningId, List<String> audiences, String data, WarningState state) {
        public Entry {
            audiences = List.copyOf(audiences);
        }
    }

    /**
     * Logs an event unless one with the same source key was logged before (a redelivery).
     *
     * @param sourceKey what the event was made from ({@code warning:<id>}, {@code disposal:<eventId>})
     * @param newState  the warning's state after this event, or null when it does not change it
     * @return the logged entry, or empty when the source key was logged already
     */
    Optional<Entry> append(String sourceKey, Kind kind, String warningId, List<String> audiences, String data,
                           WarningState newState);

    /** The id of the last logged event, 0 when none. */
    long head();

    /** The events after {@code id} that reach {@code audience}, oldest first, at most {@code limit}. */
    List<Entry> after(long id, String audience, int limit);

    /** The WARNING events of the warnings not closed (not CLEARED or SUPERSEDED) that reach {@code audience}, oldest first, at most {@code limit} (the newest). */
    List<Entry> open(String audience, int limit);
}
