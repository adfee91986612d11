package dustwatch.ingest.push;

import dustwatch.ingest.platform.ReasonCode;
import dustwatch.ingest.platform.RejectedRequestException;
import dustwatch.contracts.enterprise.EnterpriseProfile;
import dustwatch.contracts.reading.Heartbeat;
import dustwatch.contracts.reading.ParameterCode;
import dustwatch.contracts.reading.Reading;
import dustwatch.contracts.reading.ReadingBatch;
import dustwatch.contracts.topic.Json;
import dustwatch.ingest.Fixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static dustwatch.ingest.Fixtures.HUANGSHI_WOOD;
import static dustwatch.ingest.Fixtures.XINDU_ALMG;
import static org.assertj.core.api.Assertions.assertThat;

/** Every rejection reason of §2.4/§2.5/§1.3, one at a time, against a valid REALTIME message of the Huangshi plant. */
class MessageValidatorTest {
    /** 2026-12-01 10:00:00 in Asia/Shanghai. */
    static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");
    final EnterpriseProfile plant = Fixtures.huangshiWoodPlant();
    final EnterpriseProfile shop = Fixtures.xinduAlMgShop();
    final MessageValidator validator = new MessageValidator(new IngestLimits(500, 3, java.time.Duration.ofMinutes(5),
            java.time.Duration.ofHours(24), java.time.Duration.ofDays(30), org.springframework.util.unit.DataSize.ofMegabytes(8)),
            Fixtures.shippedCatalogue(),
            uscc -> uscc.equals(HUANGSHI_WOOD) ? Optional.of(plant) : Optional.empty());
    /** Knows the Xindu Al/Mg shop too. */
    final MessageValidator withShop = new MessageValidator(IngestLimits.defaults(), Fixtures.shippedCatalogue(),
            uscc -> uscc.equals(HUANGSHI_WOOD) ? Optional.of(plant) : uscc.equals(XINDU_ALMG) ? Optional.of(shop) : Optional.empty());

    /** Each reason as {@code CODE field}. */
    static List<String> codes(Verdict.Rejected r) {
        return r.reasons().stream().map(x -> x.code() + " " + x.field()).toList();
    }

    static List<String> messages(Verdict.Rejected r) {
        return r.reasons().stream().map(Reason::message).toList();
    }

    static ObjectNode realtime() {
        return (ObjectNode) Json.MAPPER.readTree("""
                {"msgId":"m-1","msgType":"REALTIME","specVersion":"1.0","enterpriseCode":"%1$s",
                 "gatewayCode":"%1$s-GW01","sendTime":"2026-12-01 09:59:05","collectTime":"2026-12-01 09:59:00",
                 "reportType":"NORMAL","dataSourceConnected":true,
                 "points":[{"pointCode":"%1$s-DC001-DRY_HOPPER_TEMP-1","value":36.4,"unit":"℃","quality":0},
                           {"pointCode":"%1$s-DC001-DRY_DP","value":1850,"unit":"Pa","quality":0,
                            "collectTime":"2026-12-01T01:58:30Z"}]}
                """.formatted(HUANGSHI_WOOD));
    }

    Verdict check(JsonNode message) {
        return validator.check(4, message, Fixtures.PUTIAN_NODE, NOW);
    }

    Verdict.Rejected rejected(JsonNode message) {
        Verdict v = check(message);
        assertThat(v).isInstanceOf(Verdict.Rejected.class);
        Verdict.Rejected r = (Verdict.Rejected) v;
        assertThat(r.index()).isEqualTo(4);
        return r;
    }

    ObjectNode point(ObjectNode m, int i) {
        return (ObjectNode) m.get("points").get(i);
    }

