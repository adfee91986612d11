package dustwatch.alert.routing;

import dustwatch.alert.audit.AuditLog;
import dustwatch.contracts.region.RegionCode;
import dustwatch.contracts.region.Tier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The routing table as data (推送路由表, table {@code alert.routing_rule}): seeded with the plan's table for every
 * region; changed by district and higher units only for their own region, each change a new audited version.
 */
@Service
public class RoutingRules {
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    public RoutingRules(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** The rules in force (the highest version of each region, colour and kind). */
    public List<RoutingRule> current() {
        return jdbc.sql("""
                select distinct on (region_code, colour, event_kind) * from routing_rule
                order by region_code, colour, event_kind, version desc""").query(RoutingRules::rule).list();
    }

    /** Every version ever written, newest first (the audit trail of the table). */
    public List<RoutingRule> history() {
        return jdbc.sql("select * from routing_rule order by changed_at desc, id desc").query(RoutingRules::rule).list();
    }

    /**
     * The units an event is routed to: the most specific rule in force covering the enterprise's region.
     *
     * @param colour     the colour name, or {@link RoutingRule#ANY}
     * @param targetTier the tier that must act on an escalation step (for {@code TARGET}), else null
     */
    public Routing route(EventKind kind, String colour, String uscc, String regionCode, Tier targetTier) {
        RegionCode region = RegionCode.of(regionCode);
        Optional<RoutingRule> found = current().stream()
                .filter(rule -> rule.kind() == kind && rule.colour().equals(colour))
                .filter(rule -> rule.regionCode().isEmpty() || RegionCode.of(rule.regionCode()).covers(region))
                .max(Comparator.comparingInt(RoutingRule::specificity));
        if (found.isEmpty()) {
            return new Routing(null, List.of());
        }
        RoutingRule rule = found.get();
        String why = kind + "/" + colour + " in " + (rule.regionCode().isEmpty() ? "every region" : rule.regionCode())
                + " v" + rule.version() + ": " + rule.reason();
        Map<String, Recipient> units = new LinkedHashMap<>();
        for (String name : rule.recipientTiers()) {
            Tier tier = RoutingRule.TARGET.equals(name) ? targetTier : Tier.valueOf(name);
            if (tier == null) {
                continue;
            }
            if (tier == Tier.ENTERPRISE) {
                units.putIfAbsent(uscc, new Recipient(tier, uscc, why));
            } else if (tier.atOrAbove(region.tier())) {
                String code = region.ancestor(tier).value();
                units.putIfAbsent(code, new Recipient(tier, code, why));
            }
        }
        List<Recipient> sorted = new ArrayList<>(units.values());
        sorted.sort(Comparator.comparing((Recipient r) -> r.tier().ordinal()).reversed());
        return new Routing(rule, sorted);
    }

    /**
     * Writes a new version of one rule.
     *
     * @param regionCode '' for every region (province only), else a region inside the actor's own
     * @return the new rule
     */
    @Transactional
    public RoutingRule change(String regionCode, String colour, EventKind kind, List<String> tiers, String actor,
                              String reason) {
        RoutingRule draft = new RoutingRule(0, regionCode, colour, kind, tiers, 0, actor, clock.instant(), reason);
        int version = jdbc.sql("""
                        select coalesce(max(version), 0) + 1 from routing_rule
                        where region_code = ? and colour = ? and event_kind = ?""")
                .params(regionCode, colour, kind.name()).query(Integer.class).single();
        long id = jdbc.sql("""
                        insert into routing_rule (region_code, colour, event_kind, recipient_tiers, version, changed_by,
                                                  changed_at, reason)
                        values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(regionCode, colour, kind.name(), String.join(",", draft.recipientTiers()), version, actor,
                        java.sql.Timestamp.from(draft.changedAt()), reason)
                .query(Long.class).single();
        audit.record(actor, "ROUTING_CHANGED", kind + "/" + colour + "@" + (regionCode.isEmpty() ? "*" : regionCode),
                "v" + version + " → " + draft.recipientTiers() + ": " + reason);
        return new RoutingRule(id, regionCode, colour, kind, draft.recipientTiers(), version, actor, draft.changedAt(),
                reason);
    }

    private static RoutingRule rule(ResultSet rs, int row) throws SQLException {
        String tiers = rs.getString("recipient_tiers");
        return new RoutingRule(rs.getLong("id"), rs.getString("region_code"), rs.getString("colour"),
                EventKind.valueOf(rs.getString("event_kind")),
                tiers.isBlank() ? List.of() : Arrays.asList(tiers.split(",")), rs.getInt("version"),
                rs.getString("changed_by"), rs.getTimestamp("changed_at").toInstant(), rs.getString("reason"));
    }
}
