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
 *   <li>Step B, dynamic score D from the active alarms: each weighs its severity's points times the duration
 *   multiplier of how long it has been active; the alarm block and D are capped; band H/M/L/NONE.</li>
 *   <li>Step C, colour from the matrix (none for band NONE); an active hard-trigger alarm forces RED.</li>
 * </ul>
 * Not modelled (no input yet): open major hazards, repeated alarms, SLA, offline, cleaning, filing factors.
 */
public final class RiskModel {
    private static final Map<DustType, String> DUST_NAMES = Map.of(
            DustType.AL_MG, "铝镁等遇湿易燃金属粉尘", DustType.OTHER_METAL, "其他金属粉尘", DustType.WOOD, "木质粉尘",
            DustType.GRAIN, "粮食/农产品粉尘", DustType.PLASTIC, "塑料/橡胶粉尘", DustType.TEXTILE, "纺织粉尘",
            DustType.OTHER, "其他可燃粉尘");

    private final RiskModelProperties config;

    public RiskModel(RiskModelProperties config) {
        this.config = config;
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

    /** Step B: the dynamic score of the active alarms at event time {@code at}. */
    public DynamicRisk dynamic(List<ActiveAlarm> alarms, Instant at) {
        RiskModelProperties.Dynamic w = config.dynamic();
        List<RiskFactor> factors = new ArrayList<>();
        double block = 0;
        for (ActiveAlarm alarm : alarms.stream().sorted(mainFirst()).toList()) {
            double base = switch (alarm.severity()) {
                case CRITICAL -> w.criticalAlarmPoints();
                case MAJOR -> w.majorAlarmPoints();
                case MINOR -> w.minorAlarmPoints();
            };
            long minutes = alarm.since() == null ? 0 : Math.max(0, Duration.between(alarm.since(), at).toMinutes());
            double factor = w.durationMultipliers().stream().filter(m -> minutes >= m.minutes()).findFirst()
                    .map(RiskModelProperties.DurationMultiplier::factor).orElse(1.0);
            double points = base * factor;
            block += points;
            String detail = alarm.description() + " " + fmt(base)
                    + (factor != 1.0 ? " ×" + fmt(factor) + "（已持续 " + minutes + " min）" : "");
            factors.add(new RiskFactor("ALARM_" + alarm.severity(), points, detail));
        }
        if (block > w.alarmCap()) {
            factors.add(new RiskFactor("ALARM_BLOCK_CAP", w.alarmCap() - block, "报警项封顶 " + fmt(w.alarmCap())));
            block = w.alarmCap();
        }
        double score = Math.min(w.cap(), block);
        if (score < block) {
            factors.add(new RiskFactor("DYNAMIC_CAP", score - block, "动态风险封顶 " + fmt(w.cap())));
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
     * The full assessment of an enterprise at event time {@code at}: steps A–C and the hard triggers.
     *
     * @return an assessment whose factors list I's factors, then D's, then the hard trigger if any
     */
    public RiskAssessment assess(EnterpriseProfile profile, List<ActiveAlarm> alarms, Instant at) {
        InherentRisk i = inherent(profile);
        DynamicRisk d = dynamic(alarms, at);
        Optional<ActiveAlarm> hard = alarms.stream().filter(ActiveAlarm::hardTrigger).min(mainFirst());
        List<RiskFactor> factors = new ArrayList<>(i.factors());
        factors.addAll(d.factors());
        Colour colour = colour(i.level(), d.band());
        if (hard.isPresent()) {
            colour = Colour.RED;
            factors.add(new RiskFactor("HARD_TRIGGER", 0, "一票否决：" + hard.get().description()));
        }
        return new RiskAssessment(profile.uscc(), profile.regionCode(), at, i.score(), i.level(), d.score(), d.band(),
                colour, hard.map(ActiveAlarm::ruleId).orElse(null), factors, config.configVersion());
    }

    /**
     * The alarm that best explains an assessment: a hard trigger first, then the most severe, then the oldest.
     *
     * @return empty when no alarm is active
     */
    public static Optional<ActiveAlarm> mainAlarm(List<ActiveAlarm> alarms) {
        return alarms.stream().min(mainFirst());
    }

    private static Comparator<ActiveAlarm> mainFirst() {
        return Comparator.comparing((ActiveAlarm a) -> !a.hardTrigger())
                .thenComparing(a -> a.severity() == null ? Severity.MINOR : a.severity())
                .thenComparing(a -> a.since() == null ? Instant.MAX : a.since())
                .thenComparing(ActiveAlarm::pointCode, Comparator.nullsLast(Comparator.naturalOrder()));
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
