package dustwatch.risk.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dustwatch.contracts.cleaning.CleaningCheckIn;
import dustwatch.contracts.cleaning.CleaningPlan;
import dustwatch.contracts.enterprise.EnterpriseProfile;
import dustwatch.contracts.filing.Filing;
import dustwatch.contracts.warning.Warning;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the risk model knows about one enterprise (企业风险状态), kept in one state store keyed by USCC
 * and updated by every typed input (profile, alarm changes, heartbeats, filings, cleaning, disposal). Mutable
 * on purpose: the assessment processor loads it, applies one input and puts it back. JSON in its store.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE, setterVisibility = JsonAutoDetect.Visibility.NONE)
public final class EnterpriseRiskState {
    /** How long alarm starts and check-ins are remembered (repeats look back 24 h, cleaning 3 days + a week). */
    static final Duration HISTORY = Duration.ofDays(8);

    private String uscc;
    private EnterpriseProfile profile;
    /** Open alarms by alarm id. */
    private Map<String, ActiveAlarm> openAlarms = new LinkedHashMap<>();
    /** Alarm starts of the history window, oldest first. */
    private List<AlarmStart> alarmStarts = new ArrayList<>();
    /** Last arrival (platform time) per gateway code. */
    private Map<String, Instant> gatewaysLastSeen = new LinkedHashMap<>();
    /** Latest collect time of live data per gateway (late data is older than this). */
    private Map<String, Instant> gatewaysLastCollect = new LinkedHashMap<>();
    /** Gateways reported offline and not back yet. */
    private Set<String> offlineGateways = new LinkedHashSet<>();
    private boolean enterpriseOffline;
    /** Latest collect time of live evidence. */
    private Instant lastEvidence;
    /** Filings by id (the latest event of each). */
    private Map<String, Filing> filings = new LinkedHashMap<>();
    /** Collector (or "*" for an enterprise-wide stop) → first time its fan was seen running during a stop filing. */
    private Map<String, Instant> runningDuringStop = new LinkedHashMap<>();
    private CleaningPlan cleaningPlan;
    /** Valid check-ins of the history window, oldest first. */
    private List<CleaningCheckIn> checkIns = new ArrayList<>();
    private Warning openWarning;
    /** Mandatory points by point code: their gateway and when their last good live value arrived. */
    private Map<String, PointSeen> pointsLastSeen = new LinkedHashMap<>();
    /** Points reported offline and not back yet. */
    private Set<String> offlinePoints = new LinkedHashSet<>();
    /** Alarms announced ALARM_OVERDUE by disposal and not resolved yet, by alarm id. */
    private Map<String, OverdueAlarm> overdueAlarms = new LinkedHashMap<>();

    /** For JSON. */
    EnterpriseRiskState() {
    }

    /** A new, empty state of enterprise {@code uscc}. */
    public EnterpriseRiskState(String uscc) {
        this.uscc = uscc;
    }

    /**
     * One alarm start, for repeats and combined hard triggers.
     *
     * @param ruleId    the rule
     * @param pointCode the point
     * @param at        the alarm's start time
     */
    public record AlarmStart(String ruleId, String pointCode, Instant at) {
    }

    /**
     * When a mandatory point (监测点位) last gave a good live value, for point-level offline (§2.6).
     *
     * @param gatewayCode the gateway that sent it
     * @param lastSeen    platform time of its last good value
     * @param watchFrom   the silence counts from here: its last value, or later when its gateway came back online
     */
    public record PointSeen(String gatewayCode, Instant lastSeen, Instant watchFrom) {
    }

    /**
     * An alarm left unhandled past its SLA (报警超时未处置), as disposal-service announced it.
     *
     * @param alarmId   the alarm
     * @param ruleId    its rule, when the alarm was open here at the announcement; else null
     * @param pointCode its point, likewise
     * @param breaches  the SLAs breached, in order ({@code SIGN_IN}, {@code FEEDBACK})
     * @param since     when the first breach was announced
     */
    public record OverdueAlarm(String alarmId, String ruleId, String pointCode, List<String> breaches, Instant since) {
        public OverdueAlarm {
            breaches = breaches == null ? List.of() : List.copyOf(breaches);
        }
    }

