package dustwatch.disposal.observability;

import dustwatch.contracts.risk.Colour;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Clock;

/**
 * Gauges read from the database at each scrape:
 * <ul>
 *   <li>{@code dustwatch.disposal.warnings.overdue{colour}}: warnings still open (not cleared nor superseded)
 *       past their clear deadline (超期未消警), by colour, at the platform clock;</li>
 *   <li>{@code dustwatch.outbox.backlog}: disposal events in {@code disposal.outbox} not yet published.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class DisposalMeters {

    @Bean
    MeterBinder disposalGauges(JdbcClient jdbc, Clock clock) {
        return meters -> {
            for (Colour colour : Colour.values()) {
                Gauge.builder("dustwatch.disposal.warnings.overdue", jdbc, j -> overdue(j, clock, colour))
                        .description("open warnings past their clear deadline (超期未消警)").tag("colour", colour.name())
                        .register(meters);
            }
            Gauge.builder("dustwatch.outbox.backlog", jdbc, DisposalMeters::backlog)
                    .description("outbox rows waiting to be published to Kafka").register(meters);
        };
    }

    static double overdue(JdbcClient jdbc, Clock clock, Colour colour) {
        return jdbc.sql("""
                        SELECT count(*) FROM disposal.warning
                        WHERE colour = ? AND state NOT IN ('CLEARED', 'SUPERSEDED') AND clear_deadline < ?""")
                .param(colour.name()).param(Timestamp.from(clock.instant())).query(Long.class).single();
    }

    static double backlog(JdbcClient jdbc) {
        return jdbc.sql("SELECT count(*) FROM disposal.outbox WHERE published_at IS NULL").query(Long.class).single();
    }
}