    @Test
    void aValidRealtimeMessageBecomesAReadingBatch() {
        Verdict v = check(realtime());
        assertThat(v).isInstanceOf(Verdict.Valid.class);
        ReadingBatch batch = (ReadingBatch) ((Verdict.Valid) v).event();
        assertThat(batch.eventId()).isEqualTo("m-1");
        assertThat(batch.regionCode()).isEqualTo("350304101");
        assertThat(batch.collectTime()).isEqualTo(Instant.parse("2026-12-01T01:59:00Z"));
        assertThat(batch.receivedAt()).isEqualTo(NOW);
        assertThat(batch.resend()).isFalse();
        assertThat(batch.readings()).hasSize(2);
        assertThat(batch.readings().get(0).param()).isEqualTo(ParameterCode.DRY_HOPPER_TEMP);
        assertThat(batch.readings().get(0).collectTime()).isEqualTo(Instant.parse("2026-12-01T01:59:00Z"));
        assertThat(batch.readings().get(1).param()).isEqualTo(ParameterCode.DRY_DP);
        assertThat(batch.readings().get(1).value()).isEqualTo(1850.0);
        assertThat(batch.readings().get(1).collectTime()).isEqualTo(Instant.parse("2026-12-01T01:58:30Z"));
    }

    @Test
    void missingMsgId() {
        ObjectNode m = realtime();
        m.remove("msgId");
        Verdict.Rejected r = rejected(m);
        assertThat(r.msgId()).isNull();
        assertThat(codes(r)).containsExactly("MISSING_FIELD msgId");
    }

    @Test
    void unsupportedMsgType() {
        ObjectNode m = realtime().put("msgType", "ALARM");
        assertThat(codes(rejected(m))).containsExactly("UNSUPPORTED_MSG_TYPE msgType");
    }

    @Test
    void typeErrorNamesTheField() {
        ObjectNode m = realtime();
        point(m, 1).put("value", "1850");
        m.put("dataSourceConnected", "yes");
        assertThat(codes(rejected(m))).containsExactlyInAnyOrder("WRONG_TYPE points[1].value", "WRONG_TYPE dataSourceConnected");
        assertThat(messages(rejected(m))).contains("points[1].value must be a number, got STRING");
    }

    @Test
    void unregisteredEnterprise() {
        String other = "91350304MA31H7NK5" + dustwatch.contracts.enterprise.Uscc.checkCharacter("91350304MA31H7NK5");
        ObjectNode m = realtime().put("enterpriseCode", other);
        assertThat(rejected(m).reasons()).contains(new Reason(ReasonCode.NOT_IN_NODE_CITY, "enterpriseCode",
                "enterpriseCode " + other + " is not registered in this node's city 350300"));
    }

    @Test
    void enterpriseOfAnotherCityIsRefusedToTheNode() {
        Verdict v = validator.check(0, realtime(), Fixtures.FUZHOU_NODE, NOW);
        assertThat(codes((Verdict.Rejected) v)).containsExactly("NOT_IN_NODE_CITY enterpriseCode");
    }

    @Test
    void gatewayOfAnotherEnterprise() {
        ObjectNode m = realtime().put("gatewayCode", "91350304MA31H7NK5X-GW01");
        assertThat(codes(rejected(m))).containsExactly("UNKNOWN_GATEWAY gatewayCode");
    }

    @Test
    void pointCodeWithoutCatalogueParameter() {
        ObjectNode m = realtime();
        point(m, 0).put("pointCode", HUANGSHI_WOOD + "-DC001-HUMIDITY");
        assertThat(codes(rejected(m))).containsExactly("UNKNOWN_PARAMETER points[0].pointCode");
    }

    @Test
    void pointOfAnotherEnterprise() {
        ObjectNode m = realtime();
        point(m, 0).put("pointCode", "91350304MA31H7NK5X-DC001-DRY_DP").put("unit", "Pa");
        assertThat(codes(rejected(m))).containsExactly("POINT_NOT_OF_ENTERPRISE points[0].pointCode");
    }

    @Test
    void qualityOnlyTheCodesAGatewayMaySend() {
        for (int q : new int[]{4, 7, 8, -1}) {
            ObjectNode m = realtime();
            point(m, 0).put("quality", q);
            assertThat(codes(rejected(m))).as("quality " + q).containsExactly("INVALID_QUALITY points[0].quality");
        }
        ObjectNode m = realtime();
        point(m, 0).put("quality", 2);
        assertThat(((ReadingBatch) ((Verdict.Valid) check(m)).event()).readings().get(0).quality()).isEqualTo(2);
        point(m, 0).put("quality", 0.5);
        assertThat(codes(rejected(m))).containsExactly("WRONG_TYPE points[0].quality");
    }

