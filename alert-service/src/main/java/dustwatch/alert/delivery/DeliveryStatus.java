package dustwatch.alert.delivery;

/** Where a delivery (one message to one recipient) stands. */
public enum DeliveryStatus {
    /** Going through its channels. */
    SENDING,
    /** A channel took it (the last attempt's receipt says which). */
    SENT,
    /** The recipient acknowledged it. */
    READ,
    /** Every channel failed. */
    FAILED,
    /** Recorded, not sent: the enterprise is inside an approved maintenance window. */
    HELD_MAINTENANCE,
    /** Recorded, not sent: the enterprise is reported offline (its sensor warnings are held). */
    HELD_OFFLINE,
    /** Recorded, not sent: the warning was superseded by a higher colour before it went out. */
    HELD_SUPERSEDED,
    /** No longer pursued: the warning was signed in. */
    STOPPED
}
