package dustwatch.risk.model;

import java.util.List;

/**
 * A configured hard trigger (一票否决, §3.2) combining alarms of rules: it fires when, for every rule of
 * {@code allOf}, an alarm of that rule is active for at least {@code heldMinutes}, or (when
 * {@code withinMinutes} &gt; 0) started within the last {@code withinMinutes}. Examples: hopper temperature
 * high-high held 10 min; sparks plus rising hopper temperature within 10 min. Rules flagged
 * {@code hard-trigger} fire on their own the moment they start.
 *
 * @param id            stamped on the assessment as its {@code hardTrigger}
 * @param description   a human sentence, e.g. 灰斗温度高高报警持续 10 min
 * @param allOf         rule ids
 * @param heldMinutes   how long each alarm must have been active (0 = just active)
 * @param withinMinutes &gt; 0: an alarm that started this recently counts even if it has ended
 */
public record HardTrigger(String id, String description, List<String> allOf, long heldMinutes, long withinMinutes) {
    public HardTrigger {
        if (id == null || id.isBlank() || allOf == null || allOf.isEmpty()) {
            throw new IllegalArgumentException("a hard trigger needs an id and at least one rule in all-of");
        }
        allOf = List.copyOf(allOf);
    }
}