    @Test
    void aValueMustBeFinite() {
        ObjectNode m = realtime();
        point(m, 0).put("value", Double.POSITIVE_INFINITY);
        assertThat(codes(rejected(m))).containsExactly("NOT_FINITE points[0].value");
    }

    @Test
    void collectTimeMoreThanFiveMinutesAhead() {
        ObjectNode m = realtime().put("collectTime", "2026-12-01 10:06:00");
        assertThat(codes(rejected(m))).containsExactly("IN_FUTURE collectTime");
        assertThat(check(realtime().put("collectTime", "2026-12-01 10:04:00"))).isInstanceOf(Verdict.Valid.class);
    }

    @Test
    void normalDataOlderThanADayIsRefusedButResendIsAllowed() {
        ObjectNode m = realtime().put("collectTime", "2026-11-30 09:00:00");
        assertThat(codes(rejected(m))).containsExactly("TOO_OLD collectTime");
        assertThat(messages(rejected(m))).containsExactly(
                "collectTime 2026-11-30T09:00:00+08:00 is older than 24 h on a NORMAL message (send it as RESEND)");
        Verdict resend = check(m.put("reportType", "RESEND"));
        assertThat(resend).isInstanceOf(Verdict.Valid.class);
        assertThat(((ReadingBatch) ((Verdict.Valid) resend).event()).resend()).isTrue();
    }

    @Test
    void resendOlderThanThirtyDays() {
        ObjectNode m = realtime().put("reportType", "RESEND").put("collectTime", "2026-10-30 10:00:00");
        assertThat(codes(rejected(m))).containsExactly("TOO_OLD collectTime");
    }

    @Test
    void unreadableTime() {
        ObjectNode m = realtime().put("collectTime", "01/12/2026 09:59");
        assertThat(codes(rejected(m))).containsExactly("BAD_TIME collectTime");
    }

    @Test
    void tooManyPoints() {
        ObjectNode m = realtime();
        ArrayNode points = (ArrayNode) m.get("points");
        points.add(points.get(0).deepCopy()).add(points.get(0).deepCopy());
        assertThat(codes(rejected(m))).containsExactly("TOO_MANY_POINTS points");
    }

    @Test
    void everyReasonIsListed() {
        ObjectNode m = realtime().put("reportType", "LATE");
        m.remove("gatewayCode");
        point(m, 0).remove("value");
        assertThat(codes(rejected(m))).containsExactlyInAnyOrder(
                "MISSING_FIELD gatewayCode", "BAD_FORMAT reportType", "MISSING_FIELD points[0].value");
    }

    @Test
    void aHeartbeatBecomesAHeartbeatEvent() {
        JsonNode hb = Json.MAPPER.readTree("""
                {"msgId":"hb-1","msgType":"HEARTBEAT","enterpriseCode":"%1$s","gatewayCode":"%1$s-GW01",
                 "sendTime":"2026-12-01 09:59:30","firmwareVersion":"2.4.1","bufferedMessages":12,
                 "dataSourceConnected":false}
                """.formatted(HUANGSHI_WOOD));
        Verdict v = check(hb);
        assertThat(v).isInstanceOf(Verdict.Valid.class);
        Heartbeat h = (Heartbeat) ((Verdict.Valid) v).event();
        assertThat(h).isEqualTo(new Heartbeat("hb-1", HUANGSHI_WOOD, HUANGSHI_WOOD + "-GW01",
                Instant.parse("2026-12-01T01:59:30Z"), "2.4.1", 12, false));
    }

    @Test
    void aMessageThatIsNotAnObject() {
        assertThat(codes(rejected(Json.MAPPER.readTree("\"REALTIME\"")))).containsExactly("WRONG_TYPE null");
    }

    // --- field lengths and characters (break test H2/M1) ---

    @Test
    void aNulInTheMsgIdIsRefusedNamingTheField() {
        Verdict.Rejected r = rejected(realtime().put("msgId", "m-\u00001"));
        assertThat(r.msgId()).isNull();
        assertThat(r.reasons()).containsExactly(new Reason(ReasonCode.BAD_FORMAT, "msgId",
                "msgId contains control character U+0000 at position 2"));
    }

