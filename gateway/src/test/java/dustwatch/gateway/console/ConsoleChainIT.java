package dustwatch.gateway.console;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console chain of the gateway without Keycloak: the console's files are public, the session endpoint
 * and the APIs answer a browser without a session 401 problems (never a redirect), a write that rides on a
 * session cookie without the CSRF token is a 403 problem, the login start answers 503 with Retry-After while
 * the issuer is unreachable; a request with a bearer token still meets the edge's chain.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.security.oauth2.resourceserver.jwt.issuer-uri=http://127.0.0.1:" + ConsoleChainIT.CLOSED_PORT + "/realms/dustwatch")
class ConsoleChainIT {
    /** Nothing listens on port 1 (a privileged port no test or service here opens). */
    static final int CLOSED_PORT = 1;

    @Value("${local.server.port}")
    int port;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    @Test
    void theConsoleIsServedAtTheRoot() throws Exception {
        var page = send(at("/"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(page.body()).contains("<div id=\"app\">").containsPattern("/assets/index-[^\"]+\\.js");
    }

    @Test
    void withoutASessionTheSessionEndpointAndTheApisAre401Problems() throws Exception {
        var session = send(at("/console/session"));
        assertThat(session.statusCode()).isEqualTo(401);
        assertThat(session.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(session.body()).contains("\"type\":\"urn:dustwatch:problem:session-ended\"");

        var warnings = send(at("/api/v1/warnings"));
        assertThat(warnings.statusCode()).isEqualTo(401);
        assertThat(warnings.headers().firstValue("Location")).isEmpty();
        assertThat(warnings.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        assertThat(warnings.headers().firstValue("Content-Type")).contains("application/problem+json");
    }

    @Test
    void aWriteOnASessionCookieWithoutTheCsrfTokenIsRefused() throws Exception {
        var clear = send(at("/api/v1/warnings/w-1/clear").header("Cookie", "SESSION=forged")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(clear.statusCode()).isEqualTo(403);
        assertThat(clear.body()).contains("urn:dustwatch:problem:csrf-token-refused");
    }

    @Test
    void loginWhileTheIssuerIsDownIsA503ProblemWithRetryAfter() throws Exception {
        var login = send(at("/oauth2/authorization/keycloak"));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(503);
        assertThat(login.headers().firstValue("Retry-After")).contains("5");
        assertThat(login.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(login.body()).contains("Keycloak");
    }

    @Test
    void aBearerCallerStillMeetsTheEdgeChain() throws Exception {
        var call = send(at("/api/v1/warnings").header("Authorization", "Bearer not-a-jwt"));
        assertThat(call.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).contains("invalid_token"));
    }
}
