package dustwatch.contracts;

import dustwatch.contracts.region.RegionCode;
import dustwatch.contracts.region.Tier;
import dustwatch.contracts.scope.Actor;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActorTest {
    static final RegionCode HUANGSHI = RegionCode.of("350304101");
    static final String JINRONG = "91350304MA2YB1XK0U";

    @Test
    void regulatorsSeeTheirRegionAndEnterprisesOnlyThemselves() {
        var licheng = Actor.fromClaims(Map.of("preferred_username", "licheng-duty", "dw_kind", "REGULATOR", "dw_region", "350304"));
        var xindu = Actor.fromClaims(Map.of("preferred_username", "xindu-duty", "dw_kind", "REGULATOR", "dw_region", "350304102"));
        var jinrong = Actor.fromClaims(Map.of("preferred_username", "jinrong", "dw_kind", "ENTERPRISE",
                "dw_region", "350304101", "dw_uscc", JINRONG));
        var node = Actor.fromClaims(Map.of("sub", "putian-node", "dw_kind", "CITY_NODE", "dw_region", "350300"));

        assertThat(licheng.tier()).isEqualTo(Tier.DISTRICT);
        assertThat(licheng.canSee(JINRONG, HUANGSHI)).isTrue();
        assertThat(xindu.canSee(JINRONG, HUANGSHI)).isFalse();
        assertThat(jinrong.tier()).isEqualTo(Tier.ENTERPRISE);
        assertThat(jinrong.canSee(JINRONG, HUANGSHI)).isTrue();
        assertThat(jinrong.canSee("91350304MA2YB1XK1X", HUANGSHI)).isFalse();
        assertThat(node.canSee(JINRONG, HUANGSHI)).as("a city node reads nothing").isFalse();
    }

    @Test
    void missingClaimsAreRefused() {
        assertThatThrownBy(() -> Actor.fromClaims(Map.of("preferred_username", "x"))).hasMessageContaining("dw_kind");
        assertThatThrownBy(() -> Actor.fromClaims(Map.of("dw_kind", "ENTERPRISE", "dw_region", "350304101")))
                .hasMessageContaining("USCC");
    }
}
