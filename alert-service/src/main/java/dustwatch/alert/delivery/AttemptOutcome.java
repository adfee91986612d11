package dustwatch.alert.delivery;

/** The result of one attempt on one channel. */
public enum AttemptOutcome {
    /** Handed over; the receipt says how far. */
    SENT,
    /** The channel failed (an exception or a non-2xx answer); a retry may follow. */
    FAILED,
    /** Not tried: the channel's circuit breaker is open. */
    BREAKER_OPEN,
    /** Not tried: the channel's bulkhead is full. */
    BULKHEAD_FULL,
    /** Not tried: the recipient has no address on this channel (no phone, e-mail or webhook). */
    UNREACHABLE,
    /** Sent on the console but not read within the colour's limit; the next channel follows. */
    UNREAD_TIMEOUT,
    /** The recipient acknowledged the message. */
    READ
}
