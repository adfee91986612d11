package dustwatch.disposal.warning;

/**
 * Published (Spring application event, synchronously, inside the receiving transaction) when a warning case
 * is opened, so that other features (the escalation ladder) can arm their timers in the same transaction.
 *
 * @param warning the new case
 */
public record WarningOpened(WarningRecord warning) {
}
