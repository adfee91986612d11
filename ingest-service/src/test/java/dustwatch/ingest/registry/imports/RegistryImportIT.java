package dustwatch.ingest.registry.imports;

import dustwatch.contracts.enterprise.EnterpriseProfile;
import dustwatch.contracts.topic.Json;
import dustwatch.contracts.topic.Topics;
import dustwatch.ingest.IngestApplication;
import dustwatch.support.security.FixedTokens;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dustwatch.ingest.Fixtures.HUANGSHI_WOOD;
import static dustwatch.ingest.Fixtures.XINDU_ALMG;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bulk import and the regulators' registry write through HTTP, security, PostgreSQL and Kafka (the minimal
 * set-up of IngestIT: embedded KRaft Kafka, zonky PostgreSQL, fixed tokens): a Licheng district officer uploads a
 * CSV form file and an xlsx body; towns, enterprises and nodes are refused 403; a file over the limit 413.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = {IngestApplication.class, RegistryImportIT.Tokens.class})
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class RegistryImportIT {
    static final EmbeddedPostgres PG;
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    static {
        try {
            PG = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> PG.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("dustwatch.ingest.send-timeout", () -> "20s");
        registry.add("dustwatch.ingest.imports.max-bytes", () -> "64KB");
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        PG.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    JdbcClient jdbc;

    final HttpClient http = HttpClient.newHttpClient();

    record Answer(int status, JsonNode body) {
    }

    Answer send(String method, String path, String token, String contentType, byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", contentType)
                .timeout(Duration.ofSeconds(60))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(r.statusCode(), r.body() == null || r.body().isBlank() ? null : Json.MAPPER.readTree(r.body()));
    }

    /** A browser's form upload: part {@code file}. */
    Answer upload(String token, String filename, byte[] file) throws Exception {
        String boundary = "dustwatch" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/vnd.ms-excel\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send("POST", "/api/v1/registry/imports", token, "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    static final String CSV = """
            统一社会信用代码,企业名称,行政区划代码,粉尘种类,涉粉作业人数,易燃工艺,除尘器
            %1$s,黄石金榕木艺有限公司,350304101,WOOD,42,是,DC001:DRY_BAG:indoor;DC002:DRY_BAG:outdoor;DC003:DRY_BAG:outdoor
            %2$s,新度精工铝制品有限公司,350102,AL_MG,18,是,DC001:WET:indoor
            """.formatted(HUANGSHI_WOOD, XINDU_ALMG);

    @Test
    void aDistrictOfficerImportsASheetAndTheGoodRowsAreRegisteredAndPublished() throws Exception {
        Answer csv = upload("licheng-duty", "企业.csv", CSV.getBytes(StandardCharsets.UTF_8));

        assertThat(csv.status()).isEqualTo(422);
        assertThat(csv.body().get("rows").intValue()).isEqualTo(2);
        assertThat(csv.body().get("registered").intValue()).isEqualTo(1);
        JsonNode rejected = csv.body().get("rejected").get(0);
        assertThat(rejected.get("row").intValue()).isEqualTo(3);
        assertThat(rejected.get("uscc").stringValue()).isEqualTo(XINDU_ALMG);
        assertThat(rejected.get("errors").get(0).get("field").stringValue()).isEqualTo("regionCode");
        assertThat(jdbc.sql("SELECT updated_by FROM ingest.enterprise WHERE uscc = :u").param("u", HUANGSHI_WOOD)
                .query(String.class).single()).isEqualTo("licheng-duty");

        byte[] xlsx;
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFRow header = book.createSheet().createRow(0);
            List<String> columns = List.of("uscc", "name", "regionCode", "dustType", "dustWorkers", "collectors");
            for (int i = 0; i < columns.size(); i++) {
                header.createCell(i).setCellValue(columns.get(i));
            }
            XSSFRow xindu = book.getSheetAt(0).createRow(1);
            xindu.createCell(0).setCellValue(XINDU_ALMG);
            xindu.createCell(1).setCellValue("新度精工铝制品有限公司");
            xindu.createCell(2).setCellValue(350304102d);
            xindu.createCell(3).setCellValue("AL_MG");
            xindu.createCell(4).setCellValue(18d);
            xindu.createCell(5).setCellValue("DC001:WET:indoor");
            book.write(out);
            xlsx = out.toByteArray();
        }
        Answer sheet = send("POST", "/api/v1/registry/imports", "licheng-duty", XLSX, xlsx);
        assertThat(sheet.status()).isEqualTo(200);
        assertThat(sheet.body().get("registered").intValue()).isEqualTo(1);
        assertThat(sheet.body().get("rejected")).isEmpty();

        Answer listed = send("GET", "/api/v1/registry/enterprises", "licheng-duty", "application/json", new byte[0]);
        assertThat(listed.body().findValuesAsString("uscc")).containsExactlyInAnyOrder(HUANGSHI_WOOD, XINDU_ALMG);

        try (KafkaConsumer<String, EnterpriseProfile> consumer = consumer()) {
            consumer.subscribe(List.of(Topics.REGISTRY.name()));
            List<ConsumerRecord<String, EnterpriseProfile>> seen = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (seen.size() < 2 && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
            }
            assertThat(seen).extracting(ConsumerRecord::key).contains(HUANGSHI_WOOD, XINDU_ALMG);
        }
    }

    @Test
    void aDistrictOfficerPutsOneRegistrationAndOthersAreRefused() throws Exception {
        byte[] body = """
                {"name":"新度精工铝制品有限公司","regionCode":"350304102","dustType":"AL_MG","dustWorkers":20,
                 "collectors":[{"code":"%1$s-DC001","type":"WET","indoor":true}]}
                """.formatted(XINDU_ALMG).getBytes(StandardCharsets.UTF_8);
        String path = "/api/v1/registry/admin/enterprises/" + XINDU_ALMG;

        Answer put = send("PUT", path, "licheng-duty", "application/json", body);
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.body().get("dustWorkers").intValue()).isEqualTo(20);

        for (String refused : List.of("xindu-duty", "jinrong-admin", "putian-node")) {
            assertThat(send("PUT", path, refused, "application/json", body).status()).as(refused).isEqualTo(403);
            assertThat(upload(refused, "企业.csv", CSV.getBytes(StandardCharsets.UTF_8)).status()).as(refused).isEqualTo(403);
        }
        Answer outside = send("PUT", path, "licheng-duty", "application/json",
                new String(body, StandardCharsets.UTF_8).replace("350304102", "350102").getBytes(StandardCharsets.UTF_8));
        assertThat(outside.status()).isEqualTo(422);
        assertThat(outside.body().get("errors").get(0).get("field").stringValue()).isEqualTo("regionCode");
    }

    @Test
    void aFileOverTheLimitIs413AndRegistersNothing() throws Exception {
        StringBuilder csv = new StringBuilder("uscc,name,regionCode,dustType,dustWorkers,collectors\n");
        while (csv.length() <= 64 * 1024) {
            csv.append("91350304MA2YJ8WC3X,黄石金榕木艺有限公司,350304101,WOOD,42,DC001:DRY_BAG\n");
        }
        byte[] big = csv.toString().getBytes(StandardCharsets.UTF_8);

        assertThat(send("POST", "/api/v1/registry/imports", "licheng-duty", "text/csv", big).status()).isEqualTo(413);
        assertThat(upload("licheng-duty", "big.csv", big).status()).isEqualTo(413);
    }

    KafkaConsumer<String, EnterpriseProfile> consumer() {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "import-it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(props, Topics.REGISTRY.keySerde().deserializer(), Topics.REGISTRY.valueSerde().deserializer());
    }

    /** Fixed test tokens instead of an issuer's keys. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Tokens {
        @Bean
        JwtDecoder jwtDecoder() {
            return FixedTokens.decoder(Map.of(
                    "putian-node", Map.of("sub", "putian-node", "dw_kind", "CITY_NODE", "dw_region", "350300"),
                    "licheng-duty", Map.of("preferred_username", "licheng-duty", "dw_kind", "REGULATOR", "dw_region", "350304"),
                    "xindu-duty", Map.of("preferred_username", "xindu-duty", "dw_kind", "REGULATOR", "dw_region", "350304102"),
                    "jinrong-admin", Map.of("preferred_username", "jinrong-admin", "dw_kind", "ENTERPRISE",
                            "dw_region", "350304101", "dw_uscc", HUANGSHI_WOOD)));
        }
    }
}
