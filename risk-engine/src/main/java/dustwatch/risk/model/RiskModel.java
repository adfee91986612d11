package dustwatch.risk.model;

import dustwatch.contracts.alarm.Severity;
import dustwatch.contracts.enterprise.DustCollector;
import dustwatch.contracts.enterprise.DustType;
import dustwatch.contracts.enterprise.EnterpriseProfile;
import dustwatch.contracts.risk.Colour;
import dustwatch.contracts.risk.DynamicBand;
import dustwatch.contracts.risk.InherentLevel;
import dustwatch.contracts.risk.RiskAssessment;
import dustwatch.contracts.risk.RiskFactor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The risk model (风险评估模型) of domain reference §3.2, weights from {@link RiskModelProperties}. Pure and
 * explainable: every point of I and D appears as a {@link RiskFactor} whose points add up to the score.
 *
 * <ul>
 *   <li>Step A, inherent score I from the profile: dust type, dust-exposed workers, collectors (dry ×3 + wet ×2,
 *   capped), ignition-prone process, dry collectors indoors (capped); level A/B/C/D.</li>
 *   <li>Step B, dynamic score D from the enterprise's state; D is capped; band H/M/L/NONE.</li>
 *   <li>Step C, colour from the matrix (none for band NONE); a hard trigger (a flagged rule's active alarm or a
 *   configured {@link HardTrigger}) forces RED.</li>
 * </ul>
 * Step B is the sum of the {@link DynamicFactor} classes: active alarms, repeated alarms, offline during
 * production, missed cleaning check-ins, filing mismatch, alarms unhandled past their SLA. Not modelled yet: open
 * major hazards, online rate, overdue warnings.
 */
public final class RiskModel {
    private static final Map<DustType, String> DUST_NAMES = Map.of(
            DustType.AL_MG, "铝镁等遇湿易燃金属粉尘", DustType.OTHER_METAL, "其他金属粉尘", DustType.WOOD, "木质粉尘",
            DustType.GRAIN, "粮食/农产品粉尘", DustType.PLASTIC, "塑料/橡胶粉尘", DustType.TEXTILE, "纺织粉尘",
            DustType.OTHER, "其他可燃粉尘");

    private final RiskModelProperties config;
    private final AlarmBlockFactor alarmBlock;
    private final CleaningFactor cleaning;
    private final List<DynamicFactor> dynamicFactors;

    public RiskModel(RiskModelProperties config) {
        this.config = config;
        RiskModelProperties.Factors f = config.factors();
        this.alarmBlock = new AlarmBlockFactor(f.alarms());
        this.cleaning = new CleaningFactor(f.cleaning());
        this.dynamicFactors = List.of(alarmBlock, new RepeatedAlarmsFactor(f.repeats()), new OfflineFactor(f.offline()),
                cleaning, new FilingMismatchFactor(f.filingMismatch()), new UnhandledAlarmsFactor(f.unhandledAlarms()));
    }

    /** The cleaning factor, for compliance figures. */
    public CleaningFactor cleaning() {
        return cleaning;
    }

    /** The configuration version stamped on assessments and warnings. */
    public String configVersion() {
        return config.configVersion();
    }

    /**
     * Step A result.
     *
     * @param score   I, 0–100
     * @param level   A–D
     * @param factors contributions, summing to {@code score}
     */
    public record InherentRisk(double score, InherentLevel level, List<RiskFactor> factors) {
    }

    /**
     * Step B result.
     *
     * @param score   D, 0–100
     * @param band    NONE, L, M, H
     * @param factors contributions, summing to {@code score}
     */
    public record DynamicRisk(double score, DynamicBand band, List<RiskFactor> factors) {
    }

