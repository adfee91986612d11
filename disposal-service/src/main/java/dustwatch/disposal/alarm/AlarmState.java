package dustwatch.disposal.alarm;

/**
 * States of an alarm case (报警处置), domain reference §4.2:
 * <pre>
 * OPEN --signIn (签收)--> SIGNED_IN --feedback (反馈)--> CLOSED
 * OPEN | SIGNED_IN --recover (signal back to normal, by the system)--> AUTO_RECOVERED --feedback--> CLOSED
 * </pre>
 * An alarm that recovered by itself still needs feedback with a cause.
 */
public enum AlarmState {
    OPEN, SIGNED_IN, AUTO_RECOVERED, CLOSED
}
