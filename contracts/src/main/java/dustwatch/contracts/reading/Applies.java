package dustwatch.contracts.reading;

/** Which collectors a parameter belongs to. */
public enum Applies {
    DRY, WET, BOTH
}
