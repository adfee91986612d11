package dustwatch.ingest.push;

import dustwatch.contracts.reading.Heartbeat;
import dustwatch.contracts.reading.ReadingBatch;
import dustwatch.contracts.scope.Actor;
import dustwatch.contracts.topic.Topics;
import dustwatch.ingest.platform.EventSender;
import dustwatch.ingest.push.persistence.ReceiptRepository;
import dustwatch.ingest.registry.Registry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes a push of gateway messages from a city node (市级汇聚节点). Each message is checked on its own
 * ({@link MessageValidator}); every valid one gets a receipt in {@code ingest.receipt} and its event on Kafka
 * ({@code dust.realtime} or {@code dust.heartbeat}), all in one database transaction; the sends are awaited together before the commit, so
 * that a broker failure rolls back every receipt of the request and nothing acknowledged is lost.
 */
@Service
public class PushService {
    private final MessageValidator validator;
    private final IngestLimits limits;
    private final ReceiptRepository receipts;
    private final EventSender events;
    private final Clock clock;

    public PushService(IngestLimits limits, Registry registry, ReceiptRepository receipts, EventSender events, Clock clock) {
        this.validator = new MessageValidator(limits, registry::find);
        this.limits = limits;
        this.receipts = receipts;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Handles {@code {"messages":[…]}} pushed by {@code node}.
     *
     * @throws MalformedPushException (400) when the body has no {@code messages} array
     * @throws BatchTooLargeException (413) when it has more than {@link IngestLimits#maxMessages()} messages
     * @throws dustwatch.ingest.platform.BrokerUnavailableException (503) when Kafka does not ack; nothing is kept
     */
    @Transactional
    public PushOutcome push(JsonNode body, Actor node) {
        JsonNode messages = body == null ? null : body.get("messages");
        if (messages == null || !messages.isArray()) {
            throw new MalformedPushException("the body must be {\"messages\":[...]}");
        }
        if (messages.size() > limits.maxMessages()) {
            throw new BatchTooLargeException(messages.size(), limits.maxMessages());
        }
        Instant now = clock.instant();
        int accepted = 0;
        int duplicates = 0;
        List<Verdict.Rejected> rejected = new ArrayList<>();
        List<EventSender.Pending> sends = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            Verdict verdict = validator.check(i, messages.get(i), node, now);
            switch (verdict) {
                case Verdict.Rejected r -> rejected.add(r);
                case Verdict.Valid v -> {
                    if (!receipts.record(v.msgId(), v.uscc(), v.msgType(), now)) {
                        duplicates++;
                    } else {
                        sends.add(produce(v));
                        accepted++;
                    }
                }
            }
        }
        // every event acknowledged before the receipts commit; otherwise all roll back (503)
        events.awaitAll(sends);
        return new PushOutcome(accepted, duplicates, rejected);
    }

    private EventSender.Pending produce(Verdict.Valid v) {
        return switch (v.event()) {
            case ReadingBatch batch -> events.send(Topics.READINGS, v.uscc(), batch);
            case Heartbeat heartbeat -> events.send(Topics.HEARTBEATS, v.uscc(), heartbeat);
            default -> throw new IllegalStateException("no topic for " + v.event().getClass());
        };
    }
}
