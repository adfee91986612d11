package dustwatch.deploy.simulator;

import com.fasterxml.jackson.annotation.JsonProperty;
import dustwatch.contracts.topic.Json;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * Access tokens from Keycloak for the city node (client credentials) or for a person (password grant on
 * the demo realm's public console client). Cached until 30 s before they expire.
 */
public final class TokenSource {
    private final HttpClient http;
    private final String tokenEndpoint;
    private final String form;
    private String token;
    private Instant expires = Instant.EPOCH;

    private TokenSource(HttpClient http, String tokenEndpoint, String form) {
        this.http = http;
        this.tokenEndpoint = tokenEndpoint;
        this.form = form;
    }

    /** A machine client's tokens (grant {@code client_credentials}). */
    public static TokenSource clientCredentials(HttpClient http, String tokenEndpoint, String clientId, String secret) {
        return new TokenSource(http, tokenEndpoint, "grant_type=client_credentials&client_id=" + enc(clientId)
                + "&client_secret=" + enc(secret));
    }

    /** A demo user's tokens (grant {@code password}, client {@code dustwatch-console}). */
    public static TokenSource password(HttpClient http, String tokenEndpoint, String username, String password) {
        return new TokenSource(http, tokenEndpoint, "grant_type=password&client_id=dustwatch-console&username="
                + enc(username) + "&password=" + enc(password));
    }

    /** @throws IllegalStateException when Keycloak refuses or cannot be reached */
    public synchronized String token() {
        if (token != null && Instant.now().isBefore(expires)) {
            return token;
        }
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(tokenEndpoint))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("token endpoint answered " + response.statusCode() + ": " + response.body());
            }
            TokenResponse parsed = Json.MAPPER.readValue(response.body(), TokenResponse.class);
            token = parsed.accessToken();
            expires = Instant.now().plusSeconds(Math.max(10, parsed.expiresIn() - 30));
            return token;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("token endpoint " + tokenEndpoint + " unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    record TokenResponse(@JsonProperty("access_token") String accessToken, @JsonProperty("expires_in") long expiresIn) {
    }
}