    @Test
    void aMsgIdLongerThan64OrWithOtherCharactersIsRefused() {
        String longId = "m".repeat(8192);
        Verdict.Rejected r = rejected(realtime().put("msgId", longId));
        assertThat(r.msgId()).isNull();
        assertThat(messages(r)).singleElement().asString()
                .endsWith("… (8192 characters) must be 1-64 characters of [A-Za-z0-9._:-]")
                .hasSizeLessThan(200);
        assertThat(codes(rejected(realtime().put("msgId", "m 1/2")))).containsExactly("BAD_FORMAT msgId");
        assertThat(check(realtime().put("msgId", "GW01:2026-12-01T09.59_" + "x".repeat(42)))).isInstanceOf(Verdict.Valid.class);
    }

    @Test
    void aHugeGatewayCodeIsRefusedWithoutEchoingIt() {
        String huge = HUANGSHI_WOOD + "-GW" + "1".repeat(2 * 1024 * 1024);
        assertThat(messages(rejected(realtime().put("gatewayCode", huge))))
                .containsExactly("gatewayCode is " + huge.length() + " characters long, more than 64");
    }

    @Test
    void aGatewayCodeNeedsOneToFourAlphanumericsAfterGw() {
        assertThat(rejected(realtime().put("gatewayCode", HUANGSHI_WOOD + "-GW01234")).reasons()).hasSize(1);
        assertThat(rejected(realtime().put("gatewayCode", HUANGSHI_WOOD + "-GW0-1")).reasons()).hasSize(1);
        assertThat(rejected(realtime().put("gatewayCode", HUANGSHI_WOOD + "-GW")).reasons()).hasSize(1);
        assertThat(check(realtime().put("gatewayCode", HUANGSHI_WOOD + "-GWa9Z1"))).isInstanceOf(Verdict.Valid.class);
    }

    @Test
    void aLongPointCodeIsRefused() {
        ObjectNode m = realtime();
        String code = HUANGSHI_WOOD + "-DC001-DRY_DP-" + "1".repeat(9000);
        point(m, 0).put("pointCode", code);
        assertThat(codes(rejected(m))).containsExactly("BAD_FORMAT points[0].pointCode");
    }

    @Test
    void aNulInAPointCodeIsRefusedNamingThePoint() {
        ObjectNode m = realtime();
        point(m, 1).put("pointCode", HUANGSHI_WOOD + "-DC001-DRY_DP\u0000");
        assertThat(messages(rejected(m))).containsExactly("points[1].pointCode contains control character U+0000 at position 31");
    }

    @Test
    void aPointCodeMustHaveTheCollectorNumberShape() {
        ObjectNode m = realtime();
        point(m, 0).put("pointCode", HUANGSHI_WOOD + "-DC1-DRY_DP");
        assertThat(codes(rejected(m))).containsExactly("BAD_FORMAT points[0].pointCode");
        point(m, 0).put("pointCode", HUANGSHI_WOOD + "-DC001-DRY_DP-x");
        assertThat(rejected(m).reasons()).hasSize(1);
    }

    @Test
    void shortTextsAreAtMost32PrintableCharacters() {
        ObjectNode m = realtime().put("specVersion", "1".repeat(33));
        point(m, 0).put("unit", "℃\u007F");
        assertThat(messages(rejected(m))).containsExactlyInAnyOrder("specVersion is 33 characters long, more than 32",
                "points[0].unit contains control character U+007F at position 1");
        JsonNode hb = Json.MAPPER.readTree("""
                {"msgId":"hb-1","msgType":"HEARTBEAT","enterpriseCode":"%1$s","gatewayCode":"%1$s-GW01",
                 "sendTime":"2026-12-01 09:59:30","firmwareVersion":"2.4.1\\u001b[31m"}
                """.formatted(HUANGSHI_WOOD));
        assertThat(messages(rejected(hb))).containsExactly("firmwareVersion contains control character U+001B at position 5");
    }

