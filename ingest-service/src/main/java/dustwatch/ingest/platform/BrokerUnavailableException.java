package dustwatch.ingest.platform;

/** Kafka did not acknowledge an event in time; the request is answered 503 with {@code Retry-After}. */
public class BrokerUnavailableException extends RuntimeException {
    public BrokerUnavailableException(String topic, Throwable cause) {
        super("the message bus did not acknowledge an event on " + topic + ": " + cause.getMessage(), cause);
    }
}
