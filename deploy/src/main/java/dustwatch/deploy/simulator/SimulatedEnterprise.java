package dustwatch.deploy.simulator;

import dustwatch.contracts.enterprise.CollectorType;
import dustwatch.contracts.enterprise.DustType;
import dustwatch.contracts.topic.Json;
import tools.jackson.core.type.TypeReference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A fictional Licheng enterprise the simulator speaks for; its safety manager is the realm user
 * {@code <handle>-safety}.
 *
 * @param uscc        18-character code with a valid check character
 * @param name        registered name
 * @param shortName   name without the legal suffix
 * @param handle      pinyin handle, e.g. {@code jinrong}
 * @param regionCode  9-digit town/street code
 * @param townName    e.g. 黄石镇
 * @param dustType    WOOD (furniture plants, dry bag collectors) or AL_MG (polishing shops, wet collectors)
 * @param dustWorkers dust-exposed workers
 */
public record SimulatedEnterprise(String uscc, String name, String shortName, String handle, String regionCode,
                                  String townName, DustType dustType, int dustWorkers, boolean ignitionProneProcess,
                                  List<Collector> collectors) {

    /** A dust collector (除尘器). */
    public record Collector(String code, CollectorType type, boolean indoor) {
    }

    /** The 30 enterprises of {@code simulator/licheng-enterprises.json}. */
    public static List<SimulatedEnterprise> licheng() {
        try (InputStream in = SimulatedEnterprise.class.getResourceAsStream("/simulator/licheng-enterprises.json")) {
            if (in == null) {
                throw new IllegalStateException("simulator/licheng-enterprises.json missing from the classpath");
            }
            return Json.MAPPER.readValue(in, new TypeReference<List<SimulatedEnterprise>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
