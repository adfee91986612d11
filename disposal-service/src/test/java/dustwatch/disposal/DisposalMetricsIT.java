package dustwatch.disposal;

import dustwatch.contracts.risk.Colour;
import dustwatch.contracts.topic.Topics;
import dustwatch.contracts.warning.Warning;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;

import static dustwatch.disposal.warning.Fixtures.plantWarning;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code /actuator/prometheus} of the running service: the scrape credential reads the overdue warnings by
 * colour, the outbox backlog and the warnings listener's consumer lag; a user token is refused.
 */
@SpringBootTest(classes = {DisposalApplication.class, DisposalIT.TestTokens.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"dustwatch.metrics.scrape.password=scrape-it", "logging.level.org.apache.kafka=WARN"})
@EmbeddedKafka(partitions = 3, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class DisposalMetricsIT {
    @LocalServerPort
    int port;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    JdbcClient jdbc;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anOverdueWarningShowsOnTheScrapePathOnly() throws Exception {
        Warning old = plantWarning(Colour.ORANGE, Instant.now().minus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS), null);
        try (KafkaProducer<String, Warning> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
                Topics.WARNINGS.keySerde().serializer(), Topics.WARNINGS.valueSerde().serializer())) {
            producer.send(Topics.WARNINGS.record(old.uscc(), old)).get();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT count(*) FROM disposal.warning WHERE warning_id = ?")
                .param(old.warningId()).query(Long.class).single() == 1);

        String basic = "Basic " + Base64.getEncoder().encodeToString("prometheus:scrape-it".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> scraped = get(basic);
        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.body())
                .contains("dustwatch_disposal_warnings_overdue{application=\"disposal-service\",colour=\"ORANGE\"} 1.0")
                .contains("dustwatch_disposal_warnings_overdue{application=\"disposal-service\",colour=\"RED\"} 0.0")
                .contains("dustwatch_outbox_backlog{application=\"disposal-service\"}")
                .contains("kafka_consumer_fetch_manager_records_lag_max");

        assertThat(get("Bearer licheng").statusCode()).isEqualTo(403);
        assertThat(get("Bearer plant").statusCode()).isEqualTo(403);
        assertThat(get(null).statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> get(String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
