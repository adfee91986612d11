package dustwatch.ingest.push;

import dustwatch.contracts.enterprise.EnterpriseProfile;
import dustwatch.contracts.reading.Heartbeat;
import dustwatch.contracts.reading.ParameterCode;
import dustwatch.contracts.reading.ReadingBatch;
import dustwatch.contracts.topic.Json;
import dustwatch.ingest.Fixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.Optional;

import static dustwatch.ingest.Fixtures.HUANGSHI_WOOD;
import static org.assertj.core.api.Assertions.assertThat;

/** Every rejection reason of §2.4/§2.5/§1.3, one at a time, against a valid REALTIME message of the Huangshi plant. */
class MessageValidatorTest {
    /** 2026-12-01 10:00:00 in Asia/Shanghai. */
    static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");
    final EnterpriseProfile plant = Fixtures.huangshiWoodPlant();
    final MessageValidator validator = new MessageValidator(new IngestLimits(500, 3, java.time.Duration.ofMinutes(5),
            java.time.Duration.ofHours(24), java.time.Duration.ofDays(30), org.springframework.util.unit.DataSize.ofMegabytes(8)),
            uscc -> uscc.equals(HUANGSHI_WOOD) ? Optional.of(plant) : Optional.empty());

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
        assertThat(r.reasons()).containsExactly("msgId is missing");
    }

    @Test
    void unsupportedMsgType() {
        ObjectNode m = realtime().put("msgType", "ALARM");
        assertThat(rejected(m).reasons()).containsExactly("msgType ALARM not supported yet");
    }

    @Test
    void typeErrorNamesTheField() {
        ObjectNode m = realtime();
        point(m, 1).put("value", "1850");
        m.put("dataSourceConnected", "yes");
        assertThat(rejected(m).reasons()).containsExactlyInAnyOrder(
                "points[1].value must be a number, got STRING", "dataSourceConnected must be true or false, got STRING");
    }

    @Test
    void unregisteredEnterprise() {
        String other = "91350304MA31H7NK5" + dustwatch.contracts.enterprise.Uscc.checkCharacter("91350304MA31H7NK5");
        ObjectNode m = realtime().put("enterpriseCode", other);
        assertThat(rejected(m).reasons()).contains("enterpriseCode " + other + " is not registered in this node's city 350300");
    }

    @Test
    void enterpriseOfAnotherCityIsRefusedToTheNode() {
        Verdict v = validator.check(0, realtime(), Fixtures.FUZHOU_NODE, NOW);
        assertThat(((Verdict.Rejected) v).reasons())
                .containsExactly("enterpriseCode " + HUANGSHI_WOOD + " is not registered in this node's city 350100");
    }

    @Test
    void gatewayOfAnotherEnterprise() {
        ObjectNode m = realtime().put("gatewayCode", "91350304MA31H7NK5X-GW01");
        assertThat(rejected(m).reasons()).containsExactly("gatewayCode 91350304MA31H7NK5X-GW01 must be " + HUANGSHI_WOOD + "-GW{nn} (1-4 letters or digits after GW)");
    }

    @Test
    void pointCodeWithoutCatalogueParameter() {
        ObjectNode m = realtime();
        point(m, 0).put("pointCode", HUANGSHI_WOOD + "-DC001-HUMIDITY");
        assertThat(rejected(m).reasons()).containsExactly(
                "points[0].pointCode " + HUANGSHI_WOOD + "-DC001-HUMIDITY names no catalogue parameter");
    }

    @Test
    void pointOfAnotherEnterprise() {
        ObjectNode m = realtime();
        point(m, 0).put("pointCode", "91350304MA31H7NK5X-DC001-DRY_DP");
        assertThat(rejected(m).reasons()).singleElement().asString()
                .startsWith("points[0].pointCode 91350304MA31H7NK5X-DC001-DRY_DP does not belong to enterprise " + HUANGSHI_WOOD);
    }

    @Test
    void qualityOutsideZeroToSeven() {
        ObjectNode m = realtime();
        point(m, 0).put("quality", 8);
        assertThat(rejected(m).reasons()).containsExactly("points[0].quality must be 0..7, got 8");
    }

    @Test
    void aValueMustBeFinite() {
        ObjectNode m = realtime();
        point(m, 0).put("value", Double.POSITIVE_INFINITY);
        assertThat(rejected(m).reasons()).containsExactly("points[0].value must be finite, got Infinity");
    }

    @Test
    void collectTimeMoreThanFiveMinutesAhead() {
        ObjectNode m = realtime().put("collectTime", "2026-12-01 10:06:00");
        assertThat(rejected(m).reasons()).containsExactly("collectTime 2026-12-01T02:06:00Z is more than 5 min in the future");
        assertThat(check(realtime().put("collectTime", "2026-12-01 10:04:00"))).isInstanceOf(Verdict.Valid.class);
    }

    @Test
    void normalDataOlderThanADayIsRefusedButResendIsAllowed() {
        ObjectNode m = realtime().put("collectTime", "2026-11-30 09:00:00");
        assertThat(rejected(m).reasons()).containsExactly(
                "collectTime 2026-11-30T01:00:00Z is older than 24 h on a NORMAL message (send it as RESEND)");
        Verdict resend = check(m.put("reportType", "RESEND"));
        assertThat(resend).isInstanceOf(Verdict.Valid.class);
        assertThat(((ReadingBatch) ((Verdict.Valid) resend).event()).resend()).isTrue();
    }

    @Test
    void resendOlderThanThirtyDays() {
        ObjectNode m = realtime().put("reportType", "RESEND").put("collectTime", "2026-10-30 10:00:00");
        assertThat(rejected(m).reasons()).containsExactly(
                "collectTime 2026-10-30T02:00:00Z is older than 30 days, too old even for RESEND");
    }

    @Test
    void unreadableTime() {
        ObjectNode m = realtime().put("collectTime", "01/12/2026 09:59");
        assertThat(rejected(m).reasons()).containsExactly(
                "collectTime '01/12/2026 09:59' is neither 'yyyy-MM-dd HH:mm:ss' (Asia/Shanghai) nor ISO-8601");
    }

    @Test
    void tooManyPoints() {
        ObjectNode m = realtime();
        ArrayNode points = (ArrayNode) m.get("points");
        points.add(points.get(0).deepCopy()).add(points.get(0).deepCopy());
        assertThat(rejected(m).reasons()).containsExactly("points: 4 exceed the limit of 3 per message");
    }

    @Test
    void everyReasonIsListed() {
        ObjectNode m = realtime().put("reportType", "LATE");
        m.remove("gatewayCode");
        point(m, 0).remove("value");
        assertThat(rejected(m).reasons()).containsExactlyInAnyOrder(
                "gatewayCode is missing", "reportType LATE is not NORMAL or RESEND", "points[0].value is missing");
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
        assertThat(rejected(Json.MAPPER.readTree("\"REALTIME\"")).reasons()).containsExactly("message must be a JSON object");
    }

    // --- field lengths and characters (break test H2/M1) ---

    @Test
    void aNulInTheMsgIdIsRefusedNamingTheField() {
        Verdict.Rejected r = rejected(realtime().put("msgId", "m-\u00001"));
        assertThat(r.msgId()).isNull();
        assertThat(r.reasons()).containsExactly("msgId contains control character U+0000 at position 2");
    }

    @Test
    void aMsgIdLongerThan64OrWithOtherCharactersIsRefused() {
        String longId = "m".repeat(8192);
        Verdict.Rejected r = rejected(realtime().put("msgId", longId));
        assertThat(r.msgId()).isNull();
        assertThat(r.reasons()).singleElement().asString()
                .endsWith("… (8192 characters) must be 1-64 characters of [A-Za-z0-9._:-]")
                .hasSizeLessThan(200);
        assertThat(rejected(realtime().put("msgId", "m 1/2")).reasons())
                .containsExactly("msgId m 1/2 must be 1-64 characters of [A-Za-z0-9._:-]");
        assertThat(check(realtime().put("msgId", "GW01:2026-12-01T09.59_" + "x".repeat(42)))).isInstanceOf(Verdict.Valid.class);
    }

    @Test
    void aHugeGatewayCodeIsRefusedWithoutEchoingIt() {
        String huge = HUANGSHI_WOOD + "-GW" + "1".repeat(2 * 1024 * 1024);
        assertThat(rejected(realtime().put("gatewayCode", huge)).reasons())
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
        assertThat(rejected(m).reasons()).containsExactly("points[0].pointCode is " + code.length()
                + " characters long, more than 128");
    }

    @Test
    void aNulInAPointCodeIsRefusedNamingThePoint() {
        ObjectNode m = realtime();
        point(m, 1).put("pointCode", HUANGSHI_WOOD + "-DC001-DRY_DP\u0000");
        assertThat(rejected(m).reasons()).containsExactly("points[1].pointCode contains control character U+0000 at position 31");
    }

    @Test
    void aPointCodeMustHaveTheCollectorNumberShape() {
        ObjectNode m = realtime();
        point(m, 0).put("pointCode", HUANGSHI_WOOD + "-DC1-DRY_DP");
        assertThat(rejected(m).reasons()).containsExactly("points[0].pointCode " + HUANGSHI_WOOD
                + "-DC1-DRY_DP must be {uscc}-DC{nnn}-{param} or {uscc}-DC{nnn}-{param}-{n}");
        point(m, 0).put("pointCode", HUANGSHI_WOOD + "-DC001-DRY_DP-x");
        assertThat(rejected(m).reasons()).hasSize(1);
    }

    @Test
    void shortTextsAreAtMost32PrintableCharacters() {
        ObjectNode m = realtime().put("specVersion", "1".repeat(33));
        point(m, 0).put("unit", "℃\u007F");
        assertThat(rejected(m).reasons()).containsExactlyInAnyOrder("specVersion is 33 characters long, more than 32",
                "points[0].unit contains control character U+007F at position 1");
        JsonNode hb = Json.MAPPER.readTree("""
                {"msgId":"hb-1","msgType":"HEARTBEAT","enterpriseCode":"%1$s","gatewayCode":"%1$s-GW01",
                 "sendTime":"2026-12-01 09:59:30","firmwareVersion":"2.4.1\\u001b[31m"}
                """.formatted(HUANGSHI_WOOD));
        assertThat(rejected(hb).reasons()).containsExactly("firmwareVersion contains control character U+001B at position 5");
    }

    @Test
    void aControlCharacterInAnyStringFieldIsNamed() {
        assertThat(rejected(realtime().put("reportType", "NORMAL\n")).reasons())
                .containsExactly("reportType contains control character U+000A at position 6");
        assertThat(rejected(realtime().put("enterpriseCode", HUANGSHI_WOOD + "\u0000")).reasons())
                .contains("enterpriseCode contains control character U+0000 at position 18");
        assertThat(rejected(realtime().put("collectTime", "2026-12-01\t09:59:00")).reasons())
                .containsExactly("collectTime contains control character U+0009 at position 10");
    }

    @Test
    void anEnterpriseCodeThatIsNoUsccIsNotLookedUp() {
        MessageValidator strict = new MessageValidator(IngestLimits.defaults(), uscc -> {
            throw new AssertionError("looked up " + uscc);
        });
        Verdict v = strict.check(0, realtime().put("enterpriseCode", "x".repeat(5000)), Fixtures.PUTIAN_NODE, NOW);
        assertThat(((Verdict.Rejected) v).reasons()).anySatisfy(reason -> assertThat(reason)
                .startsWith("enterpriseCode xxx").endsWith("is not an 18-character USCC with a valid check character"));
    }

    @Test
    void theDefaultsAreAThousandPointsAndEightMebibytes() {
        assertThat(IngestLimits.defaults().maxPoints()).isEqualTo(1000);
        assertThat(IngestLimits.defaults().maxRequestBytes().toBytes()).isEqualTo(8L * 1024 * 1024);
    }
}
