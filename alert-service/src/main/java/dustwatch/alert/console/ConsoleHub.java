package dustwatch.alert.console;

import dustwatch.alert.delivery.DeliveryChannel;
import dustwatch.alert.routing.Audience;
import dustwatch.alert.routing.RoutedWarning;
import dustwatch.contracts.scope.Actor;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The on-duty console channel (值班台推送), the first {@link DeliveryChannel}: keeps the connected consoles, fans each
 * warning out to those it reaches (routing rule of domain reference §4.3), replays the last hour on connect and sends
 * a keep-alive comment every {@code heartbeat}. Delivery only queues, so it never waits for a console.
 */
@Component
public class ConsoleHub implements DeliveryChannel, AutoCloseable {
    /** The channel name on notifications. */
    public static final String CHANNEL = "CONSOLE";

    private final Set<ConsoleClient> clients = ConcurrentHashMap.newKeySet();
    private final ConsoleProperties properties;
    private final ReplayBuffer replay;
    private final Clock clock;
    private final ScheduledExecutorService heartbeat;
    private final JsonMapper json;

    /** @param json the application's mapper: event data carry times at the platform offset ({@code dustwatch.time-zone}) */
    public ConsoleHub(ConsoleProperties properties, Clock clock, JsonMapper json) {
        this.properties = properties;
        this.json = json;
        this.replay = new ReplayBuffer(properties.replayCapacity(), properties.replayWindow());
        this.clock = clock;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("console-heartbeat").factory());
        long every = properties.heartbeat().toMillis();
        heartbeat.scheduleAtFixedRate(this::beat, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Connects a console: queues {@code ready}, then the warnings of the replay window that reach the actor (with
     * {@code replay: true}, at most half the queue), then live warnings. The stream never times out.
     *
     * @throws IllegalArgumentException when the actor listens as no audience (a city node)
     * @throws ConsoleFullException     (503) when {@code max-clients} consoles are connected
     */
    public SseEmitter connect(Actor actor) {
        if (Audience.of(actor).isEmpty()) {
            throw new IllegalArgumentException(actor.kind() + " has no console");
        }
        return connect(actor, new SseEmitter(0L));
    }

    /** {@link #connect(Actor)} onto a given emitter (tests stand in a console that stops reading). */
    SseEmitter connect(Actor actor, SseEmitter emitter) {
        if (Audience.of(actor).isEmpty()) {
            throw new IllegalArgumentException(actor.kind() + " has no console");
        }
        synchronized (this) {
            if (clients.size() >= properties.maxClients()) {
                throw new ConsoleFullException(properties.maxClients(), properties.retryAfter());
            }
            ConsoleClient client = new ConsoleClient(actor, emitter, properties.queueCapacity(), clients::remove);
            client.offer(ConsoleEvent.ready(actor, json));
            for (RoutedWarning warning : replay.recent(actor, clock.instant(), properties.queueCapacity() / 2)) {
                client.offer(ConsoleEvent.warning(warning, true, json));
            }
            clients.add(client);
            client.start();
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

    /** Queues the warning for every connected console it reaches; a repeat of a kept warning id is not pushed again. */
    @Override
    public List<Audience> deliver(RoutedWarning warning) {
        synchronized (this) {
            if (replay.add(warning, clock.instant())) {
                ConsoleEvent event = ConsoleEvent.warning(warning, false, json);
                for (ConsoleClient client : clients) {
                    if (warning.reaches(client.actor())) {
                        client.offer(event);
                    }
                }
            }
        }
        return warning.audiences();
    }

    private void beat() {
        for (ConsoleClient client : clients) {
            client.offer(ConsoleEvent.HEARTBEAT);
        }
    }

    /** Stops the heartbeat and ends every stream (at shutdown). */
    @Override
    public void close() {
        heartbeat.shutdownNow();
        for (ConsoleClient client : List.copyOf(clients)) {
            client.close(true, "service stopping");
        }
    }
}
