package dustwatch.deploy;

import dustwatch.contracts.enterprise.Uscc;
import dustwatch.contracts.region.RegionCode;
import dustwatch.contracts.region.Tier;
import dustwatch.contracts.topic.Json;
import dustwatch.deploy.simulator.SimulatedEnterprise;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo realm and the simulator describe the same enterprises, and every demo account the README names exists. */
class RealmConsistencyTest {
    static final JsonNode REALM = Json.MAPPER.readTree(Path.of("keycloak/dustwatch-realm.json").toFile());
    static final List<SimulatedEnterprise> ENTERPRISES = SimulatedEnterprise.licheng();

    static Map<String, JsonNode> users() {
        Map<String, JsonNode> users = new HashMap<>();
        REALM.path("users").forEach(u -> users.put(u.path("username").asString(), u));
        return users;
    }

    static String attribute(JsonNode user, String name) {
        return user.path("attributes").path(name).path(0).asString(null);
    }

    @Test
    void thirtyEnterprisesOverLichengsSixTownsWithValidCodes() {
        assertThat(ENTERPRISES).hasSize(30);
        assertThat(ENTERPRISES).allMatch(e -> Uscc.isValid(e.uscc()));
        assertThat(ENTERPRISES.stream().map(SimulatedEnterprise::regionCode).distinct())
                .containsExactlyInAnyOrder("350304001", "350304002", "350304100", "350304101", "350304102", "350304103");
        assertThat(ENTERPRISES).allMatch(e -> RegionCode.of(e.regionCode()).ancestor(Tier.DISTRICT).value().equals("350304"));
        assertThat(ENTERPRISES.stream().filter(e -> e.dustType().name().equals("WOOD"))).hasSize(20)
                .allMatch(e -> e.collectors().stream().allMatch(c -> c.type().isDry()));
        assertThat(ENTERPRISES.stream().filter(e -> e.dustType().name().equals("AL_MG"))).hasSize(10)
                .allMatch(e -> e.collectors().stream().noneMatch(c -> c.type().isDry()));
    }

    @Test
    void everyEnterpriseHasASafetyManagerWithItsCodeAndRegion() {
        Map<String, JsonNode> users = users();
        for (SimulatedEnterprise e : ENTERPRISES) {
            JsonNode user = users.get(e.handle() + "-safety");
            assertThat(user).as(e.handle() + "-safety").isNotNull();
            assertThat(attribute(user, "dw_kind")).isEqualTo("ENTERPRISE");
            assertThat(attribute(user, "dw_uscc")).isEqualTo(e.uscc());
            assertThat(attribute(user, "dw_region")).isEqualTo(e.regionCode());
        }
    }

    @Test
    void theRegulatorsOfTheIssueExistAtTheirTiers() {
        Map<String, JsonNode> users = users();
        Map<String, String> expected = Map.of("fujian-duty", "350000", "putian-duty", "350300", "licheng-duty", "350304",
                "huangshi-duty", "350304101", "xindu-duty", "350304102");
        expected.forEach((name, region) -> {
            assertThat(users).containsKey(name);
            assertThat(attribute(users.get(name), "dw_kind")).isEqualTo("REGULATOR");
            assertThat(attribute(users.get(name), "dw_region")).isEqualTo(region);
            assertThat(users.get(name).path("email").asString()).as("password grant needs a complete profile").isNotBlank();
        });
    }

    @Test
    void theCityNodeIsAConfidentialClientWithCityNodeClaims() {
        JsonNode node = StreamSupport.stream(REALM.path("clients").spliterator(), false)
                .filter(c -> c.path("clientId").asString().equals("putian-node")).findFirst().orElseThrow();
        assertThat(node.path("serviceAccountsEnabled").asBoolean()).isTrue();
        assertThat(node.path("publicClient").asBoolean()).isFalse();
        Map<String, String> claims = new HashMap<>();
        node.path("protocolMappers").forEach(m -> claims.put(m.path("config").path("claim.name").asString(),
                m.path("config").path("claim.value").asString()));
        assertThat(claims).containsEntry("dw_kind", "CITY_NODE").containsEntry("dw_region", "350300");
        JsonNode console = StreamSupport.stream(REALM.path("clients").spliterator(), false)
                .filter(c -> c.path("clientId").asString().equals("dustwatch-console")).findFirst().orElseThrow();
        assertThat(console.path("publicClient").asBoolean()).isTrue();
        assertThat(console.path("attributes").path("pkce.code.challenge.method").asString()).isEqualTo("S256");
    }
}
