package dustwatch.ingest.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code dustwatch.outbox.backlog}: rows of {@code ingest.outbox} not yet on Kafka (a row is deleted once
 * published), counted at each scrape. A backlog that grows means the relay cannot reach the broker.
 */
@Configuration(proxyBeanMethods = false)
public class OutboxBacklog {

    @Bean
    MeterBinder ingestOutboxBacklog(JdbcClient jdbc) {
        return meters -> Gauge.builder("dustwatch.outbox.backlog", jdbc, OutboxBacklog::count)
                .description("outbox rows waiting to be published to Kafka").register(meters);
    }

    static double count(JdbcClient jdbc) {
        return jdbc.sql("SELECT count(*) FROM ingest.outbox").query(Long.class).single();
    }
}
