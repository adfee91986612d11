package dustwatch.contracts.alarm;

/** Alarm types of domain reference §2.4. */
public enum AlarmType {
    HIGH, HIGH_HIGH, LOW, LOW_LOW, RATE, DI_FAULT, FLATLINE, OFFLINE
}
