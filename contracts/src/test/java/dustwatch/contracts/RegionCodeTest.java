package dustwatch.contracts;

import dustwatch.contracts.region.RegionCode;
import dustwatch.contracts.region.Tier;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegionCodeTest {
    static final RegionCode FUJIAN = RegionCode.of("350000");
    static final RegionCode PUTIAN = RegionCode.of("350300");
    static final RegionCode LICHENG = RegionCode.of("350304");
    static final RegionCode HUANGSHI = RegionCode.of("350304101");
    static final RegionCode XINDU = RegionCode.of("350304102");

    @Test
    void tierFollowsTheShapeOfTheCode() {
        assertThat(FUJIAN.tier()).isEqualTo(Tier.PROVINCE);
        assertThat(PUTIAN.tier()).isEqualTo(Tier.CITY);
        assertThat(LICHENG.tier()).isEqualTo(Tier.DISTRICT);
        assertThat(HUANGSHI.tier()).isEqualTo(Tier.TOWN);
    }

    @Test
    void eachTierCoversWhatLiesUnderIt() {
        assertThat(FUJIAN.covers(HUANGSHI)).isTrue();
        assertThat(PUTIAN.covers(HUANGSHI)).isTrue();
        assertThat(LICHENG.covers(HUANGSHI)).isTrue();
        assertThat(HUANGSHI.covers(HUANGSHI)).isTrue();
        assertThat(XINDU.covers(HUANGSHI)).isFalse();
        assertThat(RegionCode.of("350305").covers(HUANGSHI)).isFalse();
        assertThat(RegionCode.of("350100").covers(HUANGSHI)).isFalse();
        assertThat(HUANGSHI.covers(LICHENG)).as("a town does not cover its district").isFalse();
    }

    @Test
    void ancestorsOfATown() {
        assertThat(HUANGSHI.ancestor(Tier.DISTRICT)).isEqualTo(LICHENG);
        assertThat(HUANGSHI.ancestor(Tier.CITY)).isEqualTo(PUTIAN);
        assertThat(HUANGSHI.ancestor(Tier.PROVINCE)).isEqualTo(FUJIAN);
        assertThatThrownBy(() -> LICHENG.ancestor(Tier.TOWN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void malformedCodesAreRefused() {
        assertThatThrownBy(() -> RegionCode.of("35030")).hasMessageContaining("6 or 9 digits");
        assertThatThrownBy(() -> RegionCode.of("35a304")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RegionCode.of("350004")).hasMessageContaining("neither");
    }
}
