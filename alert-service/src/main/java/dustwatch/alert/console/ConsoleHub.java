package dustwatch.alert.console;

import dustwatch.alert.delivery.DeliveryChannel;
import dustwatch.alert.routing.Audience;
import dustwatch.alert.routing.RoutedWarning;
import dustwatch.contracts.disposal.DisposalActions;
import dustwatch.contracts.disposal.DisposalEvent;
import dustwatch.contracts.disposal.WarningState;
import dustwatch.contracts.scope.Actor;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The on-duty console channel (值班台推送), the first {@link DeliveryChannel}: logs every console event in the
 * {@link ConsoleLog} (warnings, their state changes and escalation steps, each once however often Kafka delivers it),
 * pushes it to the connected consoles it reaches (routing rule of domain reference §4.3), and on connect sends
 * either exactly the events missed since the console's {@code Last-Event-ID}, or, without one, the open warnings of
 * its scope. Logging and connecting are serialised, so a console neither misses nor repeats an event between its
 * replay and the live events. A stream ends when the caller's token expires; a {@code ping} event every
 * {@code heartbeat}. Delivery only queues, so it never waits for a console.
 */
@Component
public class ConsoleHub implements DeliveryChannel, AutoCloseable {
    /** The channel name on notifications. */
    public static final String CHANNEL = "CONSOLE";

    /** Escalation steps (升级督办…) of {@code dust.disposal-events}, streamed as {@code escalation}; other lifecycle steps as {@code state}. */
    static final Set<String> ESCALATION_STEPS = Set.of(DisposalActions.SUPERVISION_NOTICE,
            DisposalActions.ONSITE_SUPERVISION, DisposalActions.ENFORCEMENT_LISTED, DisposalActions.CIRCULAR_LISTED);

    private final Set<ConsoleClient> clients = ConcurrentHashMap.newKeySet();
    private final ConsoleProperties properties;
    private final ConsoleLog log;
    private final Clock clock;
    private final ScheduledExecutorService timers;
    private final JsonMapper json;
    /** Held while an event is logged and queued, and while a console is replayed and registered. */
    private final ReentrantLock order = new ReentrantLock();

