package dustwatch.alert;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * An embedded PostgreSQL for alert-service's ITs (one per test JVM, as disposal-service's ITs use), each Spring
 * context on a database of its own so the ITs do not see each other's rows.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabase {
    private static EmbeddedPostgres postgres;
    private static int databases;

    static synchronized String newDatabaseUrl() {
        try {
            if (postgres == null) {
                postgres = EmbeddedPostgres.builder().start();
            }
            String name = "alert" + (++databases);
            try (var connection = postgres.getPostgresDatabase().getConnection();
                 var statement = connection.createStatement()) {
                statement.execute("create database " + name);
            }
            return postgres.getJdbcUrl("postgres", name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource() {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(newDatabaseUrl());
        dataSource.setMaximumPoolSize(10);
        dataSource.setSchema("alert");
        return dataSource;
    }
}
