package dustwatch.disposal;

import com.zaxxer.hikari.HikariDataSource;
import dustwatch.support.security.FixedTokens;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An embedded PostgreSQL and KRaft broker that outlive the service, so that a test can stop the service and
 * start it again over the same data (a restart), with a {@link MutableClock} shared by every start.
 */
public final class StackForTests implements AutoCloseable {
    public final EmbeddedPostgres postgres;
    public final EmbeddedKafkaKraftBroker broker;
    public final MutableClock clock;

    public StackForTests(Instant start) throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.afterPropertiesSet();
        clock = new MutableClock(start);
        CURRENT = this;
    }

    static StackForTests CURRENT;

    /** Starts the service on a random port; the scheduled ladder and SLA runs are slowed to an hour (tests call them). */
    public ConfigurableApplicationContext start(String... extraProperties) {
        List<String> props = new ArrayList<>(List.of("server.port=0",
                "spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "dustwatch.disposal.outbox.poll-interval=200ms", "dustwatch.disposal.escalation.tick-interval=1h",
                "dustwatch.disposal.alarm-sla.tick-interval=1h",
                "logging.level.org.apache.kafka=WARN"));
        props.addAll(List.of(extraProperties));
        // as command-line arguments: they outrank application.yml (server.port: ${SERVER_PORT:8084})
        return new SpringApplicationBuilder(DisposalApplication.class, Beans.class)
                .run(props.stream().map(p -> "--" + p).toArray(String[]::new));
    }

    @Override
    public void close() throws IOException {
        broker.destroy();
        postgres.close();
    }

    /** Not a {@code @Configuration}: the application's component scan would pick it up in every other test. */
    static class Beans {
        @Bean(destroyMethod = "close")
        HikariDataSource dataSource() {
            HikariDataSource dataSource = new HikariDataSource();
            dataSource.setJdbcUrl(CURRENT.postgres.getJdbcUrl("postgres", "postgres"));
            dataSource.setMaximumPoolSize(10);
            return dataSource;
        }

        @Bean
        @Primary
        Clock testClock() {
            return CURRENT.clock;
        }

        @Bean
        JwtDecoder jwtDecoder() {
            return FixedTokens.decoder(DisposalIT.TestTokens.TOKENS);
        }
    }
}
