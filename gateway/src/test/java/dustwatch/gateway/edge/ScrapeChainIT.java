package dustwatch.gateway.edge;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's {@code /actuator/prometheus}: the scrape credential reads the gateway's meters (after a routed
 * request, its {@code http_server_requests} timer); a bearer token, a wrong password or no credential do not,
 * and the scraper reads no other actuator endpoint.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.security.oauth2.resourceserver.jwt.issuer-uri=http://127.0.0.1:1/realms/dustwatch",
        "dustwatch.metrics.scrape.password=scrape-it"})
class ScrapeChainIT {
    @Value("${local.server.port}")
    int port;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void onlyTheScrapeCredentialReadsTheMetrics() throws Exception {
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
        HttpResponse<String> scraped = get("/actuator/prometheus", basic("prometheus", "scrape-it"));
        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.body()).contains("http_server_requests_seconds_count{application=\"gateway\"")
                .contains("uri=\"/actuator/health\"");

        assertThat(get("/actuator/prometheus", "Bearer eyJhbGciOiJub25lIn0.e30.").statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", basic("prometheus", "wrong")).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/metrics", basic("prometheus", "scrape-it")).statusCode()).isIn(401, 404);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
