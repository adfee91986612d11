package dustwatch.disposal.supervision;

import dustwatch.contracts.availability.OfflineEvent;
import dustwatch.contracts.cleaning.CleaningCheckIn;
import dustwatch.contracts.cleaning.CleaningFrequency;
import dustwatch.contracts.cleaning.CleaningPlan;
import dustwatch.contracts.enterprise.CollectorType;
import dustwatch.contracts.enterprise.DustCollector;
import dustwatch.contracts.enterprise.DustType;
import dustwatch.contracts.enterprise.EnterpriseProfile;
import dustwatch.contracts.reading.ParameterCode;
import dustwatch.contracts.reading.Reading;
import dustwatch.contracts.reading.ReadingBatch;
import dustwatch.contracts.topic.Json;
import dustwatch.contracts.topic.Topic;
import dustwatch.contracts.topic.Topics;
import dustwatch.disposal.StackForTests;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import static dustwatch.disposal.warning.Fixtures.HUANGSHI;
import static dustwatch.disposal.warning.Fixtures.HUANGSHI_PLANT;
import static dustwatch.disposal.warning.Fixtures.XINDU;
import static dustwatch.disposal.warning.Fixtures.XINDU_SHOP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The access, online, valid-data and cleaning check-in rates from the real topics: registry, readings, offline
 * events, a cleaning plan and check-ins published to an embedded broker (some twice: counted once) end up in the
 * metrics of 1 June 2026 over HTTP, scoped to the caller's region, with the figures worked out by hand.
 */
class SupervisionFeedIT {
    static StackForTests stack;
    static ConfigurableApplicationContext service;
    static int port;
    final HttpClient http = HttpClient.newHttpClient();

    static Instant china(String t) {
        return LocalDateTime.parse(t).atZone(Period.CHINA).toInstant();
    }

    @BeforeAll
    static void start() throws Exception {
        stack = new StackForTests(china("2026-06-02T00:00"));
        service = stack.start();
        port = ((WebServerApplicationContext) service).getWebServer().getPort();
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
        stack.close();
    }