    /** Step A: the inherent score of an enterprise profile. */
    public InherentRisk inherent(EnterpriseProfile profile) {
        RiskModelProperties.Inherent w = config.inherent();
        List<RiskFactor> factors = new ArrayList<>();
        DustType dust = profile.dustType() == null ? DustType.OTHER : profile.dustType();
        double dustPoints = w.dustTypePoints().getOrDefault(dust, 0.0);
        factors.add(new RiskFactor("DUST_TYPE", dustPoints, DUST_NAMES.get(dust) + " " + fmt(dustPoints)));

        double workerPoints = w.workerBands().stream().filter(b -> profile.dustWorkers() >= b.minWorkers())
                .findFirst().map(RiskModelProperties.WorkerBand::points).orElse(0.0);
        factors.add(new RiskFactor("DUST_WORKERS", workerPoints,
                "涉粉作业人数 " + profile.dustWorkers() + " 人 " + fmt(workerPoints)));

        long dry = profile.collectors().stream().filter(c -> c.type() != null && c.type().isDry()).count();
        long wet = profile.collectors().stream().filter(c -> c.type() != null && !c.type().isDry()).count();
        double collectorPoints = Math.min(w.collectorCap(), dry * w.dryCollectorPoints() + wet * w.wetCollectorPoints());
        if (collectorPoints > 0) {
            factors.add(new RiskFactor("COLLECTORS", collectorPoints,
                    "干式除尘器 " + dry + " 台、湿式除尘器 " + wet + " 台 " + fmt(collectorPoints)));
        }
        if (profile.ignitionProneProcess()) {
            factors.add(new RiskFactor("IGNITION_PRONE_PROCESS", w.ignitionProneProcess(),
                    "易产生点火源工艺（砂光/打磨/破碎/造粒） " + fmt(w.ignitionProneProcess())));
        }
        long indoorDry = profile.collectors().stream()
                .filter(DustCollector::indoor).filter(c -> c.type() != null && c.type().isDry()).count();
        double layoutPoints = Math.min(w.layoutCap(), indoorDry * w.indoorDryCollector());
        if (layoutPoints > 0) {
            factors.add(new RiskFactor("DRY_COLLECTOR_INDOORS", layoutPoints,
                    "干式除尘器室内布置 " + indoorDry + " 台 " + fmt(layoutPoints)));
        }
        double score = Math.min(100, factors.stream().mapToDouble(RiskFactor::points).sum());
        InherentLevel level = score >= w.levelA() ? InherentLevel.A
                : score >= w.levelB() ? InherentLevel.B
                : score >= w.levelC() ? InherentLevel.C : InherentLevel.D;
        return new InherentRisk(score, level, List.copyOf(factors));
    }

    /** Step B: the dynamic score of an enterprise at {@code at}, the sum of every factor class, capped. */
    public DynamicRisk dynamic(EnterpriseRiskState state, Instant at) {
        List<RiskFactor> factors = new ArrayList<>();
        for (DynamicFactor f : dynamicFactors) {
            factors.addAll(f.contributions(state, at));
        }
        return capped(factors);
    }

    /** Step B for active alarms alone (the alarm block). */
    public DynamicRisk dynamic(List<ActiveAlarm> alarms, Instant at) {
        return capped(new ArrayList<>(alarmBlock.contributions(alarms, at)));
    }

    private DynamicRisk capped(List<RiskFactor> factors) {
        RiskModelProperties.Dynamic w = config.dynamic();
        double sum = factors.stream().mapToDouble(RiskFactor::points).sum();
        double score = Math.min(w.cap(), sum);
        if (score < sum) {
            factors.add(new RiskFactor("DYNAMIC_CAP", score - sum, "动态风险封顶 " + fmt(w.cap())));
        }
        DynamicBand band = score >= w.bandH() ? DynamicBand.H
                : score >= w.bandM() ? DynamicBand.M
                : score >= w.bandL() ? DynamicBand.L : DynamicBand.NONE;
        return new DynamicRisk(score, band, List.copyOf(factors));
    }

    /** Step C: the matrix colour, null for band NONE. */
    public Colour colour(InherentLevel level, DynamicBand band) {
        if (band == DynamicBand.NONE) {
            return null;
        }
        return config.colourMatrix().getOrDefault(level, Map.of()).get(band);
    }

