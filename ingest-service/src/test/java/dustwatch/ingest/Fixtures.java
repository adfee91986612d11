package dustwatch.ingest;

import dustwatch.contracts.enterprise.CollectorType;
import dustwatch.contracts.enterprise.DustCollector;
import dustwatch.contracts.enterprise.DustType;
import dustwatch.contracts.enterprise.EnterpriseProfile;
import dustwatch.contracts.enterprise.Uscc;
import dustwatch.contracts.region.RegionCode;
import dustwatch.contracts.scope.Actor;

import dustwatch.contracts.enterprise.CollectionGateway;
import dustwatch.contracts.enterprise.MonitoringPoint;
import dustwatch.contracts.reading.ParameterCode;
import dustwatch.ingest.push.CatalogueRules;
import dustwatch.ingest.push.IngestLimits;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Domain fixtures: a wood-furniture plant in Huangshi town and an Al/Mg polishing shop in Xindu town (Licheng, Putian). */
public final class Fixtures {
    /** 黄石金榕木艺有限公司, Huangshi town 350304101, three dry bag collectors. */
    public static final String HUANGSHI_WOOD = "91350304MA2YJ8WC3" + Uscc.checkCharacter("91350304MA2YJ8WC3");
    /** 新度精工铝制品有限公司, Xindu town 350304102, one wet collector. */
    public static final String XINDU_ALMG = "91350304MA31H7NK5" + Uscc.checkCharacter("91350304MA31H7NK5");

    public static final Actor PUTIAN_NODE = new Actor("putian-node", Actor.Kind.CITY_NODE, RegionCode.of("350300"), null);
    public static final Actor FUZHOU_NODE = new Actor("fuzhou-node", Actor.Kind.CITY_NODE, RegionCode.of("350100"), null);

    private Fixtures() {
    }

    /** The catalogue rules of the shipped application.yml ({@code dustwatch.ingest.catalogue}). */
    public static CatalogueRules shippedCatalogue() {
        return shipped().bind("dustwatch.ingest.catalogue", CatalogueRules.class).get();
    }

    /** The limits of the shipped application.yml ({@code dustwatch.ingest.limits}). */
    public static IngestLimits shippedLimits() {
        return shipped().bind("dustwatch.ingest.limits", IngestLimits.class).get();
    }

    private static Binder shipped() {
        try {
            List<PropertySource<?>> sources = new YamlPropertySourceLoader()
                    .load("application.yml", new ClassPathResource("application.yml"));
            return new Binder(ConfigurationPropertySources.from(sources));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 新度精工铝制品有限公司 with one wet collector whose points are registered (level in mm). */
    public static EnterpriseProfile xinduAlMgShop() {
        String dc = XINDU_ALMG + "-DC001";
        return new EnterpriseProfile(XINDU_ALMG, "新度精工铝制品有限公司", "350304102", DustType.AL_MG, 18, true,
                List.of(new DustCollector(dc, CollectorType.WET, true, null, List.of(
                        new MonitoringPoint(dc + "-WET_TANK_LEVEL", ParameterCode.WET_TANK_LEVEL, "mm", Map.of()),
                        new MonitoringPoint(dc + "-WET_FLOW", ParameterCode.WET_FLOW, null, Map.of()),
                        new MonitoringPoint(dc + "-WET_H2", ParameterCode.WET_H2, null, Map.of())))),
                Instant.parse("2026-11-01T00:00:00Z"),
                List.of(new CollectionGateway(XINDU_ALMG + "-GW01", "DW-100", "2.4.1")), List.of(), 119.02, 25.44);
    }

    public static EnterpriseProfile huangshiWoodPlant() {
        return new EnterpriseProfile(HUANGSHI_WOOD, "黄石金榕木艺有限公司", "350304101", DustType.WOOD, 42, true,
                List.of(new DustCollector(HUANGSHI_WOOD + "-DC001", CollectorType.DRY_BAG, true),
                        new DustCollector(HUANGSHI_WOOD + "-DC002", CollectorType.DRY_BAG, false),
                        new DustCollector(HUANGSHI_WOOD + "-DC003", CollectorType.DRY_BAG, false)),
                Instant.parse("2026-11-01T00:00:00Z"));
    }
}
