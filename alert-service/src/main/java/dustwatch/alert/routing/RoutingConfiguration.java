package dustwatch.alert.routing;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Publishes the {@link RoutingTable} built from {@code dustwatch.alert.routing.*}. */
@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {
    @Bean
    RoutingTable routingTable(RoutingProperties properties) {
        return RoutingTable.from(properties);
    }
}
