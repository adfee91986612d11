package dustwatch.alert.delivery;

/** What a channel got back for a message (回执). */
public enum Receipt {
    /** Queued on the duty console stream of the recipient's unit. */
    CONSOLE_QUEUED,
    /** The recipient marked it read on the console. */
    CONSOLE_ACKNOWLEDGED,
    /** The SMS provider accepted it (2xx with a message id). */
    PROVIDER_ACCEPTED,
    /** The SMTP server accepted it. */
    SMTP_ACCEPTED,
    /** The webhook answered 2xx. */
    WEBHOOK_2XX
}
