package dustwatch.deploy.stack;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The local stack's ports. The defaults are the documented ones (gateway 8080, services 8081–8084, Keycloak
 * 8180 with its management port 9000, Kafka 9092/9093, PostgreSQL 55432); {@code --port-offset} and the
 * end-to-end test (offset 3000) shift them all, so stacks with offsets 0, 1000, 2000 and 3000 never collide.
 */
public record Ports(int gateway, int ingest, int risk, int alert, int disposal, int keycloak, int keycloakManagement,
                    int kafka, int kafkaController, int postgres) {

    public static Ports defaults() {
        return offset(0);
    }

    /** The defaults plus {@code offset} on every port. */
    public static Ports offset(int offset) {
        return new Ports(8080 + offset, 8081 + offset, 8082 + offset, 8083 + offset, 8084 + offset,
                8180 + offset, 9000 + offset, 9092 + offset, 9093 + offset, 55432 + offset);
    }

    /** Every port by what uses it, for the "port already in use" check. */
    public Map<String, Integer> all() {
        Map<String, Integer> all = new LinkedHashMap<>();
        all.put("gateway", gateway);
        all.put("ingest-service", ingest);
        all.put("risk-engine", risk);
        all.put("alert-service", alert);
        all.put("disposal-service", disposal);
        all.put("keycloak", keycloak);
        all.put("keycloak management", keycloakManagement);
        all.put("kafka", kafka);
        all.put("kafka controller", kafkaController);
        all.put("postgresql", postgres);
        return all;
    }
}