    @Test
    void aControlCharacterInAnyStringFieldIsNamed() {
        assertThat(messages(rejected(realtime().put("reportType", "NORMAL\n"))))
                .containsExactly("reportType contains control character U+000A at position 6");
        assertThat(messages(rejected(realtime().put("enterpriseCode", HUANGSHI_WOOD + "\u0000"))))
                .contains("enterpriseCode contains control character U+0000 at position 18");
        assertThat(codes(rejected(realtime().put("collectTime", "2026-12-01\t09:59:00"))))
                .containsExactly("BAD_FORMAT collectTime");
    }

    @Test
    void anEnterpriseCodeThatIsNoUsccIsNotLookedUp() {
        MessageValidator strict = new MessageValidator(IngestLimits.defaults(), Fixtures.shippedCatalogue(), uscc -> {
            throw new AssertionError("looked up " + uscc);
        });
        Verdict v = strict.check(0, realtime().put("enterpriseCode", "x".repeat(5000)), Fixtures.PUTIAN_NODE, NOW);
        assertThat(((Verdict.Rejected) v).reasons()).anySatisfy(reason -> {
            assertThat(reason.code()).isEqualTo(ReasonCode.INVALID_USCC);
            assertThat(reason.message()).startsWith("enterpriseCode xxx")
                    .endsWith("is not an 18-character USCC with a valid check character");
        });
    }

    @Test
    void theDefaultsAreAThousandPointsAndEightMebibytes() {
        assertThat(IngestLimits.defaults().maxPoints()).isEqualTo(1000);
        assertThat(IngestLimits.defaults().maxRequestBytes().toBytes()).isEqualTo(8L * 1024 * 1024);
    }

    // --- the catalogue and the registry (issue: only true data gets in) ---

    Reading only(ObjectNode m) {
        Verdict v = withShop.check(0, m, Fixtures.PUTIAN_NODE, NOW);
        assertThat(v).as("%s", v).isInstanceOf(Verdict.Valid.class);
        return ((ReadingBatch) ((Verdict.Valid) v).event()).readings().get(0);
    }

    @Test
    void aFahrenheitHopperTemperatureIsStoredInCelsiusWithItsOriginalKept() {
        ObjectNode m = realtime();
        point(m, 0).put("value", 165).put("unit", "℉");
        Reading r = only(m);
        assertThat(r.value()).isCloseTo(73.89, org.assertj.core.api.Assertions.within(0.01));
        assertThat(r.originalValue()).isEqualTo(165.0);
        assertThat(r.originalUnit()).isEqualTo("℉");
    }