    /**
     * The full assessment of an enterprise at {@code at}: steps A–C and the hard triggers.
     *
     * @param state the enterprise's state; its profile must be known
     * @param at    the platform's now (wall-clock time, or the latest evidence when later)
     * @return an assessment whose factors list I's factors, then D's, then the hard trigger if any
     */
    public RiskAssessment assess(EnterpriseRiskState state, Instant at) {
        EnterpriseProfile profile = state.profile();
        InherentRisk i = inherent(profile);
        DynamicRisk d = dynamic(state, at);
        List<RiskFactor> factors = new ArrayList<>(i.factors());
        factors.addAll(d.factors());
        Colour colour = colour(i.level(), d.band());
        Optional<HardTriggerHit> hard = hardTrigger(state, at);
        if (hard.isPresent()) {
            colour = Colour.RED;
            factors.add(hard.get().factor());
        }
        return new RiskAssessment(profile.uscc(), profile.regionCode(), at, i.score(), i.level(), d.score(), d.band(),
                colour, hard.map(HardTriggerHit::id).orElse(null), factors, config.configVersion());
    }

    /** Assessment of a profile and its active alarms only (no other input). */
    public RiskAssessment assess(EnterpriseProfile profile, List<ActiveAlarm> alarms, Instant at) {
        EnterpriseRiskState state = new EnterpriseRiskState(profile.uscc());
        state.profile(profile);
        alarms.forEach(a -> state.openAlarms().put(a.ruleId() + "|" + a.pointCode(), a));
        return assess(state, at);
    }

    /**
     * A hard trigger that fires.
     *
     * @param id     the flagged rule's id or the configured trigger's id
     * @param factor {@code HARD_TRIGGER}, 0 points, detail {@code 一票否决：…}
     */
    record HardTriggerHit(String id, RiskFactor factor) {
    }

    /** The hard trigger that fires: a rule flagged hard-trigger with an active alarm, else a configured combination. */
    Optional<HardTriggerHit> hardTrigger(EnterpriseRiskState state, Instant at) {
        Optional<ActiveAlarm> flagged = state.activeAlarms().stream().filter(ActiveAlarm::hardTrigger).min(mainFirst());
        if (flagged.isPresent()) {
            return Optional.of(new HardTriggerHit(flagged.get().ruleId(),
                    new RiskFactor("HARD_TRIGGER", 0, "一票否决：" + flagged.get().description())));
        }
        for (HardTrigger t : config.hardTriggers()) {
            if (t.allOf().stream().allMatch(rule -> satisfied(state, rule, t, at))) {
                return Optional.of(new HardTriggerHit(t.id(), new RiskFactor("HARD_TRIGGER", 0, "一票否决：" + t.description())));
            }
        }
        return Optional.empty();
    }

    private static boolean satisfied(EnterpriseRiskState state, String rule, HardTrigger t, Instant at) {
        boolean held = state.activeAlarms().stream().anyMatch(a -> a.ruleId().equals(rule) && a.since() != null
                && Duration.between(a.since(), at).toMinutes() >= t.heldMinutes());
        if (held) {
            return true;
        }
        if (t.withinMinutes() <= 0) {
            return false;
        }
        Instant from = at.minus(Duration.ofMinutes(t.withinMinutes()));
        return state.alarmStarts().stream().anyMatch(s -> s.ruleId().equals(rule) && !s.at().isBefore(from));
    }

    /**
     * The alarm that best explains an assessment: a hard trigger first, then the most severe, then the oldest.
     *
     * @return empty when no alarm is active
     */
    public static Optional<ActiveAlarm> mainAlarm(List<ActiveAlarm> alarms) {
        return alarms.stream().min(mainFirst());
    }

    static Comparator<ActiveAlarm> mainFirst() {
        return Comparator.comparing((ActiveAlarm a) -> !a.hardTrigger())
                .thenComparing(a -> a.severity() == null ? Severity.MINOR : a.severity())
                .thenComparing(a -> a.since() == null ? Instant.MAX : a.since())
                .thenComparing(ActiveAlarm::pointCode, Comparator.nullsLast(Comparator.naturalOrder()));
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
