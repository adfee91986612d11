package dustwatch.support.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code dustwatch.metrics.scrape.*}: the one credential that may read {@code /actuator/prometheus} (HTTP Basic,
 * as Prometheus' {@code basic_auth} sends it). No user token of any tier reads metrics.
 *
 * @param username the scraper's user name (default {@code prometheus})
 * @param password its password; empty (the default) closes the endpoint to everyone
 */
@ConfigurationProperties("dustwatch.metrics.scrape")
public record ScrapeProperties(String username, String password) {
    public ScrapeProperties {
        username = username == null || username.isBlank() ? "prometheus" : username;
        password = password == null ? "" : password;
    }

    /** True when a password is set, so that the scrape path is open to its holder. */
    public boolean enabled() {
        return !password.isBlank();
    }
}
