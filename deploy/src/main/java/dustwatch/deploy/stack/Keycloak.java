package dustwatch.deploy.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Keycloak, the identity server, from its distribution on Maven Central
 * ({@code org.keycloak:keycloak-quarkus-dist:zip}), unpacked once into the data directory and started in dev
 * mode with the {@code dustwatch} realm imported from {@code deploy/keycloak/}. Its own H2 store is wiped at
 * every start, so the realm file is always what runs.
 */
public final class Keycloak implements AutoCloseable {
    private final ChildProcess process;
    private final String url;

    private Keycloak(ChildProcess process, String url) {
        this.process = process;
        this.url = url;
    }

    /**
     * @param zip       the distribution zip (Maven resolves it into the local repository at build time)
     * @param realmFile the realm to import
     * @param javaHome  a 21+ JDK (Keycloak 26 needs it)
     * @throws IllegalStateException when the zip is missing or Keycloak is not ready within 180 s
     */
    public static Keycloak start(Path dataDir, Path zip, String version, Path realmFile, int port, int managementPort,
                                 String javaHome) {
        Path home = dataDir.resolve("keycloak-" + version);
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            if (zip == null || !Files.isRegularFile(zip)) {
                throw new IllegalStateException("Keycloak distribution not found at " + zip
                        + " (it is downloaded by the build: run `mvn -pl deploy -am package -DskipTests`)");
            }
            unzip(zip, dataDir);
        }
        try {
            deleteTree(home.resolve("data/h2"));
            Files.createDirectories(home.resolve("data/import"));
            Files.copy(realmFile, home.resolve("data/import/dustwatch-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = List.of("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + port, "--http-management-port=" + managementPort,
                "--health-enabled=true", "--import-realm", "--log-level=WARN,org.keycloak.exportimport:INFO");
        Map<String, String> env = Map.of("JAVA_HOME", javaHome,
                "KC_BOOTSTRAP_ADMIN_USERNAME", "admin", "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin",
                "JAVA_OPTS_KC_HEAP", "-Xms128m -Xmx512m",
                // JBoss threads reach into java.lang on JDK 25; without this it logs an IllegalAccessError at start
                "JAVA_OPTS_APPEND", "--add-opens=java.base/java.lang=ALL-UNNAMED");
        ChildProcess child = ChildProcess.start("keycloak", command, env, home, dataDir.resolve("logs/keycloak.log"));
        Keycloak keycloak = new Keycloak(child, "http://localhost:" + port);
        try {
            // a loaded machine (the chaos suite beside other builds) may need longer: -Ddustwatch.stack.ready-timeout-seconds
            Wait.until("keycloak", Duration.ofSeconds(Long.getLong("dustwatch.stack.ready-timeout-seconds", 180)), child,
                    () -> Wait.http200("http://127.0.0.1:" + managementPort + "/health/ready")
                            && Wait.http200(keycloak.issuer() + "/.well-known/openid-configuration"));
        } catch (RuntimeException e) {
            keycloak.close();
            throw e;
        }
        return keycloak;
    }

    /** The realm's issuer as tokens name it: {@code http://localhost:<port>/realms/dustwatch}. */
    public String issuer() {
        return url + "/realms/dustwatch";
    }

    /** The token endpoint of the realm. */
    public String tokenEndpoint() {
        return issuer() + "/protocol/openid-connect/token";
    }

    public ChildProcess process() {
        return process;
    }

    @Override
    public String toString() {
        return "keycloak";
    }

    @Override
    public void close() {
        process.close();
    }

    private static void unzip(Path zip, Path target) {
        try (InputStream in = Files.newInputStream(zip); ZipInputStream zis = new ZipInputStream(in)) {
            Path partial = Files.createTempDirectory(target, "keycloak-unpack");
            Path top = null;
            for (ZipEntry entry; (entry = zis.getNextEntry()) != null; ) {
                Path out = partial.resolve(entry.getName()).normalize();
                if (!out.startsWith(partial)) {
                    throw new IOException("zip entry outside target: " + entry.getName());
                }
                if (top == null) {
                    top = partial.resolve(Path.of(entry.getName()).getName(0));
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(zis, out, StandardCopyOption.REPLACE_EXISTING);
                    if (out.getFileName().toString().endsWith(".sh")) {
                        Files.setPosixFilePermissions(out, EnumSet.of(PosixFilePermission.OWNER_READ,
                                PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE,
                                PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_EXECUTE));
                    }
                }
            }
            if (top == null) {
                throw new IOException("empty zip " + zip);
            }
            Files.move(top, target.resolve(top.getFileName()), StandardCopyOption.ATOMIC_MOVE);
            deleteTree(partial);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + zip, e);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
