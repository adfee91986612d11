package dustwatch.alert.delivery;

/**
 * A channel (推送渠道) for one message to one person: console, SMS, e-mail, webhook. The notifier calls it off the
 * consumer's thread, wrapped in the channel's retry, circuit breaker and bulkhead ({@code dustwatch.alert.notify.resilience}).
 */
public interface Channel {
    ChannelName name();

    /** Whether the message has an address on this channel (a phone for SMS, an e-mail, a webhook). */
    boolean canReach(Message message);

    /**
     * Sends the message and waits for the channel's answer.
     *
     * @return the receipt
     * @throws Exception when the channel failed (a retry may follow)
     */
    Receipt send(Message message) throws Exception;
}
