package dustwatch.risk.model;

import dustwatch.contracts.enterprise.DustType;
import dustwatch.contracts.risk.Colour;
import dustwatch.contracts.risk.DynamicBand;
import dustwatch.contracts.risk.InherentLevel;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * {@code dustwatch.risk.model.*}: every weight and threshold of the risk model (风险评估模型), domain reference
 * §3.2. Defaults in application.yml equal {@link #defaults()}.
 *
 * @param configVersion stamped on every assessment and warning
 * @param inherent      step A weights
 * @param dynamic       step B weights
 * @param colourMatrix  step C: colour per inherent level and dynamic band (band NONE gives no colour)
 */
@ConfigurationProperties("dustwatch.risk.model")
public record RiskModelProperties(String configVersion, Inherent inherent, Dynamic dynamic,
                                  Map<InherentLevel, Map<DynamicBand, Colour>> colourMatrix) {

    public RiskModelProperties {
        configVersion = configVersion == null ? "risk-model-default" : configVersion;
        inherent = inherent == null ? defaults().inherent() : inherent;
        dynamic = dynamic == null ? defaults().dynamic() : dynamic;
        colourMatrix = colourMatrix == null ? defaultMatrix() : Map.copyOf(colourMatrix);
    }

    /**
     * Step A, inherent score I (points).
     *
     * @param dustTypePoints       points per dust type (Al/Mg 35, other metal 25, organic 20, other 10)
     * @param workerBands          dust-exposed worker bands, each {@code minWorkers → points}; the highest band
     *                             whose minimum is reached applies (≥100 25, 30–99 20, 10–29 12, &lt;10 5)
     * @param dryCollectorPoints   per dry collector (bag, cartridge, cyclone), 3
     * @param wetCollectorPoints   per wet collector, 2
     * @param collectorCap         cap of the collector block, 15
     * @param ignitionProneProcess sanding, grinding/polishing, crushing, granulating, 8
     * @param indoorDryCollector   per dry collector installed indoors, 3
     * @param layoutCap            cap of the layout block (indoor dry collectors), 15
     * @param levelA               I ≥ this is level A (70)
     * @param levelB               I ≥ this is level B (50)
     * @param levelC               I ≥ this is level C (30); below is D
     */
    public record Inherent(Map<DustType, Double> dustTypePoints, List<WorkerBand> workerBands,
                           double dryCollectorPoints, double wetCollectorPoints, double collectorCap,
                           double ignitionProneProcess, double indoorDryCollector, double layoutCap,
                           double levelA, double levelB, double levelC) {
        public Inherent {
            dustTypePoints = dustTypePoints == null ? Map.of() : Map.copyOf(dustTypePoints);
            workerBands = workerBands == null ? List.of()
                    : workerBands.stream().sorted(Comparator.comparingInt(WorkerBand::minWorkers).reversed()).toList();
        }
    }

    /**
     * A dust-exposed worker band.
     *
     * @param minWorkers the smallest head count of the band
     * @param points     points of the band
     */
    public record WorkerBand(int minWorkers, double points) {
    }

    /**
     * Step B, dynamic score D (points).
     *
     * @param criticalAlarmPoints per active critical alarm, 40
     * @param majorAlarmPoints    per active major alarm, 20
     * @param minorAlarmPoints    per active minor alarm, 5
     * @param durationMultipliers an alarm active at least {@code minutes} weighs {@code factor} times its
     *                            points (30 min ×1.25, 120 min ×1.5); the longest reached applies
     * @param alarmCap            cap of the alarm block, 60
     * @param cap                 cap of D, 100
     * @param bandH               D ≥ this is band H (60)
     * @param bandM               D ≥ this is band M (30)
     * @param bandL               D ≥ this is band L (10); below is NONE
     */
    public record Dynamic(double criticalAlarmPoints, double majorAlarmPoints, double minorAlarmPoints,
                          List<DurationMultiplier> durationMultipliers, double alarmCap, double cap,
                          double bandH, double bandM, double bandL) {
        public Dynamic {
            durationMultipliers = durationMultipliers == null ? List.of()
                    : durationMultipliers.stream()
                    .sorted(Comparator.comparingLong(DurationMultiplier::minutes).reversed()).toList();
        }
    }

    /**
     * A duration multiplier step.
     *
     * @param minutes how long the alarm has been active
     * @param factor  the multiplier, e.g. 1.25
     */
    public record DurationMultiplier(long minutes, double factor) {
    }

    /** The defaults of domain reference §3.2 (version {@code risk-model-2026.1}). */
    public static RiskModelProperties defaults() {
        Map<DustType, Double> dust = new EnumMap<>(DustType.class);
        dust.put(DustType.AL_MG, 35.0);
        dust.put(DustType.OTHER_METAL, 25.0);
        dust.put(DustType.WOOD, 20.0);
        dust.put(DustType.GRAIN, 20.0);
        dust.put(DustType.PLASTIC, 20.0);
        dust.put(DustType.TEXTILE, 20.0);
        dust.put(DustType.OTHER, 10.0);
        Inherent inherent = new Inherent(dust,
                List.of(new WorkerBand(100, 25), new WorkerBand(30, 20), new WorkerBand(10, 12), new WorkerBand(0, 5)),
                3, 2, 15, 8, 3, 15, 70, 50, 30);
        Dynamic dynamic = new Dynamic(40, 20, 5,
                List.of(new DurationMultiplier(30, 1.25), new DurationMultiplier(120, 1.5)), 60, 100, 60, 30, 10);
        return new RiskModelProperties("risk-model-2026.1", inherent, dynamic, defaultMatrix());
    }

    private static Map<InherentLevel, Map<DynamicBand, Colour>> defaultMatrix() {
        return Map.of(
                InherentLevel.A, Map.of(DynamicBand.H, Colour.RED, DynamicBand.M, Colour.RED, DynamicBand.L, Colour.ORANGE),
                InherentLevel.B, Map.of(DynamicBand.H, Colour.RED, DynamicBand.M, Colour.ORANGE, DynamicBand.L, Colour.YELLOW),
                InherentLevel.C, Map.of(DynamicBand.H, Colour.ORANGE, DynamicBand.M, Colour.YELLOW, DynamicBand.L, Colour.BLUE),
                InherentLevel.D, Map.of(DynamicBand.H, Colour.YELLOW, DynamicBand.M, Colour.BLUE, DynamicBand.L, Colour.BLUE));
    }
}
