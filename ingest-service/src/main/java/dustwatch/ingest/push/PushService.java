package dustwatch.ingest.push;

import dustwatch.contracts.reading.Heartbeat;
import dustwatch.contracts.reading.ReadingBatch;
import dustwatch.contracts.scope.Actor;
import dustwatch.contracts.topic.Json;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes a push of gateway messages from a city node (市级汇聚节点), in three phases inside one database transaction:
 * <ol>
 *   <li>every message is checked on its own ({@link MessageValidator}); a msgId repeated within the batch for the
 *       same enterprise is a duplicate when the two messages are identical JSON (same members in the same order
 *       with the same values, i.e. byte-identical up to insignificant whitespace), otherwise the repeat is
 *       rejected "msgId … repeated in this batch with different content";</li>
 *   <li>the receipts of ALL valid messages are inserted into {@code ingest.receipt} (key: enterprise USCC + msgId);
 *       a receipt already there makes its message a duplicate. A database failure here throws before anything
 *       was sent to Kafka;</li>
 *   <li>only then are the events of the newly received messages sent ({@code dust.realtime} /
 *       {@code dust.heartbeat}) and all their acks awaited together; a broker failure rolls every receipt back
 *       (503, nothing kept). Then the transaction commits.</li>
 * </ol>
 * <p>Remaining at-least-once window: when every send was acknowledged but the commit itself then fails (database
 * lost between the acks and the COMMIT), the events are on Kafka while the receipts are not, the caller is
 * answered 503 and resends; the resend is accepted again and its events are produced a second time with the same
 * event id (the msgId). Consumers must therefore stay idempotent on (enterprise, event id), as the readings sink
 * is. No acknowledged message is ever lost; a message can at worst be delivered twice.
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
     * @throws org.springframework.dao.DataAccessException when a receipt cannot be inserted; nothing was sent
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
        int duplicates = 0;
        List<Verdict.Rejected> rejected = new ArrayList<>();
        List<Verdict.Valid> valid = new ArrayList<>();
        Map<String, String> firstInBatch = new HashMap<>();
        // phase 1: validate everything, nothing touched yet
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            Verdict verdict = validator.check(i, message, node, now);
            switch (verdict) {
                case Verdict.Rejected r -> rejected.add(r);
                case Verdict.Valid v -> {
                    String content = Json.MAPPER.writeValueAsString(message);
                    String earlier = firstInBatch.putIfAbsent(v.uscc() + "/" + v.msgId(), content);
                    if (earlier == null) {
                        valid.add(v);
                    } else if (earlier.equals(content)) {
                        duplicates++;
                    } else {
                        rejected.add(new Verdict.Rejected(i, v.msgId(), List.of(
                                "msgId " + v.msgId() + " repeated in this batch with different content")));
                    }
                }
            }
        }
        rejected.sort(Comparator.comparingInt(Verdict.Rejected::index));
        // phase 2: every receipt, before any event leaves the service
        List<Verdict.Valid> fresh = new ArrayList<>();
        for (Verdict.Valid v : valid) {
            if (receipts.record(v.msgId(), v.uscc(), v.msgType(), now)) {
                fresh.add(v);
            } else {
                duplicates++;
            }
        }
        // phase 3: send all, await all acks before the commit; a missing ack rolls every receipt back (503)
        List<EventSender.Pending> sends = new ArrayList<>(fresh.size());
        for (Verdict.Valid v : fresh) {
            sends.add(produce(v));
        }
        events.awaitAll(sends);
        return new PushOutcome(fresh.size(), duplicates, rejected);
    }

    private EventSender.Pending produce(Verdict.Valid v) {
        return switch (v.event()) {
            case ReadingBatch batch -> events.send(Topics.READINGS, v.uscc(), batch);
            case Heartbeat heartbeat -> events.send(Topics.HEARTBEATS, v.uscc(), heartbeat);
            default -> throw new IllegalStateException("no topic for " + v.event().getClass());
        };
    }
}
