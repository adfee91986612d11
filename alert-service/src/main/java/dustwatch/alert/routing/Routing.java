package dustwatch.alert.routing;

import java.util.List;

/**
 * The answer of the routing table for one event.
 *
 * @param rule       the rule in force, or null when no rule covers the event (nobody is told)
 * @param recipients the units, lowest tier first, each once
 */
public record Routing(RoutingRule rule, List<Recipient> recipients) {
    public Routing {
        recipients = List.copyOf(recipients);
    }

    /** {@code routing-v<version>@<region>} of the rule, stamped on deliveries. */
    public String version() {
        return rule == null ? "none" : "v" + rule.version() + "@" + (rule.regionCode().isEmpty() ? "*" : rule.regionCode());
    }
}
