package dustwatch.alert.console;

import dustwatch.alert.routing.RoutedWarning;
import dustwatch.contracts.scope.Actor;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One server-sent event for a console: {@code ready}, {@code warning}, or a keep-alive comment (name null).
 *
 * @param name the SSE event name, or null for the keep-alive comment
 * @param id   the SSE id (the warning id), or null
 * @param data the JSON data line, or null
 */
record ConsoleEvent(String name, String id, String data) {
    static final ConsoleEvent HEARTBEAT = new ConsoleEvent(null, null, null);

    /** {@code ready}: {@code {"user", "tier", "region"}} of the connected actor. */
    static ConsoleEvent ready(Actor actor, JsonMapper mapper) {
        ObjectNode json = mapper.createObjectNode();
        json.put("user", actor.username());
        json.put("tier", actor.tier().name());
        json.put("region", actor.region().value());
        return new ConsoleEvent("ready", null, mapper.writeValueAsString(json));
    }

    /**
     * {@code warning}: the Warning JSON plus {@code routedTiers}, {@code routingConfigVersion} and {@code replay}, written
     * by {@code mapper} (the application's, so its times carry the platform offset, +08:00, not the topic's UTC).
     */
    static ConsoleEvent warning(RoutedWarning routed, boolean replay, JsonMapper mapper) {
        ObjectNode json = mapper.valueToTree(routed.warning());
        ArrayNode tiers = json.putArray("routedTiers");
        routed.routedTiers().forEach(tier -> tiers.add(tier.name()));
        json.put("routingConfigVersion", routed.routingConfigVersion());
        json.put("replay", replay);
        return new ConsoleEvent("warning", routed.warning().warningId(), mapper.writeValueAsString(json));
    }

    SseEmitter.SseEventBuilder toSse() {
        if (name == null) {
            return SseEmitter.event().comment("keep-alive");
        }
        SseEmitter.SseEventBuilder event = SseEmitter.event().name(name).data(data);
        return id == null ? event : event.id(id);
    }
}
