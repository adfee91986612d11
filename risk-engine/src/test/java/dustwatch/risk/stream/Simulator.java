package dustwatch.risk.stream;

import dustwatch.contracts.enterprise.CollectorType;
import dustwatch.contracts.enterprise.DustCollector;
import dustwatch.contracts.enterprise.DustType;
import dustwatch.contracts.enterprise.EnterpriseProfile;
import dustwatch.contracts.reading.ParameterCode;
import dustwatch.contracts.reading.Reading;
import dustwatch.contracts.reading.ReadingBatch;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The city-node simulator's own data generator, {@code deploy}'s {@code dustwatch.deploy.simulator.Messages} and
 * its 30 Licheng enterprises, compiled from the deploy module's sources when a test starts (deploy depends on
 * this module, so it cannot be a dependency of its tests), and its wire messages turned into the
 * {@link ReadingBatch}es ingest publishes. A change to the simulator's values is seen here at once.
 */
final class Simulator {
    private static final Path DEPLOY = Path.of("..", "deploy", "src", "main");
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static ClassLoader loader;

    private final Object messages;
    private final Method realtime;

    /** A generator seeded like the simulator ({@code new Messages(new Random(seed))}). */
    Simulator(long seed) {
        try {
            Class<?> type = load().loadClass("dustwatch.deploy.simulator.Messages");
            messages = type.getConstructor(Random.class).newInstance(new Random(seed));
            realtime = type.getMethod("realtime", enterpriseType(), Instant.class, boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The simulator's enterprises ({@code SimulatedEnterprise.licheng()}). */
    static List<Object> licheng() {
        try {
            @SuppressWarnings("unchecked")
            List<Object> all = (List<Object>) enterpriseType().getMethod("licheng").invoke(null);
            return all;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The simulated enterprise with this pinyin handle, e.g. {@code hongfu}. */
    static Object byHandle(String handle) {
        return licheng().stream().filter(e -> handle.equals(get(e, "handle"))).findFirst().orElseThrow();
    }

    static String uscc(Object enterprise) {
        return (String) get(enterprise, "uscc");
    }

    /** The registry profile of a simulated enterprise, as ingest registers it. */
    static EnterpriseProfile profile(Object e, Instant at) {
        List<DustCollector> collectors = new ArrayList<>();
        for (Object c : (List<?>) get(e, "collectors")) {
            collectors.add(new DustCollector((String) get(c, "code"), (CollectorType) get(c, "type"), (boolean) get(c, "indoor")));
        }
        return new EnterpriseProfile(uscc(e), (String) get(e, "name"), (String) get(e, "regionCode"),
                (DustType) get(e, "dustType"), (int) get(e, "dustWorkers"), (boolean) get(e, "ignitionProneProcess"),
                collectors, at);
    }

    /** {@code Messages.realtime(enterprise, time, excursion)} as the batch ingest publishes, received now. */
    ReadingBatch realtime(Object enterprise, Instant time, boolean excursion, Instant receivedAt) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) realtime.invoke(messages, enterprise, time, excursion);
            return batch(m, (String) get(enterprise, "regionCode"), receivedAt);
        } catch (ReflectiveOperationException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** A wire REALTIME message (§2.4) as a batch: point codes name their parameter, times are China time. */
    static ReadingBatch batch(Map<String, Object> m, String region, Instant receivedAt) {
        List<Reading> readings = new ArrayList<>();
        for (Object o : (List<?>) m.get("points")) {
            Map<?, ?> p = (Map<?, ?>) o;
            String code = (String) p.get("pointCode");
            ParameterCode param = ParameterCode.ofPointCode(code).orElseThrow(() -> new IllegalStateException(code));
            readings.add(new Reading(code, param, ((Number) p.get("value")).doubleValue(),
                    ((Number) p.get("quality")).intValue(), wireTime((String) p.get("collectTime"))));
        }
        return new ReadingBatch((String) m.get("msgId"), (String) m.get("enterpriseCode"), region,
                (String) m.get("gatewayCode"), wireTime((String) m.get("collectTime")),
                "RESEND".equals(m.get("reportType")), true, receivedAt, readings);
    }

    private static Instant wireTime(String s) {
        return LocalDateTime.parse(s.replace(' ', 'T')).atZone(CHINA).toInstant();
    }

    private static Object get(Object record, String accessor) {
        try {
            Method m = record.getClass().getMethod(accessor);
            m.setAccessible(true);
            return m.invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> enterpriseType() throws ClassNotFoundException {
        return load().loadClass("dustwatch.deploy.simulator.SimulatedEnterprise");
    }

    private static synchronized ClassLoader load() {
        if (loader != null) {
            return loader;
        }
        try {
            Path out = Files.createTempDirectory("simulator-classes");
            Path sources = DEPLOY.resolve("java/dustwatch/deploy/simulator");
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            ByteArrayOutputStream errors = new ByteArrayOutputStream();
            int rc = javac.run(null, null, errors, "-d", out.toString(), "-proc:none",
                    "-cp", System.getProperty("java.class.path"),
                    sources.resolve("Messages.java").toString(), sources.resolve("SimulatedEnterprise.java").toString());
            if (rc != 0) {
                throw new IllegalStateException("compiling the simulator failed: " + errors.toString(StandardCharsets.UTF_8));
            }
            loader = new URLClassLoader(new URL[]{out.toUri().toURL(), DEPLOY.resolve("resources").toUri().toURL()},
                    Simulator.class.getClassLoader());
            return loader;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
