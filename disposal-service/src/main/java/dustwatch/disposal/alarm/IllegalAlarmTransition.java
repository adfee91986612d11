package dustwatch.disposal.alarm;

import java.util.Set;
import java.util.stream.Collectors;

/** A step asked of an alarm case in a state that does not allow it (409); the message names both states. */
public final class IllegalAlarmTransition extends RuntimeException {
    private final AlarmState current;
    private final Set<AlarmState> required;

    public IllegalAlarmTransition(String alarmId, String action, AlarmState current, Set<AlarmState> required) {
        super("cannot " + action + " alarm " + alarmId + ": it is " + current + ", " + action + " needs "
                + required.stream().map(Enum::name).sorted().collect(Collectors.joining(" or ")));
        this.current = current;
        this.required = Set.copyOf(required);
    }

    public AlarmState current() {
        return current;
    }

    public Set<AlarmState> required() {
        return required;
    }
}
