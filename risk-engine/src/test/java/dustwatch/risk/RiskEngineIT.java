package dustwatch.risk;

import dustwatch.support.openapi.ApiDocsCoverage;
import dustwatch.support.security.FixedTokens;
import dustwatch.contracts.enterprise.EnterpriseProfile;
import dustwatch.contracts.reading.ParameterCode;
import dustwatch.contracts.reading.ReadingBatch;
import dustwatch.contracts.risk.Colour;
import dustwatch.contracts.topic.Topics;
import dustwatch.contracts.warning.Warning;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static dustwatch.risk.Fixtures.HUANGSHI;
import static dustwatch.risk.Fixtures.WOOD_PLANT;
import static dustwatch.risk.Fixtures.batch;
import static dustwatch.risk.Fixtures.good;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The whole service on an embedded KRaft broker: a wood plant registered, its hopper temperature held above
 * 70 ℃ for 60 s, a YELLOW warning on {@code dust.warning}; the assessment then answers over HTTP within scope.
 */
@SpringBootTest(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "dustwatch.risk.streams.state-dir=target/risk-engine-it-state/${random.uuid}",
        "dustwatch.risk.streams.application-id=dustwatch-risk-engine",
        "logging.level.org.apache.kafka=WARN", "logging.level.kafka=WARN", "logging.level.org.apache.zookeeper=WARN"})
@EmbeddedKafka(partitions = 3, brokerProperties = {
        "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1",
        "group.initial.rebalance.delay.ms=0"})
@AutoConfigureMockMvc
class RiskEngineIT {
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @Autowired
    MockMvc mvc;

    @Test
    void aHopperExcursionComesOutAsAYellowWarningAndItsAssessmentIsQueryableInScope() throws Exception {
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (KafkaProducer<String, EnterpriseProfile> registry = producer(Topics.REGISTRY.valueSerde().serializer());
             KafkaProducer<String, ReadingBatch> readings = producer(Topics.READINGS.valueSerde().serializer())) {
            registry.send(Topics.REGISTRY.record(WOOD_PLANT, Fixtures.woodPlant())).get();
            readings.send(Topics.READINGS.record(WOOD_PLANT, batch(WOOD_PLANT, HUANGSHI, t0,
                    good(WOOD_PLANT, ParameterCode.FAN_RUN, 1, t0), good(WOOD_PLANT, ParameterCode.DRY_HOPPER_TEMP, 72.0, t0)))).get();
            Instant t1 = t0.plusSeconds(60);
            readings.send(Topics.READINGS.record(WOOD_PLANT, batch(WOOD_PLANT, HUANGSHI, t1,
                    good(WOOD_PLANT, ParameterCode.DRY_HOPPER_TEMP, 72.6, t1)))).get();
        }

        Warning warning = awaitWarning(Duration.ofSeconds(90));
        assertThat(warning.uscc()).isEqualTo(WOOD_PLANT);
        assertThat(warning.colour()).isEqualTo(Colour.YELLOW);
        assertThat(warning.reason()).isEqualTo("灰斗温度 72.6 ℃ ≥ 70.0 ℃ 持续 60 s");
        assertThat(warning.enterpriseName()).isEqualTo("黄石金榕木艺有限公司");

        awaitQueryable("/api/v1/risk/enterprises/" + WOOD_PLANT, Duration.ofSeconds(30));
        mvc.perform(get("/api/v1/risk/enterprises/" + WOOD_PLANT).header("Authorization", "Bearer huangshi"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.inherentScore").value(57.0))
                .andExpect(jsonPath("$.inherentLevel").value("B"))
                .andExpect(jsonPath("$.dynamicScore").value(20.0))
                .andExpect(jsonPath("$.colour").value("YELLOW"))
                .andExpect(jsonPath("$.assessedAt").value(org.hamcrest.Matchers.endsWith("+08:00")));
        mvc.perform(get("/api/v1/risk/enterprises/" + WOOD_PLANT + "/status").header("Authorization", "Bearer huangshi"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.openAlarms[0].rule").value("DRY_HOPPER_TEMP_HIGH"))
                .andExpect(jsonPath("$.online").value(true))
                .andExpect(jsonPath("$.gateways[0].gatewayCode").value(WOOD_PLANT + "-GW01"));
        mvc.perform(get("/api/v1/risk/enterprises/" + WOOD_PLANT).header("Authorization", "Bearer xindu"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/api/v1/risk/enterprises/" + Fixtures.ALMG_SHOP).header("Authorization", "Bearer huangshi"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/risk/enterprises/" + WOOD_PLANT).header("Authorization", "Bearer woodplant"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/risk/enterprises/" + WOOD_PLANT))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("Retry-After"))
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components").doesNotExist());
    }

    /**
     * Waits as a client honouring {@code Retry-After} would: right after the warning the streams may still be
     * settling a follow-up rebalance, when the store answers 503 (with Retry-After) rather than a stale answer.
     */
    private void awaitQueryable(String path, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            var response = mvc.perform(get(path).header("Authorization", "Bearer huangshi")).andReturn().getResponse();
            if (response.getStatus() != 503) {
                return;
            }
            assertThat(response.getHeader("Retry-After")).as("a 503 tells the client when to come back").isNotBlank();
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(path + " still answered 503 after " + timeout);
            }
            Thread.sleep(500);
        }
    }

    private Warning awaitWarning(Duration timeout) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "risk-engine-it");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, Warning> consumer = new KafkaConsumer<>(p, Topics.WARNINGS.keySerde().deserializer(),
                Topics.WARNINGS.valueSerde().deserializer())) {
            consumer.subscribe(List.of(Topics.WARNINGS.name()));
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, Warning> r : consumer.poll(Duration.ofMillis(500))) {
                    return r.value();
                }
            }
        }
        throw new AssertionError("no warning on " + Topics.WARNINGS.name() + " within " + timeout);
    }

    private <V> KafkaProducer<String, V> producer(org.apache.kafka.common.serialization.Serializer<V> values) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaProducer<>(p, Topics.READINGS.keySerde().serializer(), values);
    }

    @Test
    void theApiDocsListEveryEndpointWithoutAToken(@Autowired @Qualifier("requestMappingHandlerMapping")
                                                  RequestMappingHandlerMapping mappings) throws Exception {
        String docs = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(ApiDocsCoverage.endpoints(docs)).isEqualTo(ApiDocsCoverage.endpoints(mappings))
                .contains("GET /api/v1/risk/enterprises/{uscc}");
    }

    @TestConfiguration
    static class Tokens {
        static final Map<String, Map<String, Object>> TOKENS = Map.of(
                "huangshi", Map.of("preferred_username", "huangshi-duty", "dw_kind", "REGULATOR", "dw_region", HUANGSHI),
                "xindu", Map.of("preferred_username", "xindu-duty", "dw_kind", "REGULATOR", "dw_region", Fixtures.XINDU),
                "woodplant", Map.of("preferred_username", "jinrong-safety", "dw_kind", "ENTERPRISE", "dw_region", HUANGSHI,
                        "dw_uscc", WOOD_PLANT));

        @Bean
        JwtDecoder jwtDecoder() {
            return FixedTokens.decoder(TOKENS);
        }
    }
}
