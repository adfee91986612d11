package dustwatch.contracts.alarm;

/** Whether an alarm event starts or ends the alarm (报警开始/报警结束). */
public enum AlarmStatus {
    START, END
}
