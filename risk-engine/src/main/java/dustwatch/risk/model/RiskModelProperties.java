package dustwatch.risk.model;

import dustwatch.contracts.enterprise.DustType;
import dustwatch.contracts.risk.Colour;
import dustwatch.contracts.risk.DynamicBand;
import dustwatch.contracts.risk.InherentLevel;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code dustwatch.risk.model.*}: every weight and threshold of the risk model (风险评估模型), domain reference
 * §3.2. The defaults live in the shipped application.yml only (tests bind it). Validated when bound: a missing
 * block, a hole in the colour matrix or unordered bands stop the service with a message naming them.
 *
 * @param configVersion stamped on every assessment and warning
 * @param inherent      step A weights
 * @param dynamic       step B cap and bands
 * @param factors       step B weights, one block per factor
 * @param hardTriggers  combined hard triggers (rules flagged hard-trigger need none)
 * @param colourMatrix  step C: colour per inherent level and dynamic band (band NONE gives no colour)
 */
@ConfigurationProperties("dustwatch.risk.model")
public record RiskModelProperties(String configVersion, Inherent inherent, Dynamic dynamic, Factors factors,
                                  List<HardTrigger> hardTriggers,
                                  Map<InherentLevel, Map<DynamicBand, Colour>> colourMatrix) {

    /** @throws IllegalArgumentException naming what is missing or inconsistent */
    public RiskModelProperties {
        require(configVersion != null && !configVersion.isBlank(), "config-version is missing");
        require(inherent != null, "the inherent block is missing");
        require(dynamic != null, "the dynamic block is missing");
        require(factors != null, "the factors block is missing");
        require(colourMatrix != null, "the colour-matrix is missing");
        for (InherentLevel level : InherentLevel.values()) {
            for (DynamicBand band : List.of(DynamicBand.H, DynamicBand.M, DynamicBand.L)) {
                Map<DynamicBand, Colour> row = colourMatrix.get(level);
                require(row != null && row.get(band) != null, "the colour-matrix misses the cell " + level + " × " + band);
            }
        }
        require(dynamic.bandH() > dynamic.bandM() && dynamic.bandM() > dynamic.bandL() && dynamic.bandL() > 0,
                "dynamic bands must be ordered band-h > band-m > band-l > 0");
        require(inherent.levelA() > inherent.levelB() && inherent.levelB() > inherent.levelC(),
                "inherent levels must be ordered level-a > level-b > level-c");
        colourMatrix = Map.copyOf(colourMatrix);
        hardTriggers = hardTriggers == null ? List.of() : List.copyOf(hardTriggers);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("dustwatch.risk.model: " + message);
        }
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
     * Step B, dynamic score D: its cap and bands.
     *
     * @param cap   cap of D, 100
     * @param bandH D ≥ this is band H (60)
     * @param bandM D ≥ this is band M (30)
     * @param bandL D ≥ this is band L (10); below is NONE
     */
    public record Dynamic(double cap, double bandH, double bandM, double bandL) {
    }

    /**
     * Step B weights, one block per factor class.
     *
     * @param alarms         {@link AlarmBlockFactor}
     * @param repeats        {@link RepeatedAlarmsFactor}
     * @param offline        {@link OfflineFactor}
     * @param cleaning       {@link CleaningFactor}
     * @param filingMismatch {@link FilingMismatchFactor}
     * @param unhandledAlarms {@link UnhandledAlarmsFactor}
     */
    public record Factors(AlarmBlockFactor.Weights alarms, RepeatedAlarmsFactor.Weights repeats,
                          OfflineFactor.Weights offline, CleaningFactor.Weights cleaning,
                          FilingMismatchFactor.Weights filingMismatch, UnhandledAlarmsFactor.Weights unhandledAlarms) {
        public Factors {
            require(alarms != null, "factors.alarms is missing");
            require(repeats != null, "factors.repeats is missing");
            require(offline != null, "factors.offline is missing");
            require(cleaning != null, "factors.cleaning is missing");
            require(filingMismatch != null, "factors.filing-mismatch is missing");
            require(unhandledAlarms != null, "factors.unhandled-alarms is missing");
        }
    }
}
