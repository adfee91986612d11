package dustwatch.alert.routing;

/** What is announced: a warning (预警), a step of its escalation ladder (升级督办), or an alarm past its SLA (报警超时). */
public enum EventKind {
    WARNING, ESCALATION, ALARM_OVERDUE
}
