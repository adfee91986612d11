package dustwatch.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The dustwatch gateway (port 8080): routes {@code /api/v1/**} to ingest, risk-engine, alert and disposal,
 * refuses calls without a valid bearer token at the edge and answers 503 when a service is unreachable.
 * Routes and timeouts: {@code application.yml}; see docs/architecture.md "gateway".
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    /** Starts the gateway. */
    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
