package dustwatch.contracts.reading;

/** AI analog, DI digital (0/1), CNT counter/event. Domain reference §1.2. */
public enum SignalType {
    AI, DI, CNT
}
