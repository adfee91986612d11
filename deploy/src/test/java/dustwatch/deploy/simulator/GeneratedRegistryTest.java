package dustwatch.deploy.simulator;

import dustwatch.contracts.enterprise.Uscc;
import dustwatch.contracts.region.RegionCode;
import dustwatch.contracts.region.Tier;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class GeneratedRegistryTest {
    @Test
    void theNationalRegistryHas43000DistinctValidEnterprisesInTownsOfTheNodesCity() {
        List<SimulatedEnterprise> registry = GeneratedRegistry.generate(43_000, 'N', GeneratedRegistry.PUTIAN_DISTRICTS);
        assertThat(registry).hasSize(43_000);
        Set<String> usccs = new HashSet<>();
        RegionCode putian = RegionCode.of("350300");
        for (SimulatedEnterprise e : registry) {
            assertThat(Uscc.isValid(e.uscc())).as(e.uscc()).isTrue();
            assertThat(usccs.add(e.uscc())).isTrue();
            RegionCode region = RegionCode.of(e.regionCode());
            assertThat(region.tier()).isEqualTo(Tier.TOWN);
            assertThat(putian.covers(region)).isTrue();
            assertThat(e.uscc().substring(2, 8)).isEqualTo(e.regionCode().substring(0, 6));
            assertThat(e.collectors()).hasSize(2);
        }
    }

    @Test
    void twoTagsNeverShareACode() {
        var a = GeneratedRegistry.generate(100, 'A', List.of("350304"));
        var b = GeneratedRegistry.generate(100, 'B', List.of("350304"));
        assertThat(a).extracting(SimulatedEnterprise::uscc).doesNotContainAnyElementsOf(b.stream().map(SimulatedEnterprise::uscc).toList());
    }

    @Test
    void retryAfterIsHonouredInSeconds() {
        assertThat(NationalSimulator.retryAfterMillis("3")).isEqualTo(3000);
        assertThat(NationalSimulator.retryAfterMillis(null)).isEqualTo(1000);
        assertThat(NationalSimulator.retryAfterMillis("Wed, 21 Oct 2026 07:28:00 GMT")).isEqualTo(1000);
    }
}