    /** @param json the application's mapper: event data carry times at the platform offset ({@code dustwatch.time-zone}) */
    public ConsoleHub(ConsoleProperties properties, ConsoleLog log, Clock clock, JsonMapper json) {
        this.properties = properties;
        this.log = log;
        this.json = json;
        this.clock = clock;
        this.timers = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("console-timers").factory());
        long every = properties.heartbeat().toMillis();
        timers.scheduleAtFixedRate(this::beat, every, every, TimeUnit.MILLISECONDS);
    }

    /** The key an audience is logged under: {@code TIER:code}. */
    public static String key(Audience audience) {
        return audience.tier().name() + ":" + audience.code();
    }

    /** {@link #connect(Actor, Long, Instant)} without {@code Last-Event-ID} and without expiry. */
    public SseEmitter connect(Actor actor) {
        return connect(actor, null, null);
    }

    /**
     * Connects a console: queues {@code ready}; then, when {@code lastEventId} is given and at most
     * {@code replay-limit} events reaching the actor were logged after it, exactly those events (with
     * {@code replay: true} and each warning's current state), else the open warnings of its scope; then
     * {@code synced} carrying the log head as id; then live events. The stream ends at {@code expiresAt}.
     *
     * @param lastEventId the console's {@code Last-Event-ID}, or null
     * @param expiresAt   when the caller's token expires, or null for a stream that never ends by itself
     * @throws IllegalArgumentException when the actor listens as no audience (a city node)
     * @throws ConsoleFullException     (503) when {@code max-clients} consoles are connected
     */
    public SseEmitter connect(Actor actor, Long lastEventId, Instant expiresAt) {
        return connect(actor, lastEventId, expiresAt, new SseEmitter(0L));
    }

    /** {@link #connect(Actor, Long, Instant)} onto a given emitter (tests stand in a console that stops reading). */
    SseEmitter connect(Actor actor, Long lastEventId, Instant expiresAt, SseEmitter emitter) {
        String audience = Audience.of(actor).map(ConsoleHub::key)
                .orElseThrow(() -> new IllegalArgumentException(actor.kind() + " has no console"));
        if (clients.size() >= properties.maxClients()) {
            throw new ConsoleFullException(properties.maxClients(), properties.retryAfter());
        }
        ConsoleClient client = new ConsoleClient(actor, emitter, properties.queueCapacity(), clients::remove);
        client.offer(ConsoleEvent.ready(actor, properties.heartbeat(), json));
        order.lock();
        try {
            if (clients.size() >= properties.maxClients()) {
                throw new ConsoleFullException(properties.maxClients(), properties.retryAfter());
            }
            long head = log.head();
            List<ConsoleLog.Entry> missed = lastEventId == null || lastEventId > head ? null
                    : log.after(lastEventId, audience, properties.replayLimit() + 1);
            if (missed != null && missed.size() <= properties.replayLimit()) {
                missed.forEach(entry -> client.offer(ConsoleEvent.of(entry, true, true)));
                client.offer(ConsoleEvent.synced(head, "replay", missed.size()));
            } else {
                List<ConsoleLog.Entry> open = log.open(audience, properties.replayLimit());
                open.forEach(entry -> client.offer(ConsoleEvent.of(entry, true, false)));
                client.offer(ConsoleEvent.synced(head, "snapshot", open.size()));
            }
            clients.add(client);
        } finally {
            order.unlock();
        }
        client.start();
        if (expiresAt != null) {
            long left = Math.max(0, Duration.between(clock.instant(), expiresAt).toMillis());
            timers.schedule(() -> client.close(true, "token expired"), left, TimeUnit.MILLISECONDS);
        }
        return emitter;
    }

    /** Consoles connected now. */
    public int connected() {
        return clients.size();
    }

    @Override
    public String name() {
        return CHANNEL;
    }

    /**
     * Logs the warning and queues it for every connected console it reaches; a warning id logged before (a Kafka
     * redelivery, also after a restart) is not pushed again.
     */
    @Override
    public List<Audience> deliver(RoutedWarning warning) {
        publish("warning:" + warning.warning().warningId(), ConsoleLog.Kind.WARNING, warning.warning().warningId(),
                warning.audiences(), ConsoleEvent.warningData(warning, json), WarningState.ISSUED);
        return warning.audiences();
    }

    /**
     * Logs and pushes a step of a warning's closed loop from {@code dust.disposal-events} to {@code audiences}: an
     * escalation step (督办, 现场督办, 执法, 警示通报) as {@code escalation}, a lifecycle step (签收, 反馈, 驳回, 消警,
     * 被替代) as {@code state}, which also sets the warning's current state. {@code ISSUE} (the warning itself
     * comes from {@code dust.warning}) and alarm events (no warning id) are ignored.
     *
     * @return true when the event was logged now (false: ignored, or logged before)
     */
    public boolean announce(DisposalEvent event, List<Audience> audiences) {
        if (event.warningId() == null || event.eventId() == null || DisposalActions.ISSUE.equals(event.action())) {
            return false;
        }
        boolean escalation = ESCALATION_STEPS.contains(event.action());
        return publish("disposal:" + event.eventId(), escalation ? ConsoleLog.Kind.ESCALATION : ConsoleLog.Kind.STATE,
                event.warningId(), audiences, ConsoleEvent.disposalData(event, json),
                escalation ? null : event.toState()).isPresent();
    }

    /**
     * Logs and pushes a reminder (催办) of a warning not signed in to the enterprise's consoles as {@code reminder}:
     * {@code {"warningId", "action": "REMINDER", "step", "at", "text"}}. Each step of a warning is logged once, however
     * many of the enterprise's staff it is sent to.
     *
     * @return true when the reminder was logged now (false: logged before)
     */
    public boolean remind(String warningId, String step, String uscc, String text) {
        tools.jackson.databind.node.ObjectNode data = json.createObjectNode();
        data.put("warningId", warningId);
        data.put("action", "REMINDER");
        data.put("step", step);
        data.set("at", json.valueToTree(clock.instant()));
        data.put("text", text);
        return publish("reminder:" + warningId + ":" + step, ConsoleLog.Kind.REMINDER, warningId,
                List.of(new Audience(dustwatch.contracts.region.Tier.ENTERPRISE, uscc)), json.writeValueAsString(data),
                null).isPresent();
    }

    private Optional<ConsoleLog.Entry> publish(String sourceKey, ConsoleLog.Kind kind, String warningId,
                                               List<Audience> audiences, String data,
                                               WarningState newState) {
        List<String> keys = audiences.stream().map(ConsoleHub::key).toList();
        order.lock();
        try {
            Optional<ConsoleLog.Entry> logged = log.append(sourceKey, kind, warningId, keys, data, newState);
            logged.ifPresent(entry -> {
                ConsoleEvent event = ConsoleEvent.of(entry, false, true);
                for (ConsoleClient client : clients) {
                    if (Audience.of(client.actor()).map(a -> keys.contains(key(a))).orElse(false)) {
                        client.offer(event);
                    }
                }
            });
            return logged;
        } finally {
            order.unlock();
        }
    }

    private void beat() {
        for (ConsoleClient client : clients) {
            client.offer(ConsoleEvent.HEARTBEAT);
        }
    }

    /** Stops the timers and ends every stream (at shutdown). */
    @Override
    public void close() {
        timers.shutdownNow();
        for (ConsoleClient client : List.copyOf(clients)) {
            client.close(true, "service stopping");
        }
    }
}
