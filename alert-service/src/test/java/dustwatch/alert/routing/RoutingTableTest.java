package dustwatch.alert.routing;

import dustwatch.contracts.region.RegionCode;
import dustwatch.contracts.region.Tier;
import dustwatch.contracts.risk.Colour;
import dustwatch.contracts.scope.Actor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.util.List;

import static dustwatch.alert.Fixtures.FUJIAN;
import static dustwatch.alert.Fixtures.HUANGSHI;
import static dustwatch.alert.Fixtures.HUANGSHI_FURNITURE;
import static dustwatch.alert.Fixtures.LICHENG;
import static dustwatch.alert.Fixtures.LICHENG_MILL;
import static dustwatch.alert.Fixtures.PUTIAN;
import static dustwatch.alert.Fixtures.XINDU;
import static dustwatch.alert.Fixtures.XINDU_POLISHING;
import static dustwatch.alert.Fixtures.huangshiWarning;
import static dustwatch.alert.Fixtures.warning;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Routing by colour × tier × region with the Licheng defaults of application.yml (domain reference §4.3). */
class RoutingTableTest {
    private final RoutingTable table = RoutingTable.from(shippedProperties());

    private static Actor regulator(String name, String region) {
        return new Actor(name, Actor.Kind.REGULATOR, RegionCode.of(region), null);
    }

    private static Actor enterprise(String uscc, String region) {
        return new Actor("safety-manager", Actor.Kind.ENTERPRISE, RegionCode.of(region), uscc);
    }

    @Test
    void theShippedDefaultsAreTheLichengPlan() {
        assertThat(table.configVersion()).isEqualTo("routing-2026.1");
        assertThat(table.tiersFor(Colour.BLUE)).containsExactly(Tier.ENTERPRISE, Tier.TOWN, Tier.DISTRICT);
        assertThat(table.tiersFor(Colour.YELLOW)).containsExactly(Tier.ENTERPRISE, Tier.TOWN, Tier.DISTRICT);
        assertThat(table.tiersFor(Colour.ORANGE)).containsExactly(Tier.ENTERPRISE, Tier.TOWN, Tier.DISTRICT, Tier.CITY);
        assertThat(table.tiersFor(Colour.RED))
                .containsExactly(Tier.ENTERPRISE, Tier.TOWN, Tier.DISTRICT, Tier.CITY, Tier.PROVINCE);
    }

    @Test
    void blueAndYellowReachTheEnterpriseTownAndDistrictButNotTheCity() {
        for (Colour colour : List.of(Colour.BLUE, Colour.YELLOW)) {
            RoutedWarning routed = table.route(huangshiWarning("w-" + colour, colour));
            assertThat(routed.audiences()).containsExactly(new Audience(Tier.ENTERPRISE, HUANGSHI_FURNITURE),
                    new Audience(Tier.TOWN, HUANGSHI), new Audience(Tier.DISTRICT, LICHENG));
            assertThat(routed.reaches(regulator("huangshi-duty", HUANGSHI))).isTrue();
            assertThat(routed.reaches(regulator("licheng-duty", LICHENG))).isTrue();
            assertThat(routed.reaches(regulator("putian-duty", PUTIAN))).isFalse();
            assertThat(routed.routingConfigVersion()).isEqualTo("routing-2026.1");
        }
    }

    @Test
    void orangeAddsTheCity() {
        RoutedWarning routed = table.route(huangshiWarning("w-orange", Colour.ORANGE));
        assertThat(routed.routedTiers()).containsExactly(Tier.ENTERPRISE, Tier.TOWN, Tier.DISTRICT, Tier.CITY);
        assertThat(routed.audiences()).contains(new Audience(Tier.CITY, PUTIAN));
        assertThat(routed.reaches(regulator("putian-duty", PUTIAN))).isTrue();
        assertThat(routed.reaches(regulator("fujian-duty", FUJIAN))).isFalse();
    }

