package dustwatch.ingest.registry;

import dustwatch.contracts.enterprise.CollectorType;
import dustwatch.contracts.enterprise.EnterpriseProfile;
import dustwatch.ingest.Fixtures;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static dustwatch.ingest.Fixtures.HUANGSHI_WOOD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RegistrationValidatorTest {
    static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");

    static Registration huangshi(String region, int workers, String collectorCode) {
        return new Registration("黄石金榕木艺有限公司", region, "WOOD", workers, true,
                List.of(new Registration.Collector(HUANGSHI_WOOD + "-DC001", "DRY_BAG", true),
                        new Registration.Collector(collectorCode, "DRY_BAG", false)));
    }

    List<FieldError> errors(String uscc, Registration r) {
        return catchThrowableOfType(InvalidRegistrationException.class,
                () -> RegistrationValidator.validate(uscc, r, Fixtures.PUTIAN_NODE, NOW)).errors();
    }

    @Test
    void aValidRegistrationBecomesAProfile() {
        EnterpriseProfile p = RegistrationValidator.validate(HUANGSHI_WOOD,
                huangshi("350304101", 42, HUANGSHI_WOOD + "-DC002"), Fixtures.PUTIAN_NODE, NOW);
        assertThat(p.regionCode()).isEqualTo("350304101");
        assertThat(p.collectors()).extracting(c -> c.type()).containsOnly(CollectorType.DRY_BAG);
        assertThat(p.updatedAt()).isEqualTo(NOW);
    }

    @Test
    void badCheckCharacter() {
        String wrong = HUANGSHI_WOOD.substring(0, 17) + (HUANGSHI_WOOD.charAt(17) == '0' ? '1' : '0');
        assertThat(errors(wrong, huangshi("350304101", 1, wrong + "-DC002")))
                .extracting(FieldError::field).contains("uscc");
    }

    @Test
    void regionMustBeADistrictOrTownOfTheNodesCity() {
        assertThat(errors(HUANGSHI_WOOD, huangshi("350300", 1, HUANGSHI_WOOD + "-DC002")))
                .containsExactly(new FieldError("regionCode", "350300 is a CITY code; an enterprise lies in a district or a town"));
        assertThat(errors(HUANGSHI_WOOD, huangshi("350102", 1, HUANGSHI_WOOD + "-DC002")))
                .containsExactly(new FieldError("regionCode", "350102 is not in this node's city 350300"));
    }

    @Test
    void collectorCodesAndWorkers() {
        assertThat(errors(HUANGSHI_WOOD, huangshi("350304101", -1, "DC002")))
                .containsExactlyInAnyOrder(new FieldError("dustWorkers", "dustWorkers must be >= 0, got -1"),
                        new FieldError("collectors[1].code", "collector code 'DC002' must be " + HUANGSHI_WOOD + "-DC{nnn}"));
        assertThat(errors(HUANGSHI_WOOD, huangshi("350304101", 3, HUANGSHI_WOOD + "-DC001")))
                .containsExactly(new FieldError("collectors[1].code", "collector code " + HUANGSHI_WOOD + "-DC001 appears twice"));
    }

    static Registration named(String name, List<Registration.Collector> collectors) {
        return new Registration(name, "350304101", "WOOD", 42, true, collectors);
    }

    @Test
    void aNameIsOneToTwoHundredCharactersWithoutControlCharacters() {
        List<Registration.Collector> one = List.of(new Registration.Collector(HUANGSHI_WOOD + "-DC001", "DRY_BAG", true));
        assertThat(errors(HUANGSHI_WOOD, named("黄石金榕木艺\u0000有限公司", one)))
                .containsExactly(new FieldError("name", "name contains control character U+0000"));
        assertThat(errors(HUANGSHI_WOOD, named("木".repeat(201), one)))
                .containsExactly(new FieldError("name", "name is 201 characters long, more than 200"));
        assertThat(RegistrationValidator.validate(HUANGSHI_WOOD, named("木".repeat(200), one), Fixtures.PUTIAN_NODE, NOW)
                .name()).hasSize(200);
    }

    @Test
    void atMostTwoHundredCollectors() {
        List<Registration.Collector> many = new java.util.ArrayList<>();
        for (int i = 1; i <= 201; i++) {
            many.add(new Registration.Collector(HUANGSHI_WOOD + "-DC" + String.format("%03d", i), "DRY_BAG", false));
        }
        assertThat(errors(HUANGSHI_WOOD, named("黄石金榕木艺有限公司", many)))
                .containsExactly(new FieldError("collectors", "201 collectors exceed the limit of 200"));
        assertThat(RegistrationValidator.validate(HUANGSHI_WOOD, named("黄石金榕木艺有限公司", many.subList(0, 200)),
                Fixtures.PUTIAN_NODE, NOW).collectors()).hasSize(200);
    }

    @Test
    void aCollectorCodeIsTheUsccThenDcAndThreeDigits() {
        for (String bad : List.of("-DC01", "-DC0001", "-DCabc", "-DC001\u0000", "-DC001x")) {
            assertThat(errors(HUANGSHI_WOOD, huangshi("350304101", 1, HUANGSHI_WOOD + bad)))
                    .as(bad).extracting(FieldError::field).containsExactly("collectors[1].code");
        }
    }

    // --- registry depth: points, gateways, cameras, position ---

    static Registration deep(List<Registration.Point> points, List<Registration.Gateway> gateways,
                             List<Registration.Camera> cameras, Double lon, Double lat) {
        return new Registration("黄石金榕木艺有限公司", "350304101", "WOOD", 42, true,
                List.of(new Registration.Collector(HUANGSHI_WOOD + "-DC001", "DRY_BAG", true, "WOOD", points)),
                gateways, cameras, lon, lat);
    }

    @Test
    void pointsGatewaysCamerasAndPositionAreKept() {
        EnterpriseProfile p = RegistrationValidator.validate(HUANGSHI_WOOD, deep(
                List.of(new Registration.Point(HUANGSHI_WOOD + "-DC001-DRY_HOPPER_TEMP-1", "℉", java.util.Map.of("HIGH", 65.0)),
                        new Registration.Point(HUANGSHI_WOOD + "-DC001-DRY_DP", null, null)),
                List.of(new Registration.Gateway(HUANGSHI_WOOD + "-GW01", "DW-GW100", "2.3.1")),
                List.of(new Registration.Camera(HUANGSHI_WOOD + "-CAM001", "rtsp://192.0.2.10/main", HUANGSHI_WOOD + "-DC001")),
                119.08, 25.42), Fixtures.PUTIAN_NODE, NOW);
        var hopper = p.collectors().getFirst().points().getFirst();
        assertThat(hopper.param()).isEqualTo(dustwatch.contracts.reading.ParameterCode.DRY_HOPPER_TEMP);
        assertThat(hopper.unit()).isEqualTo("℉");
        assertThat(hopper.thresholds()).containsEntry(dustwatch.contracts.alarm.AlarmType.HIGH, 65.0);
        assertThat(p.collectors().getFirst().dustType()).isEqualTo(dustwatch.contracts.enterprise.DustType.WOOD);
        assertThat(p.gateways()).extracting(g -> g.code()).containsExactly(HUANGSHI_WOOD + "-GW01");
        assertThat(p.cameras()).extracting(c -> c.collectorCode()).containsExactly(HUANGSHI_WOOD + "-DC001");
        assertThat(p.longitude()).isEqualTo(119.08);
    }

    @Test
    void aWetPointOnADryCollectorAndOtherDepthErrorsAreNamed() {
        List<FieldError> errors = errors(HUANGSHI_WOOD, deep(
                List.of(new Registration.Point(HUANGSHI_WOOD + "-DC001-WET_H2", null, null),
                        new Registration.Point(HUANGSHI_WOOD + "-DC001-DRY_DP", "bar", java.util.Map.of("SOMETIMES", 1.0))),
                List.of(new Registration.Gateway(HUANGSHI_WOOD + "-G01", null, null)),
                List.of(new Registration.Camera(HUANGSHI_WOOD + "-CAM001", "javascript:alert(1)", HUANGSHI_WOOD + "-DC009")),
                151.2, 25.4));
        assertThat(errors).extracting(FieldError::field).containsExactlyInAnyOrder(
                "collectors[0].points[0].code", "collectors[0].points[1].unit", "collectors[0].points[1].thresholds",
                "gateways[0].code", "cameras[0].streamUrl", "cameras[0].collectorCode", "longitude");
    }
}
