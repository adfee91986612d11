package dustwatch.alert.routing.web;

import dustwatch.alert.maintenance.NoiseControl;
import dustwatch.alert.roster.Contact;
import dustwatch.alert.roster.DutyRosters;
import dustwatch.alert.roster.OnDuty;
import dustwatch.alert.routing.EventKind;
import dustwatch.alert.routing.KnownWarning;
import dustwatch.alert.routing.KnownWarnings;
import dustwatch.alert.routing.Recipient;
import dustwatch.alert.routing.Routing;
import dustwatch.alert.routing.RoutingRule;
import dustwatch.alert.routing.RoutingRules;
import dustwatch.alert.web.Problems;
import dustwatch.contracts.region.RegionCode;
import dustwatch.contracts.risk.Colour;
import dustwatch.contracts.scope.Actor;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The routing table (推送路由表) for district, city and province units: read, change (versioned, audited), preview. */
@Tag(name = "alerts 推送路由", description = "Routing table as data: (region, colour, event kind) → recipient units; versioned changes; preview of a warning's recipients.")
@RestController
class RoutingController {
    private final RoutingRules rules;
    private final KnownWarnings warnings;
    private final DutyRosters rosters;
    private final NoiseControl noise;
    private final Clock clock;

    RoutingController(RoutingRules rules, KnownWarnings warnings, DutyRosters rosters, NoiseControl noise, Clock clock) {
        this.rules = rules;
        this.warnings = warnings;
        this.rosters = rosters;
        this.noise = noise;
        this.clock = clock;
    }

    /** A change of one rule. */
    record RuleChange(List<String> recipientTiers, String reason) {
    }

    /** The rules in force that concern the caller's region (those of every region, above it, or inside it). District+. */
    @GetMapping("/api/v1/alerts/routing")
    List<RoutingRule> current(Actor actor) {
        Problems.requireDistrictOrAbove(actor);
        return rules.current().stream().filter(rule -> concerns(actor, rule)).toList();
    }

    /** Every version of the rules that concern the caller's region, newest first (the audit trail). District+. */
    @GetMapping("/api/v1/alerts/routing/history")
    List<RoutingRule> history(Actor actor) {
        Problems.requireDistrictOrAbove(actor);
        return rules.history().stream().filter(rule -> concerns(actor, rule)).toList();
    }

    /**
     * Writes a new version of the rule for {@code kind} and {@code colour} ({@code ANY} for ALARM_OVERDUE) inside
     * {@code region} (default: the caller's region; {@code *} = every region, province only). District+, own region.
     * Tiers: ENTERPRISE, TOWN, DISTRICT, CITY, PROVINCE, TARGET (the tier an escalation step names).
     */
    @PutMapping("/api/v1/alerts/routing/{kind}/{colour}")
    RoutingRule change(Actor actor, @PathVariable String kind, @PathVariable String colour,
                       @RequestParam(required = false) String region, @RequestBody RuleChange change) {
        Problems.requireDistrictOrAbove(actor);
        EventKind eventKind = parse(() -> EventKind.valueOf(kind), "kind must be WARNING, ESCALATION or ALARM_OVERDUE");
        if (!RoutingRule.ANY.equals(colour)) {
            parse(() -> Colour.valueOf(colour), "colour must be BLUE, YELLOW, ORANGE, RED or ANY");
        }
        String scope = region == null ? actor.region().value() : region;
        if ("*".equals(scope)) {
            if (actor.region().tier() != dustwatch.contracts.region.Tier.PROVINCE) {
                throw Problems.of(org.springframework.http.HttpStatus.FORBIDDEN, "only the province changes the rule of every region");
            }
            scope = "";
        } else if (!Problems.isRegion(scope) || !actor.region().covers(RegionCode.of(scope))) {
            throw Problems.of(org.springframework.http.HttpStatus.FORBIDDEN, "region " + scope + " is outside " + actor.region());
        }
        if (change == null || change.recipientTiers() == null || change.reason() == null || change.reason().isBlank()) {
            throw Problems.badRequest("recipientTiers and a reason are required");
        }
        String finalScope = scope;
        return parse(() -> rules.change(finalScope, colour, eventKind, change.recipientTiers(), actor.username(),
                change.reason().strip()), "recipientTiers: ENTERPRISE, TOWN, DISTRICT, CITY, PROVINCE or TARGET");
    }

    /** One recipient unit of a preview and who of it is on duty now. */
    record PreviewUnit(String tier, String unitCode, String unitName, String why, boolean rosterGap,
                       List<String> onDuty) {
    }

    /**
     * Who would receive the warning now and why.
     *
     * @param held MAINTENANCE or OFFLINE when its messages would be recorded, not sent; else null
     */
    record Preview(String warningId, String uscc, String enterpriseName, String regionCode, String colour,
                   String routingVersion, String held, boolean superseded, List<PreviewUnit> recipients) {
    }

    /** Who would receive the warning now, per the rules in force, and who of each unit is on duty. District+ in scope. */
    @GetMapping("/api/v1/alerts/routing/preview")
    Preview preview(Actor actor, @RequestParam String warningId) {
        Problems.requireDistrictOrAbove(actor);
        KnownWarning w = warnings.find(warningId)
                .filter(found -> actor.canSee(found.uscc(), RegionCode.of(found.regionCode())))
                .orElseThrow(() -> Problems.notFound("no warning " + warningId + " in your region"));
        Routing routing = rules.route(EventKind.WARNING, w.colour(), w.uscc(), w.regionCode(), null);
        Instant now = clock.instant();
        List<PreviewUnit> units = routing.recipients().stream().map((Recipient r) -> {
            OnDuty duty = rosters.onDuty(r.unitCode(), now);
            return new PreviewUnit(r.tier().name(), r.unitCode(), duty.unitName(), r.why(), duty.gap(),
                    duty.contacts().stream().map(Contact::name).toList());
        }).toList();
        return new Preview(w.warningId(), w.uscc(), w.enterpriseName(), w.regionCode(), w.colour(), routing.version(),
                noise.holds(w.uscc(), now).map(Enum::name).orElse(null), w.supersededBy() != null, units);
    }

    private static boolean concerns(Actor actor, RoutingRule rule) {
        if (rule.regionCode().isEmpty()) {
            return true;
        }
        RegionCode region = RegionCode.of(rule.regionCode());
        return region.covers(actor.region()) || actor.region().covers(region);
    }

    private static <T> T parse(java.util.function.Supplier<T> parse, String problem) {
        try {
            return parse.get();
        } catch (IllegalArgumentException bad) {
            throw Problems.badRequest(problem);
        }
    }
}