    @Test
    void redReachesTheProvince() {
        RoutedWarning routed = table.route(huangshiWarning("w-red", Colour.RED));
        assertThat(routed.audiences()).containsExactly(new Audience(Tier.ENTERPRISE, HUANGSHI_FURNITURE),
                new Audience(Tier.TOWN, HUANGSHI), new Audience(Tier.DISTRICT, LICHENG),
                new Audience(Tier.CITY, PUTIAN), new Audience(Tier.PROVINCE, FUJIAN));
        assertThat(routed.reaches(regulator("fujian-duty", FUJIAN))).isTrue();
    }

    @Test
    void aDistrictLevelEnterpriseHasNoTownAudience() {
        RoutedWarning routed = table.route(warning("w-mill", LICHENG_MILL, "荔城面粉厂", LICHENG, Colour.YELLOW));
        assertThat(routed.audiences()).containsExactly(new Audience(Tier.ENTERPRISE, LICHENG_MILL),
                new Audience(Tier.DISTRICT, LICHENG));
        assertThat(routed.routedTiers()).doesNotContain(Tier.TOWN);
        assertThat(routed.reaches(regulator("huangshi-duty", HUANGSHI))).isFalse();
        assertThat(routed.reaches(regulator("licheng-duty", LICHENG))).isTrue();
    }

    @Test
    void xinduDoesNotReceiveAHuangshiWarning() {
        for (Colour colour : Colour.values()) {
            assertThat(table.reaches(regulator("xindu-duty", XINDU), huangshiWarning("w-" + colour, colour)))
                    .as(colour.name()).isFalse();
        }
    }

    @Test
    void anEnterpriseUserReceivesOnlyItsOwnWarnings() {
        var huangshi = huangshiWarning("w-own", Colour.BLUE);
        assertThat(table.reaches(enterprise(HUANGSHI_FURNITURE, HUANGSHI), huangshi)).isTrue();
        assertThat(table.reaches(enterprise(XINDU_POLISHING, XINDU), huangshi)).isFalse();
        // Same town, different enterprise: region alone does not make an enterprise user an audience.
        assertThat(table.reaches(enterprise(XINDU_POLISHING, HUANGSHI), huangshi)).isFalse();
    }

    @Test
    void cityNodesReceiveNothing() {
        var node = new Actor("putian-node", Actor.Kind.CITY_NODE, RegionCode.of(PUTIAN), null);
        assertThat(table.reaches(node, huangshiWarning("w-node", Colour.RED))).isFalse();
    }

    @Test
    void aTierLeftOutOfTheConfigurationIsNotReached() {
        var districtOnly = new RoutingTable(java.util.Map.of(Colour.YELLOW, List.of(Tier.DISTRICT)), "test-1");
        RoutedWarning routed = districtOnly.route(huangshiWarning("w-narrow", Colour.YELLOW));
        assertThat(routed.audiences()).containsExactly(new Audience(Tier.DISTRICT, LICHENG));
        assertThat(routed.reaches(enterprise(HUANGSHI_FURNITURE, HUANGSHI))).isFalse();
        assertThat(districtOnly.tiersFor(Colour.RED)).isEmpty();
    }

    @Test
    void aMalformedRegionCodeIsRefused() {
        assertThatThrownBy(() -> table.route(warning("w-bad", HUANGSHI_FURNITURE, "x", "3503", Colour.RED)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3503");
    }

    /** Binds {@code dustwatch.alert.routing} from the application.yml that ships in the jar. */
    private static RoutingProperties shippedProperties() {
        try {
            List<PropertySource<?>> sources = new YamlPropertySourceLoader()
                    .load("application.yml", new ClassPathResource("application.yml"));
            StandardEnvironment environment = new StandardEnvironment();
            sources.forEach(environment.getPropertySources()::addLast);
            return Binder.get(environment).bind("dustwatch.alert.routing", RoutingProperties.class).get();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