    public String uscc() {
        return uscc;
    }

    public EnterpriseProfile profile() {
        return profile;
    }

    public void profile(EnterpriseProfile p) {
        profile = p;
    }

    public Map<String, ActiveAlarm> openAlarms() {
        return openAlarms;
    }

    public List<ActiveAlarm> activeAlarms() {
        return List.copyOf(openAlarms.values());
    }

    public List<AlarmStart> alarmStarts() {
        return alarmStarts;
    }

    public Map<String, Instant> gatewaysLastSeen() {
        return gatewaysLastSeen;
    }

    public Map<String, Instant> gatewaysLastCollect() {
        return gatewaysLastCollect;
    }

    public Set<String> offlineGateways() {
        return offlineGateways;
    }

    public boolean enterpriseOffline() {
        return enterpriseOffline;
    }

    public void enterpriseOffline(boolean offline) {
        enterpriseOffline = offline;
    }

    public Instant lastEvidence() {
        return lastEvidence;
    }

    /** Moves the latest live evidence time forward (never back). */
    public void evidence(Instant at) {
        if (at != null && (lastEvidence == null || at.isAfter(lastEvidence))) {
            lastEvidence = at;
        }
    }

    public Map<String, Filing> filings() {
        return filings;
    }

    /** Approved filings covering {@code at}. */
    public List<Filing> activeFilings(Instant at) {
        return filings.values().stream().filter(f -> f.coversTime(at)).toList();
    }

    public Map<String, Instant> runningDuringStop() {
        return runningDuringStop;
    }

    public CleaningPlan cleaningPlan() {
        return cleaningPlan;
    }

    public void cleaningPlan(CleaningPlan plan) {
        cleaningPlan = plan;
    }

    public List<CleaningCheckIn> checkIns() {
        return checkIns;
    }

    public Warning openWarning() {
        return openWarning;
    }

    public void openWarning(Warning w) {
        openWarning = w;
    }

    /** Mandatory points' last good values, by point code. */
    public Map<String, PointSeen> pointsLastSeen() {
        if (pointsLastSeen == null) { // a state stored before this field existed
            pointsLastSeen = new LinkedHashMap<>();
        }
        return pointsLastSeen;
    }

    /** Points reported offline and not back yet. */
    public Set<String> offlinePoints() {
        if (offlinePoints == null) {
            offlinePoints = new LinkedHashSet<>();
        }
        return offlinePoints;
    }

    /** Alarms overdue by their SLA and not resolved, by alarm id. */
    public Map<String, OverdueAlarm> overdueAlarms() {
        if (overdueAlarms == null) { // a state stored before this field existed
            overdueAlarms = new LinkedHashMap<>();
        }
        return overdueAlarms;
    }

    /** The latest arrival of any gateway, or null. */
    public Instant lastSeen() {
        return gatewaysLastSeen.values().stream().max(Instant::compareTo).orElse(null);
    }

    /**
     * Forgets what no factor looks at any more: alarm starts and check-ins older than the history window,
     * filings ended before {@code at} (they expire by themselves), mismatches of ended filings.
     */
    public void prune(Instant at) {
        Instant from = at.minus(HISTORY);
        alarmStarts.removeIf(s -> s.at().isBefore(from));
        checkIns.removeIf(c -> c.checkedInAt() == null || c.checkedInAt().isBefore(from));
        filings.values().removeIf(f -> f.plannedEnd() != null && !f.plannedEnd().isAfter(at));
        if (activeFilings(at).stream().noneMatch(f -> f.kind() == dustwatch.contracts.filing.FilingKind.STOP_PRODUCTION)) {
            runningDuringStop.clear();
        }
    }
}
