package dustwatch.deploy;

import dustwatch.deploy.simulator.CityNodeSimulator;
import dustwatch.deploy.simulator.SimulatedEnterprise;
import dustwatch.deploy.simulator.TokenSource;
import dustwatch.deploy.stack.ChildProcess;
import dustwatch.deploy.stack.Ports;
import dustwatch.deploy.stack.Stack;
import dustwatch.deploy.stack.Supervisor;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code deploy/run-local.sh}: the whole system on embedded defaults, on real parts (a KRaft Kafka broker,
 * PostgreSQL, Keycloak, the five services, the city-node simulator). Prints the URLs and demo users when
 * ready; Ctrl-C (or SIGTERM) stops everything.
 */
@Command(name = "run-local", mixinStandardHelpOptions = true,
        description = "Runs the whole dustwatch system locally on real parts, fed by a city-node simulator.")
public final class LocalStack implements Callable<Integer> {

    @Option(names = "--home", description = "repository root (default: current directory)")
    Path home = Path.of("").toAbsolutePath();

    @Option(names = "--data-dir", description = "logs, broker and database files; Keycloak is unpacked here once (default: ~/.dustwatch)")
    Path dataDir = Path.of(System.getProperty("user.home"), ".dustwatch");

    @Option(names = "--no-simulator", description = "do not start the city-node simulator")
    boolean noSimulator;

    @Option(names = "--port-offset", description = "add this to every port, to run a second stack beside the first (default: 0)")
    int portOffset;

    @Option(names = "--max-restarts", description = "restarts of a part that died allowed within 10 min before it is left stopped (default: ${DEFAULT-VALUE})")
    int maxRestarts = Supervisor.Policy.defaults().maxRestarts();

    @Option(names = "--excursion-every", description = "seconds between simulated hopper excursions (default: ${DEFAULT-VALUE})")
    long excursionEvery = 180;

    public static void main(String[] args) {
        System.exit(new CommandLine(new LocalStack()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        Ports ports = Ports.offset(portOffset);
        Stack.Options options = new Stack.Options(home, dataDir.toAbsolutePath(), ports, System.getenv("DATABASE_URL"),
                System.getenv("DATABASE_USER"), System.getenv("DATABASE_PASSWORD"));
        System.out.println("dustwatch: starting the local stack (data and logs in " + options.dataDir() + ")");
        Stack stack;
        try {
            stack = Stack.start(options, line -> System.out.println("  " + line));
        } catch (RuntimeException e) {
            System.err.println("dustwatch: start failed: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        // once a stop began, the parts' exits are expected and not reported
        AtomicBoolean stopping = new AtomicBoolean();
        CityNodeSimulator[] simulator = new CityNodeSimulator[1];
        Supervisor.Policy defaults = Supervisor.Policy.defaults();
        Supervisor supervisor = new Supervisor(stack, new Supervisor.Policy(maxRestarts, defaults.window(),
                defaults.firstBackOff(), defaults.maxBackOff(), defaults.readyTimeout()), System.err::println);
        Thread hook = new Thread(() -> {
            stopping.set(true);
            supervisor.close();
            long stopStart = System.nanoTime();
            System.out.println("\ndustwatch: stopping…");
            if (simulator[0] != null) {
                simulator[0].close();
            }
            stack.close();
            boolean clean = noPartLeft();
            System.out.printf("dustwatch: stopped (%.1f s)%s%n", (System.nanoTime() - stopStart) / 1e9,
                    clean ? "" : "; some processes had to be killed");
            stopped.countDown();
            System.out.flush();
            // the exit code tells how the stop went (a signal would otherwise make it 143 either way)
            Runtime.getRuntime().halt(clean ? 0 : 1);
        });
        Runtime.getRuntime().addShutdownHook(hook);
        if (!noSimulator) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
            simulator[0] = new CityNodeSimulator(SimulatedEnterprise.licheng(), stack.gatewayUrl(),
                    TokenSource.clientCredentials(http, stack.tokenEndpoint(), "putian-node", "putian-node-secret"), http,
                    Duration.ofSeconds(excursionEvery), Duration.ofSeconds(150), System.out::println);
            simulator[0].start();
        }
        System.out.printf("""

                dustwatch is ready (%.0f s).
                  gateway     %s            (all APIs: /api/v1/...)
                  keycloak    http://localhost:%d/admin   (admin / admin), realm dustwatch
                  token       POST %s
                  logs        %s
                Demo users (password: dustwatch):
                  fujian-duty (province 350000)   putian-duty (city 350300)   licheng-duty (district 350304)
                  huangshi-duty (黄石镇 350304101) xindu-duty (新度镇 350304102) and zhenhai-, gongchen-, xitianwei-, beigao-duty
                  enterprise safety managers: jinrong-safety, hualin-safety, … hongfu-safety (黄石镇) — see README
                  city node client: putian-node / putian-node-secret (client credentials)
                Simulator: %s
                Press Ctrl-C to stop.
                """, (System.nanoTime() - t0) / 1e9, stack.gatewayUrl(), ports.keycloak(), stack.tokenEndpoint(),
                options.dataDir().resolve("logs"), noSimulator ? "off" : "30 Licheng enterprises, first hopper excursion now");
        watch(stack, supervisor, stopped, stopping);
        return 0;
    }

    /**
     * True when no process started by this launcher is left; any that is, is killed (and false returned), so
     * that the launcher never exits before its parts.
     */
    static boolean noPartLeft() {
        List<ProcessHandle> left = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList();
        for (ProcessHandle p : left) {
            System.err.println("dustwatch: still running after the stop, killed: " + p.pid() + " "
                    + p.info().command().orElse("?"));
            p.destroyForcibly();
        }
        for (ProcessHandle p : left) {
            p.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> p).join();
        }
        return left.isEmpty();
    }

    /**
     * Until the stack is stopped: a part that dies after ready is restarted by the {@link Supervisor} (with
     * back-off, the time to healthy printed; left stopped when it keeps dying), and a service that lives but stops
     * answering its health probe three times in a row (about 30 s) is reported: a process can be alive and serve
     * nothing.
     */
    private static void watch(Stack stack, Supervisor supervisor, CountDownLatch stopped, AtomicBoolean stopping)
            throws InterruptedException {
        Map<String, Integer> failedProbes = new HashMap<>();
        int round = 0;
        while (!stopped.await(2, TimeUnit.SECONDS)) {
            if (!stopping.get()) {
                supervisor.check();
            }
            if (++round % 5 != 0) {
                continue;
            }
            for (var probe : stack.healthUrls().entrySet()) {
                ChildProcess process = stack.processes().get(probe.getKey());
                if (process == null || !process.isAlive() || stopping.get()) {
                    continue;
                }
                int failures = Stack.healthy(probe.getValue()) ? 0 : failedProbes.getOrDefault(probe.getKey(), 0) + 1;
                failedProbes.put(probe.getKey(), failures);
                if (failures == 3) {
                    System.err.println("dustwatch: " + probe.getKey() + " is running but has not answered " + probe.getValue()
                            + " for ~30 s. Last lines of " + process.log() + ":\n" + process.tail(15));
                }
            }
        }
    }
}