    @Test
    void kilopascalBecomesPascal() {
        ObjectNode m = realtime();
        point(m, 1).put("value", 1.85).put("unit", "kPa");
        Reading dp = ((ReadingBatch) ((Verdict.Valid) check(m)).event()).readings().get(1);
        assertThat(dp.value()).isCloseTo(1850.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(dp.originalUnit()).isEqualTo("kPa");
    }

    @Test
    void aUnitWithoutConversionIsRefused() {
        ObjectNode m = realtime();
        point(m, 0).put("unit", "Pa");
        Verdict.Rejected r = rejected(m);
        assertThat(codes(r)).containsExactly("UNIT_MISMATCH points[0].unit");
        assertThat(messages(r).get(0)).contains("accepted: [℃, °C");
    }

    @Test
    void aValueOutsideThePlausibleRangeIsRefused() {
        ObjectNode m = realtime();
        point(m, 0).put("value", 1e308);
        assertThat(codes(rejected(m))).containsExactly("OUT_OF_RANGE points[0].value");
        point(m, 0).put("value", 900).put("unit", "℉");
        assertThat(messages(rejected(m)).get(0)).contains("(= 482.2").contains("outside the plausible range -40.0 … 400.0 ℃");
        point(m, 0).put("value", 399).put("unit", "℃");
        assertThat(only(m).value()).isEqualTo(399.0);
    }

    @Test
    void digitalPointsAreZeroOrOneAndCountersWholeNumbers() {
        ObjectNode m = realtime();
        point(m, 0).put("pointCode", HUANGSHI_WOOD + "-DC001-FAN_RUN").put("value", 2).remove("unit");
        assertThat(codes(rejected(m))).containsExactly("NOT_DISCRETE points[0].value");
        point(m, 0).put("value", 1);
        assertThat(only(m).value()).isEqualTo(1.0);
        point(m, 0).put("pointCode", HUANGSHI_WOOD + "-DC001-SPARK_DETECT").put("value", 1.5);
        assertThat(codes(rejected(m))).containsExactly("NOT_DISCRETE points[0].value");
    }

    @Test
    void aPointOnAnUnregisteredCollectorIsRefused() {
        ObjectNode m = realtime();
        point(m, 0).put("pointCode", HUANGSHI_WOOD + "-DC009-DRY_HOPPER_TEMP");
        assertThat(codes(rejected(m))).containsExactly("UNKNOWN_COLLECTOR points[0].pointCode");
    }

    @Test
    void hydrogenOnADryOnlyPlantIsRefused() {
        ObjectNode m = realtime();
        point(m, 0).put("pointCode", HUANGSHI_WOOD + "-DC001-WET_H2").put("value", 1230).put("unit", "%LEL");
        Verdict.Rejected r = rejected(m);
        assertThat(codes(r)).contains("PARAMETER_NOT_FOR_COLLECTOR points[0].pointCode");
        assertThat(messages(r).get(0)).isEqualTo("WET_H2 (氢气浓度) is a WET parameter; collector " + HUANGSHI_WOOD
                + "-DC001 is DRY_BAG");
    }

    ObjectNode wetMessage(String param, double value, String unit) {
        ObjectNode m = realtime().put("enterpriseCode", XINDU_ALMG).put("gatewayCode", XINDU_ALMG + "-GW01");
        ArrayNode points = (ArrayNode) m.get("points");
        points.removeAll();
        ObjectNode p = points.addObject().put("pointCode", XINDU_ALMG + "-DC001-" + param).put("value", value).put("quality", 0);
        if (unit != null) {
            p.put("unit", unit);
        }
        return m;
    }

    @Test
    void aRegisteredPointIsReadInItsRegisteredUnitAndOthersAreUnknown() {
        Reading level = only(wetMessage("WET_TANK_LEVEL", 850, null));
        assertThat(level.value()).as("registered in mm").isCloseTo(0.85, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(level.originalUnit()).isNull();
        assertThat(codes(wet(wetMessage("WET_WATER_P", 0.3, "MPa")))).containsExactly("UNKNOWN_POINT points[0].pointCode");
        assertThat(codes(wet(wetMessage("DRY_DP", 900, "Pa")))).containsExactly("PARAMETER_NOT_FOR_COLLECTOR points[0].pointCode");
    }

    @Test
    void onlyARegisteredGatewayMaySendWhenGatewaysAreRegistered() {
        ObjectNode m = wetMessage("WET_FLOW", 12, "m³/h").put("gatewayCode", XINDU_ALMG + "-GW02");
        assertThat(codes(wet(m))).containsExactly("UNKNOWN_GATEWAY gatewayCode");
    }

    Verdict.Rejected wet(ObjectNode m) {
        Verdict v = withShop.check(0, m, Fixtures.PUTIAN_NODE, NOW);
        assertThat(v).isInstanceOf(Verdict.Rejected.class);
        return (Verdict.Rejected) v;
    }

    @Test
    void anImpossibleDateIsRefusedNotMoved() {
        assertThat(codes(rejected(realtime().put("collectTime", "2026-11-31 09:59:00")))).containsExactly("BAD_TIME collectTime");
        assertThat(codes(rejected(realtime().put("collectTime", "2026-02-29T09:59:00+08:00")))).containsExactly("BAD_TIME collectTime");
    }

    @Test
    void collectTimesAreCutToTheSecond() {
        ObjectNode m = realtime();
        point(m, 0).put("collectTime", "2026-12-01T09:58:30.750+08:00");
        assertThat(only(m).collectTime()).isEqualTo(Instant.parse("2026-12-01T01:58:30Z"));
    }

    @Test
    void anIntegerBeyondTheDoubleRangeIsNotFiniteNotAnError() {
        ObjectNode m = (ObjectNode) Json.MAPPER.readTree(realtime().toString().replace("\"value\":36.4", "\"value\":1" + "0".repeat(400)));
        assertThat(codes(rejected(m))).containsExactly("NOT_FINITE points[0].value");
    }

    @Test
    void aSendTimeOrHeartbeatFrom1970IsABrokenClock() {
        assertThat(codes(rejected(realtime().put("sendTime", "1970-01-01 08:00:00")))).containsExactly("TOO_OLD sendTime");
        JsonNode hb = Json.MAPPER.readTree("""
                {"msgId":"hb-1","msgType":"HEARTBEAT","enterpriseCode":"%1$s","gatewayCode":"%1$s-GW01",
                 "sendTime":"2026-12-01 09:59:30","time":"1970-01-01 08:00:00"}
                """.formatted(HUANGSHI_WOOD));
        assertThat(codes(rejected(hb))).containsExactly("TOO_OLD time");
    }

    static ObjectNode filing(String kind, String collector, String start, String end) {
        return (ObjectNode) Json.MAPPER.readTree("""
                {"msgId":"f-1","msgType":"FILING","specVersion":"1.0","enterpriseCode":"%1$s",
                 "gatewayCode":"%1$s-GW01","sendTime":"2026-12-01 09:59:05","filingKind":"%2$s",%3$s
                 "startTime":"%4$s","plannedEndTime":"%5$s","reason":"设备检修停产"}
                """.formatted(HUANGSHI_WOOD, kind, collector == null ? "" : "\"collectorCode\":\"" + collector + "\",",
                start, end));
    }

    @Test
    void aValidFilingMessageBecomesASubmittedNodeFilingInChinaTime() {
        Verdict v = check(filing("STOP_PRODUCTION", HUANGSHI_WOOD + "-DC002", "2026-12-01 18:00:00", "2026-12-02 08:00:00"));
        assertThat(v).isInstanceOf(Verdict.Valid.class);
        dustwatch.contracts.filing.Filing f = (dustwatch.contracts.filing.Filing) ((Verdict.Valid) v).event();
        assertThat(f.status()).isEqualTo(dustwatch.contracts.filing.FilingStatus.SUBMITTED);
        assertThat(f.source()).isEqualTo("NODE");
        assertThat(f.start()).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
        assertThat(f.plannedEnd()).isEqualTo(Instant.parse("2026-12-02T00:00:00Z"));
        assertThat(f.collectorCode()).isEqualTo(HUANGSHI_WOOD + "-DC002");
        assertThat(f.regionCode()).isEqualTo("350304101");
    }

    @Test
    void aFilingMessageGetsItsOwnCodesForKindWindowAndCollector() {
        assertThat(codes(rejected(filing("HOLIDAY", null, "2026-12-01 18:00:00", "2026-12-02 08:00:00"))))
                .containsExactly("UNKNOWN_FILING_KIND filingKind");
        assertThat(codes(rejected(filing("MAINTENANCE", null, "2026-12-01 18:00:00", "2027-06-01 08:00:00"))))
                .containsExactly("FILING_WINDOW plannedEndTime");
        assertThat(codes(rejected(filing("MAINTENANCE", null, "2026-11-30 08:00:00", "2026-12-01 09:00:00"))))
                .as("already over").containsExactly("FILING_WINDOW plannedEndTime");
        assertThat(codes(rejected(filing("COLLECTOR_OUT_OF_SERVICE", HUANGSHI_WOOD + "-DC009", "2026-12-01 18:00:00",
                "2026-12-02 08:00:00")))).containsExactly("UNKNOWN_COLLECTOR collectorCode");
        assertThat(codes(rejected(filing("STOP_PRODUCTION", null, "2026-12-01 18:00:00", "2026-12-01 18:00:00"))))
                .containsExactly("FILING_WINDOW plannedEndTime");
        ObjectNode noStart = filing("STOP_PRODUCTION", null, "2026-12-01 18:00:00", "2026-12-02 08:00:00");
        noStart.remove("startTime");
        assertThat(codes(rejected(noStart))).containsExactly("MISSING_FIELD startTime");
    }
}
