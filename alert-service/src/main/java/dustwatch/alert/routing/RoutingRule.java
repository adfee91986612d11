package dustwatch.alert.routing;

import dustwatch.contracts.region.Tier;

import java.time.Instant;
import java.util.List;

/**
 * One row of the routing table (推送路由规则): inside {@code regionCode} ('' = every region), an event of
 * {@code kind} and {@code colour} ({@code ANY} for alarms) goes to the units of {@code recipientTiers}. The tier
 * {@code TARGET} of an escalation step stands for the tier that must act. Rows are never changed: a change is a
 * new version.
 */
public record RoutingRule(long id, String regionCode, String colour, EventKind kind, List<String> recipientTiers,
                          int version, String changedBy, Instant changedAt, String reason) {
    /** The pseudo-tier of an escalation step's target tier. */
    public static final String TARGET = "TARGET";
    /** The colour of rules for events without a colour (alarm overdue). */
    public static final String ANY = "ANY";

    public RoutingRule {
        recipientTiers = List.copyOf(recipientTiers);
        for (String tier : recipientTiers) {
            if (!TARGET.equals(tier)) {
                Tier.valueOf(tier);
            }
        }
    }

    /** Rank of the region: every region ('') 0, province 1 … town 4; the most specific rule wins. */
    int specificity() {
        return regionCode.isEmpty() ? 0 : dustwatch.contracts.region.RegionCode.of(regionCode).tier().ordinal() + 1;
    }
}
