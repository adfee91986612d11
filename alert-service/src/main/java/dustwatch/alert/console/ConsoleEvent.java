package dustwatch.alert.console;

import dustwatch.alert.routing.RoutedWarning;
import dustwatch.contracts.disposal.DisposalEvent;
import dustwatch.contracts.scope.Actor;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.Locale;

/**
 * One server-sent event for a console: {@code ready}, {@code warning}, {@code state} (a lifecycle step of a warning:
 * sign-in, feedback, clearing…), {@code escalation} (督办, 现场督办, 执法, 警示通报), {@code synced}, or the keep-alive
 * {@code ping}. Logged events carry their log position as SSE id, so a reconnecting console's
 * {@code Last-Event-ID} says where it stopped.
 *
 * @param name the SSE event name
 * @param id   the SSE id (the log position), or null
 * @param data the JSON data line, or null
 */
record ConsoleEvent(String name, String id, String data) {
    /** {@code ping} every heartbeat: an event rather than a comment, so that a browser can tell a silent stream from a live one. */
    static final ConsoleEvent HEARTBEAT = new ConsoleEvent("ping", null, "{}");

    /** {@code ready}: {@code {"user", "tier", "region", "heartbeatSeconds"}} of the connected actor and the stream. */
    static ConsoleEvent ready(Actor actor, java.time.Duration heartbeat, JsonMapper mapper) {
        ObjectNode json = mapper.createObjectNode();
        json.put("user", actor.username());
        json.put("tier", actor.tier().name());
        json.put("region", actor.region().value());
        json.put("heartbeatSeconds", Math.max(1, heartbeat.toSeconds()));
        return new ConsoleEvent("ready", null, mapper.writeValueAsString(json));
    }

    /**
     * {@code synced}: the replay or initial state is complete; carries the log head as id, so that a console that
     * reconnects later continues from here. {@code mode} is {@code replay} (exactly the missed events were sent) or
     * {@code snapshot} (the open warnings were sent, as to a console without {@code Last-Event-ID}).
     */
    static ConsoleEvent synced(long head, String mode, int sent) {
        return new ConsoleEvent("synced", Long.toString(head),
                "{\"head\":" + head + ",\"mode\":\"" + mode + "\",\"sent\":" + sent + "}");
    }

    /**
     * The logged data of a {@code warning} event: the Warning JSON plus {@code routedTiers} and
     * {@code routingConfigVersion}, written by {@code mapper} (the application's, so its times carry the platform
     * offset, +08:00, not the topic's UTC).
     */
    static String warningData(RoutedWarning routed, JsonMapper mapper) {
        ObjectNode json = mapper.valueToTree(routed.warning());
        ArrayNode tiers = json.putArray("routedTiers");
        routed.routedTiers().forEach(tier -> tiers.add(tier.name()));
        json.put("routingConfigVersion", routed.routingConfigVersion());
        return mapper.writeValueAsString(json);
    }

    /** The logged data of a {@code state} or {@code escalation} event: the DisposalEvent JSON. */
    static String disposalData(DisposalEvent event, JsonMapper mapper) {
        return mapper.writeValueAsString(event);
    }

    /**
     * A logged event as sent: its data plus {@code state} (the warning's state now) and {@code replay} (true when
     * sent on connect rather than live); {@code withId} false for the initial state of a console without
     * {@code Last-Event-ID} (the {@code synced} event that follows carries the position).
     */
    static ConsoleEvent of(ConsoleLog.Entry entry, boolean replay, boolean withId) {
        String data = entry.data();
        String extra = (entry.state() == null ? "" : ",\"state\":\"" + entry.state().name() + "\"") + ",\"replay\":" + replay;
        String body = data.endsWith("}") ? data.substring(0, data.length() - 1) + (data.length() > 2 ? extra : extra.substring(1)) + "}" : data;
        return new ConsoleEvent(entry.kind().name().toLowerCase(Locale.ROOT), withId ? Long.toString(entry.id()) : null, body);
    }

    SseEmitter.SseEventBuilder toSse() {
        if (name == null) {
            return SseEmitter.event().comment("keep-alive");
        }
        SseEmitter.SseEventBuilder event = SseEmitter.event().name(name).data(data);
        return id == null ? event : event.id(id);
    }
}
