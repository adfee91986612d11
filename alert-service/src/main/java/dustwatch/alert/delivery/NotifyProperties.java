package dustwatch.alert.delivery;

import dustwatch.contracts.risk.Colour;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * {@code dustwatch.alert.notify.*}: channels, fallbacks and reminders (defaults in application.yml).
 *
 * @param zone            the zone of rosters and of times in messages (Asia/Shanghai)
 * @param sender          the From of e-mails
 * @param chain           channels tried in order per colour
 * @param unreadLimit     how long a console message may stay unread before the next channel is tried, per colour
 * @param reminderCadence reminders (催办) to the enterprise until it signs the warning in, per colour
 * @param tick            how often reminders, and console messages unread past their limit, are looked for
 * @param sms             the SMS provider
 * @param webhook         webhooks
 * @param resilience      retry, circuit breaker and bulkhead per channel name
 */
@ConfigurationProperties("dustwatch.alert.notify")
public record NotifyProperties(ZoneId zone, String sender, Map<Colour, List<ChannelName>> chain,
                               Map<Colour, Duration> unreadLimit, Map<Colour, Duration> reminderCadence, Duration tick,
                               Sms sms, Webhook webhook, Map<ChannelName, Resilience> resilience) {

    public NotifyProperties {
        for (Colour colour : Colour.values()) {
            if (chain == null || !chain.containsKey(colour) || unreadLimit == null || !unreadLimit.containsKey(colour)
                    || reminderCadence == null || !reminderCadence.containsKey(colour)) {
                throw new IllegalArgumentException("dustwatch.alert.notify chain, unread-limit and reminder-cadence need "
                        + colour);
            }
        }
        for (ChannelName name : ChannelName.values()) {
            if (resilience == null || !resilience.containsKey(name)) {
                throw new IllegalArgumentException("dustwatch.alert.notify.resilience." + name + " is required");
            }
        }
    }

    /** The chain of a colour; events without colour (alarm overdue) use RED's. */
    public List<ChannelName> chainFor(String colour) {
        return chain.get(colour(colour));
    }

    public Duration unreadLimitFor(String colour) {
        return unreadLimit.get(colour(colour));
    }

    private static Colour colour(String colour) {
        try {
            return Colour.valueOf(colour);
        } catch (RuntimeException none) {
            return Colour.RED;
        }
    }

    public record Sms(String url, Duration timeout) {
    }

    public record Webhook(Duration timeout) {
    }

    /**
     * resilience4j settings of one channel.
     *
     * @param maxAttempts          tries per message (retry)
     * @param retryWait            pause between tries
     * @param failureRateThreshold percentage of failed calls that opens the breaker
     * @param minimumCalls         calls before the failure rate counts
     * @param slidingWindow        calls the failure rate is taken over
     * @param openFor              how long the breaker stays open before letting a trial call through
     * @param maxConcurrent        messages on the channel at once (bulkhead)
     */
    public record Resilience(int maxAttempts, Duration retryWait, float failureRateThreshold, int minimumCalls,
                             int slidingWindow, Duration openFor, int maxConcurrent) {
    }
}
