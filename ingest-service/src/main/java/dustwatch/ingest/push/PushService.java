package dustwatch.ingest.push;

import dustwatch.contracts.filing.Filing;
import dustwatch.contracts.filing.FilingStatus;
import dustwatch.ingest.filing.FilingDesk;
import dustwatch.ingest.filing.StoredFiling;
import dustwatch.ingest.platform.ReasonCode;
import dustwatch.ingest.platform.RejectedRequestException;
import dustwatch.contracts.reading.Heartbeat;
import dustwatch.contracts.reading.Reading;
import dustwatch.contracts.reading.ReadingBatch;
import dustwatch.contracts.scope.Actor;
import dustwatch.contracts.topic.Json;
import dustwatch.contracts.enterprise.EnterpriseProfile;
import dustwatch.contracts.topic.Topics;
import dustwatch.ingest.platform.EventSender;
import dustwatch.ingest.push.persistence.ReceiptRepository;
import dustwatch.ingest.push.persistence.StoredValues;
import dustwatch.ingest.readings.persistence.ReadingRepository;
import dustwatch.ingest.registry.Registry;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Takes a push of gateway messages from a city node (市级汇聚节点), in phases inside one database transaction:
 * <ol>
 *   <li>every message is checked on its own ({@link MessageValidator}); a msgId repeated within the batch for the
 *       same enterprise is a duplicate when the two messages are identical JSON (same members in the same order
 *       with the same values), otherwise the repeat is refused {@link ReasonCode#MSGID_CONFLICT};</li>
 *   <li>the msgIds received before are looked up ({@code ingest.receipt} keeps a SHA-256 of each accepted
 *       message): the same content again is an acknowledged duplicate, other content a
 *       {@link ReasonCode#MSGID_CONFLICT};</li>
 *   <li>nothing silently dropped: a value for a point and second that the same message, an earlier message of the
 *       push or the readings store already holds with another value or quality refuses its message
 *       {@link ReasonCode#READING_CONFLICT} (the same value and quality again is harmless and accepted); pushes of
 *       one enterprise take turns here (a transaction-scoped lock per enterprise);</li>
 *   <li>the receipts of the remaining messages are inserted (one statement); one that a concurrent push inserted meanwhile is
 *       judged as in phase 2. The readings of the new messages are stored ({@code ingest.reading}, one statement),
 *       so a later push sees them at once. A database failure here throws before anything was sent to Kafka;</li>
 *   <li>only then are the events of the newly received messages sent ({@code dust.realtime} /
 *       {@code dust.heartbeat}; a FILING is stored SUBMITTED in {@code ingest.filing} and announced on
 *       {@code dust.filing} through the outbox after the commit) and all their acks awaited together; a broker failure rolls every receipt back
 *       (503, nothing kept). Then the transaction commits.</li>
 * </ol>
 * <p>Remaining at-least-once window: when every send was acknowledged but the commit itself then fails (database
 * lost between the acks and the COMMIT), the events are on Kafka while the receipts are not, the caller is
 * answered 503 and resends; the resend is accepted again and its events are produced a second time with the same
 * event id (the msgId). Consumers must therefore stay idempotent on (enterprise, event id), as the readings sink
 * is. The readings sink stores such events' readings from {@code dust.realtime} (first writer wins, so a reading
 * stored by its push is left alone). No acknowledged message is ever lost; a message can at worst be delivered twice.
 */
@Service
public class PushService {
    private final CatalogueRules catalogue;
    private final Registry registry;
    private final IngestLimits limits;
    private final ReceiptRepository receipts;
    private final StoredValues stored;
    private final ReadingRepository readings;
    private final EventSender events;
    private final FilingDesk filings;
    private final Clock clock;

    public PushService(IngestLimits limits, CatalogueRules catalogue, Registry registry, ReceiptRepository receipts,
                       StoredValues stored, ReadingRepository readings, EventSender events, FilingDesk filings,
                       Clock clock) {
        this.catalogue = catalogue;
        this.registry = registry;
        this.limits = limits;
        this.receipts = receipts;
        this.stored = stored;
        this.readings = readings;
        this.events = events;
        this.filings = filings;
        this.clock = clock;
    }

    /**
     * Handles {@code {"messages":[…]}} pushed by {@code node}.
     *
     * @throws RejectedRequestException (400) when the body has no {@code messages} array, (413) when it has more
     *                                  than {@link IngestLimits#maxMessages()} messages
     * @throws dustwatch.ingest.platform.BrokerUnavailableException (503) when Kafka does not ack; nothing is kept
     * @throws org.springframework.dao.DataAccessException when a receipt cannot be inserted; nothing was sent
     */
    @Transactional
    public PushOutcome push(JsonNode body, Actor node) {
        JsonNode messages = body == null ? null : body.get("messages");
        if (messages == null || !messages.isArray()) {
            throw new RejectedRequestException(ReasonCode.MALFORMED_BODY, "the body must be {\"messages\":[...]}");
        }
        if (messages.size() > limits.maxMessages()) {
            throw new RejectedRequestException(ReasonCode.TOO_MANY_MESSAGES, messages.size()
                    + " messages exceed the limit of " + limits.maxMessages() + " per request; split the batch",
                    Map.of("limit", limits.maxMessages()));
        }
        Instant now = clock.instant();
        int duplicates = 0;
        List<Verdict.Rejected> rejected = new ArrayList<>();
        List<Checked> valid = new ArrayList<>();
        Map<String, String> firstInBatch = new HashMap<>();
        Map<String, Integer> firstIndex = new HashMap<>();
        Map<Integer, List<Integer>> identicalRepeats = new HashMap<>();
        // phase 1: validate everything, nothing touched yet; the push's enterprises are looked up together
        Set<String> usccs = new HashSet<>();
        messages.forEach(m -> {
            JsonNode code = m.get("enterpriseCode");
            if (code != null && code.isString()) {
                usccs.add(code.asString());
            }
        });
        Map<String, EnterpriseProfile> enterprises = registry.findAll(usccs);
        MessageValidator validator = new MessageValidator(limits, catalogue, uscc -> usccs.contains(uscc)
                ? Optional.ofNullable(enterprises.get(uscc)) : registry.find(uscc));
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            Verdict verdict = validator.check(i, message, node, now);
            switch (verdict) {
                case Verdict.Rejected r -> rejected.add(r);
                case Verdict.Valid v -> {
                    String content = Json.MAPPER.writeValueAsString(message);
                    String key = v.uscc() + "/" + v.msgId();
                    String earlier = firstInBatch.putIfAbsent(key, content);
                    if (earlier == null) {
                        firstIndex.put(key, i);
                        valid.add(new Checked(i, v, sha256(content)));
                    } else if (earlier.equals(content)) {
                        // a duplicate of the first, shares its fate below
                        identicalRepeats.computeIfAbsent(firstIndex.get(key), k -> new ArrayList<>()).add(i);
                    } else {
                        rejected.add(new Verdict.Rejected(i, v.msgId(), List.of(new Reason(ReasonCode.MSGID_CONFLICT,
                                "msgId", "msgId " + v.msgId() + " is repeated in this push with different content"))));
                    }
                }
            }
        }
        // phase 2: a msgId received before is a duplicate (same content) or a conflict (other content)
        Map<ReceiptRepository.Key, String> received = receipts.received(valid.stream()
                .map(c -> new ReceiptRepository.Key(c.verdict().uscc(), c.verdict().msgId())).collect(Collectors.toSet()));
        List<Checked> unseen = new ArrayList<>();
        for (Checked c : valid) {
            String earlier = received.get(new ReceiptRepository.Key(c.verdict().uscc(), c.verdict().msgId()));
            if (earlier == null) {
                unseen.add(c);
            } else if (earlier.isEmpty() || earlier.equals(c.contentHash())) {
                duplicates++;
            } else {
                rejected.add(msgIdConflict(c));
            }
        }
        // phase 3: a point and second holds one value; another one is a conflict, never a silent drop
        Set<StoredValues.Key> storedBefore = new HashSet<>();
        valid = withoutReadingConflicts(unseen, rejected, storedBefore);
        // phase 4: every receipt, before any event leaves the service (a concurrent push may have raced us here)
        List<Verdict.Valid> fresh = new ArrayList<>();
        List<ReceiptRepository.Outcome> outcomes = receipts.recordAll(valid.stream().map(c -> new ReceiptRepository.NewReceipt(
                c.verdict().msgId(), c.verdict().uscc(), c.verdict().msgType(), c.contentHash())).toList(), now);
        for (int i = 0; i < valid.size(); i++) {
            Checked c = valid.get(i);
            switch (outcomes.get(i)) {
                case NEW -> fresh.add(c.verdict());
                case SAME_CONTENT -> duplicates++;
                case OTHER_CONTENT -> rejected.add(msgIdConflict(c));
            }
        }
        // an identical repeat within the push is a duplicate of an accepted first, and refused with a refused one
        Map<Integer, Verdict.Rejected> refused = new HashMap<>();
        rejected.forEach(r -> refused.put(r.index(), r));
        for (Map.Entry<Integer, List<Integer>> repeats : identicalRepeats.entrySet()) {
            Verdict.Rejected first = refused.get(repeats.getKey());
            for (int index : repeats.getValue()) {
                if (first == null) {
                    duplicates++;
                } else {
                    rejected.add(new Verdict.Rejected(index, first.msgId(), first.reasons()));
                }
            }
        }
        rejected.sort(Comparator.comparingInt(Verdict.Rejected::index));
        // the readings of the new messages, stored with their receipts (the push's locks are still held)
        List<ReadingBatch> freshReadings = fresh.stream().map(Verdict.Valid::event).filter(ReadingBatch.class::isInstance)
                .map(ReadingBatch.class::cast).toList();
        Set<StoredValues.Key> toStore = new HashSet<>();
        freshReadings.forEach(b -> b.readings().forEach(r -> toStore.add(new StoredValues.Key(r.pointCode(), r.collectTime()))));
        toStore.removeAll(storedBefore);
        int storedRows = readings.storeAll(freshReadings, now);
        if (storedRows != toStore.size()) {
            // a value for one of these points and seconds was stored since the lookup, by a writer that does not take
            // the push locks (the readings sink, for an event whose push never committed): ours would be dropped
            // silently, so nothing is kept and the node resends (503); the resend is judged against the store
            throw new ConcurrencyFailureException("readings stored meanwhile: " + storedRows + " of " + toStore.size()
                    + " new point-seconds were free");
        }
        // phase 5: send all, await all acks before the commit; a missing ack rolls every receipt back (503)
        List<EventSender.Pending> sends = new ArrayList<>(fresh.size());
        for (Verdict.Valid v : fresh) {
            if (v.event() instanceof Filing filing) {
                // stored with its receipt; announced through the outbox after the commit
                filings.fileFromNode(nodeFiling(v.msgId(), filing, node));
            } else {
                sends.add(produce(v));
            }
        }
        events.awaitAll(sends);
        return new PushOutcome(fresh.size(), duplicates, rejected);
    }

    private static Verdict.Rejected msgIdConflict(Checked c) {
        return new Verdict.Rejected(c.index(), c.verdict().msgId(), List.of(new Reason(ReasonCode.MSGID_CONFLICT, "msgId",
                "msgId " + c.verdict().msgId() + " was accepted before for " + c.verdict().uscc()
                        + " with different content; a new message needs a new msgId")));
    }

    /** A valid message with its position in the push and the hash of its content. */
    private record Checked(int index, Verdict.Valid verdict, String contentHash) {
    }

    /**
     * The messages of {@code valid} whose readings contradict neither each other, nor an earlier message of the push,
     * nor a value already stored. Holds the enterprises' push locks until the transaction ends, so that a concurrent
     * push cannot store the same point and second unseen.
     */
    private List<Checked> withoutReadingConflicts(List<Checked> valid, List<Verdict.Rejected> rejected,
                                                  Set<StoredValues.Key> storedBefore) {
        List<StoredValues.Key> keys = new ArrayList<>();
        Set<String> enterprises = new HashSet<>();
        for (Checked c : valid) {
            if (c.verdict().event() instanceof ReadingBatch batch) {
                enterprises.add(batch.uscc());
                batch.readings().forEach(r -> keys.add(new StoredValues.Key(r.pointCode(), r.collectTime())));
            }
        }
        if (keys.isEmpty()) {
            return valid;
        }
        stored.lock(enterprises);
        Map<StoredValues.Key, StoredValues.Known> known = new HashMap<>(stored.values(Set.copyOf(keys)));
        storedBefore.addAll(known.keySet());
        List<Checked> kept = new ArrayList<>();
        for (Checked c : valid) {
            if (!(c.verdict().event() instanceof ReadingBatch batch)) {
                kept.add(c);
                continue;
            }
            List<Reason> conflicts = new ArrayList<>();
            Map<StoredValues.Key, StoredValues.Known> mine = new HashMap<>();
            for (int i = 0; i < batch.readings().size(); i++) {
                Reading r = batch.readings().get(i);
                StoredValues.Key key = new StoredValues.Key(r.pointCode(), r.collectTime());
                StoredValues.Known value = new StoredValues.Known(r.value(), r.quality());
                StoredValues.Known other = mine.containsKey(key) ? mine.get(key) : known.get(key);
                if (other != null && !(same(other.value(), r.value()) && other.quality() == r.quality())) {
                    conflicts.add(new Reason(ReasonCode.READING_CONFLICT, "points[" + i + "].value", r.pointCode()
                            + " at " + MessageTimes.show(r.collectTime()) + " already holds " + other.value() + " "
                            + r.param().unit() + " (quality " + other.quality() + "); this message sends " + r.value()
                            + " (quality " + r.quality() + ")"));
                }
                mine.putIfAbsent(key, value);
            }
            if (conflicts.isEmpty()) {
                mine.forEach(known::putIfAbsent);
                kept.add(c);
            } else {
                rejected.add(new Verdict.Rejected(c.index(), c.verdict().msgId(), conflicts));
            }
        }
        return kept;
    }

    private static boolean same(double a, double b) {
        return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
    }

    private static String sha256(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /** A node's FILING as stored: its id derived from enterprise and msgId, so the same message is one filing. */
    private static StoredFiling nodeFiling(String msgId, Filing f, Actor node) {
        String id = UUID.nameUUIDFromBytes((f.uscc() + "/" + msgId).getBytes(StandardCharsets.UTF_8)).toString();
        return new StoredFiling(id, f.uscc(), f.regionCode(), f.kind(), f.collectorCode(), f.start(), f.plannedEnd(),
                f.reason(), FilingStatus.SUBMITTED, "NODE", msgId, node.username(), f.at(), null, null, null, null, null,
                f.at());
    }

    private EventSender.Pending produce(Verdict.Valid v) {
        return switch (v.event()) {
            case ReadingBatch batch -> events.send(Topics.READINGS, v.uscc(), batch);
            case Heartbeat heartbeat -> events.send(Topics.HEARTBEATS, v.uscc(), heartbeat);
            default -> throw new IllegalStateException("no topic for " + v.event().getClass());
        };
    }
}