    @Test
    void theFourRatesOfADayFromTheTopics() throws Exception {
        String collector = HUANGSHI_PLANT + "-DC001";
        // the plant: wood, 60 workers (in scope), registered in May; the shop: Al/Mg, 3 workers (not in scope),
        // registered 1 June 12:00 and silent
        publish(Topics.REGISTRY, HUANGSHI_PLANT, new EnterpriseProfile(HUANGSHI_PLANT, "莆田黄石红木家具有限公司", HUANGSHI,
                DustType.WOOD, 60, true, List.of(new DustCollector(collector, CollectorType.DRY_BAG, true)),
                china("2026-05-01T09:00")));
        publish(Topics.REGISTRY, XINDU_SHOP, new EnterpriseProfile(XINDU_SHOP, "新度铝镁抛光", XINDU, DustType.AL_MG, 3,
                true, List.of(new DustCollector(XINDU_SHOP + "-DC001", CollectorType.WET, true)), china("2026-06-01T12:00")));
        // 4 values at 08:00, one of them quality 1; the same message delivered twice
        Instant eight = china("2026-06-01T08:00");
        List<Reading> values = List.of(
                new Reading(collector + "-DRY_HOPPER_TEMP", ParameterCode.DRY_HOPPER_TEMP, 35, 0, eight),
                new Reading(collector + "-DRY_HOPPER_TEMP", ParameterCode.DRY_HOPPER_TEMP, 36, 0, eight.plusSeconds(10)),
                new Reading(collector + "-DRY_HOPPER_TEMP", ParameterCode.DRY_HOPPER_TEMP, 37, 0, eight.plusSeconds(20)),
                new Reading(collector + "-DRY_HOPPER_TEMP", ParameterCode.DRY_HOPPER_TEMP, 999, 1, eight.plusSeconds(30)));
        ReadingBatch batch = new ReadingBatch("msg-1", HUANGSHI_PLANT, HUANGSHI, HUANGSHI_PLANT + "-GW01", eight, false,
                true, eight, values);
        publish(Topics.READINGS, HUANGSHI_PLANT, batch);
        publish(Topics.READINGS, HUANGSHI_PLANT, batch);
        // another enterprise's message with the same id, the next day: ids are unique per enterprise only
        Instant nextDay = china("2026-06-02T09:00");
        publish(Topics.READINGS, XINDU_SHOP, new ReadingBatch("msg-1", XINDU_SHOP, XINDU, XINDU_SHOP + "-GW01", nextDay,
                false, true, nextDay, List.of(new Reading(XINDU_SHOP + "-DC001-WET_TANK_LEVEL", ParameterCode.WET_TANK_LEVEL,
                        1.0, 0, nextDay))));
        // the whole enterprise offline 12:00–18:00 (a gateway-only outage at 09:00 does not count)
        publish(Topics.OFFLINE, HUANGSHI_PLANT, new OfflineEvent("off-gw", HUANGSHI_PLANT, HUANGSHI, "GATEWAY",
                HUANGSHI_PLANT + "-GW01", "START", eight, china("2026-06-01T09:00")));
        publish(Topics.OFFLINE, HUANGSHI_PLANT, new OfflineEvent("off-1", HUANGSHI_PLANT, HUANGSHI, "ENTERPRISE",
                HUANGSHI_PLANT, "START", eight, china("2026-06-01T12:00")));
        publish(Topics.OFFLINE, HUANGSHI_PLANT, new OfflineEvent("on-1", HUANGSHI_PLANT, HUANGSHI, "ENTERPRISE",
                HUANGSHI_PLANT, "END", eight, china("2026-06-01T18:00")));
        // plan: FLOOR per shift (2 shifts), HOPPER daily → 3 required; FLOOR once (delivered twice), HOPPER twice → 1 + 1
        publish(Topics.CLEANING_PLANS, HUANGSHI_PLANT, new CleaningPlan(HUANGSHI_PLANT, HUANGSHI,
                List.of(new CleaningPlan.Area("FLOOR", "砂光车间地面", CleaningFrequency.PER_SHIFT),
                        new CleaningPlan.Area("HOPPER", "灰斗卸灰口", CleaningFrequency.DAILY)),
                List.of(new CleaningPlan.Shift("白班", LocalTime.of(8, 0), LocalTime.of(17, 0)),
                        new CleaningPlan.Shift("夜班", LocalTime.of(20, 0), LocalTime.of(4, 0))), china("2026-05-01T09:00")));
        CleaningCheckIn floor = checkIn("c-1", "FLOOR", "2026-06-01T10:00");
        publish(Topics.CLEANING_CHECK_INS, HUANGSHI_PLANT, floor);
        publish(Topics.CLEANING_CHECK_INS, HUANGSHI_PLANT, floor);
        publish(Topics.CLEANING_CHECK_INS, HUANGSHI_PLANT, checkIn("c-2", "HOPPER", "2026-06-01T11:00"));
        publish(Topics.CLEANING_CHECK_INS, HUANGSHI_PLANT, checkIn("c-3", "HOPPER", "2026-06-01T16:00"));
        publish(Topics.CLEANING_CHECK_INS, HUANGSHI_PLANT, checkIn("c-4", "HOPPER", "2026-06-02T16:00")); // next day

        String day = "/api/v1/supervision/metrics?period=2026-06-01&level=ENTERPRISE";
        JsonNode plant = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> unit(call(day, "licheng"), HUANGSHI_PLANT),
                        u -> u != null && u.path("cleaningCheckInRate").isNumber() && u.path("onlineRate").isNumber()
                                && u.path("validDataRate").isNumber());
        Thread.sleep(2_000); // the repeated deliveries had time to arrive: still counted once
        plant = unit(call(day, "licheng"), HUANGSHI_PLANT);
        assertThat(plant.path("accessRate").asDouble()).isEqualTo(1.0);                      // DC001 reported
        assertThat(plant.path("onlineRate").asDouble()).isCloseTo(10.0 / 24, within(1e-9));  // 08–12 + 18–24 of 24 h
        assertThat(plant.path("validDataRate").asDouble()).isEqualTo(0.75);                   // 3 good of 4
        assertThat(plant.path("cleaningCheckInRate").asDouble()).isCloseTo(2.0 / 3, within(1e-9));
        // (20 × 1 + 25 × 10/24 + 10 × 2/3 + 5 × 0.75) ÷ 60 × 100 = 40.8333 ÷ 60 × 100 = 68.06
        assertThat(plant.path("score").asDouble()).isEqualTo(68.06);
        assertThat(plant.path("name").asString()).isEqualTo("莆田黄石红木家具有限公司");
        // the counts are kept by enterprise and China day (the message delivered twice counted once) ...
        var jdbc = service.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
        assertThat(jdbc.sql("SELECT day || ' ' || samples || ' ' || good FROM disposal.feed_samples_day WHERE uscc = ?")
                .param(HUANGSHI_PLANT).query(String.class).list()).containsExactly("2026-06-01 4 3");
        assertThat(jdbc.sql("SELECT day || ' ' || samples || ' ' || good FROM disposal.feed_samples_day WHERE uscc = ?")
                .param(XINDU_SHOP).query(String.class).list()).as("the shop's msg-1 is its own").containsExactly("2026-06-02 1 1");
        // ... so forgetting the message ids after the de-duplication window (FeedEventIdRetention) keeps the rate
        jdbc.sql("DELETE FROM disposal.feed_batch").update();
        assertThat(unit(call(day, "licheng"), HUANGSHI_PLANT).path("validDataRate").asDouble()).isEqualTo(0.75);

        JsonNode shop = unit(call(day, "licheng"), XINDU_SHOP);
        assertThat(shop.path("accessRate").isNull()).as("3 Al/Mg workers: not in scope").isTrue();
        assertThat(shop.path("onlineRate").asDouble()).isEqualTo(0.0);                       // silent since 12:00
        assertThat(shop.path("score").asDouble()).isEqualTo(0.0);

        // scoped: Xindu's duty room sees its shop only; the district's town ranking has both towns
        assertThat(unit(call(day, "xindu"), HUANGSHI_PLANT)).isNull();
        assertThat(unit(call(day, "xindu"), XINDU_SHOP)).isNotNull();
        JsonNode towns = call("/api/v1/supervision/rankings?period=2026-06-01&level=TOWN", "licheng");
        assertThat(towns.findValuesAsString("unit")).containsExactly(HUANGSHI, XINDU);
    }

    static CleaningCheckIn checkIn(String id, String area, String at) {
        return new CleaningCheckIn(id, HUANGSHI_PLANT, HUANGSHI, area, "VACUUM", List.of("ab" + id), "张三", 25.4, 119.0,
                china(at), "APP");
    }

    static JsonNode unit(JsonNode units, String key) {
        for (JsonNode u : units) {
            if (u.path("unit").asString().equals(key)) {
                return u;
            }
        }
        return null;
    }

    <V> void publish(Topic<String, V> topic, String key, V value) throws Exception {
        try (KafkaProducer<String, V> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.broker.getBrokersAsString()),
                topic.keySerde().serializer(), topic.valueSerde().serializer())) {
            producer.send(topic.record(key, value)).get();
        }
    }

    JsonNode call(String path, String token) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.MAPPER.readTree(response.body());
    }
}
