package dustwatch.deploy.stack;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Restarts a part of the local stack that died, the way a Kubernetes restart policy would: after a back-off that
 * doubles with each recent restart ({@link Policy#firstBackOff()} … {@link Policy#maxBackOff()}), printing when it
 * died, its exit code and log tail, and how long it took to be healthy again. A part that died more than
 * {@link Policy#maxRestarts()} times within {@link Policy#window()} is reported and left stopped.
 */
public final class Supervisor implements AutoCloseable {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** What a supervisor watches and restarts. */
    public interface Parts {
        /** The current process of every part by name. */
        Map<String, ChildProcess> processes();

        /** Starts {@code name} again and returns once it is ready; throws when it is not. */
        void restart(String name, Duration readyTimeout);
    }

    /**
     * @param maxRestarts  restarts allowed within {@code window}; one more death and the part is left stopped
     * @param window       the window over which restarts are counted
     * @param firstBackOff wait before the first restart; doubled for each recent restart
     * @param maxBackOff   the longest wait
     * @param readyTimeout how long a restarted part may take to be ready
     */
    public record Policy(int maxRestarts, Duration window, Duration firstBackOff, Duration maxBackOff, Duration readyTimeout) {
        /** 5 restarts in 10 min, back-off 1 s doubling to 30 s, 180 s to be ready. */
        public static Policy defaults() {
            return new Policy(5, Duration.ofMinutes(10), Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(180));
        }
    }

    private final Parts parts;
    private final Policy policy;
    private final Consumer<String> out;
    private final Map<String, Deque<Long>> restarts = new ConcurrentHashMap<>();
    private final Set<String> busy = ConcurrentHashMap.newKeySet();
    private final Set<String> givenUp = ConcurrentHashMap.newKeySet();
    private final ExecutorService restarter = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "supervisor");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean stopping;

    public Supervisor(Parts parts, Policy policy, Consumer<String> out) {
        this.parts = parts;
        this.policy = policy;
        this.out = out;
    }

    /** One look at every part: a dead one that is not being restarted nor given up gets a restart of its own. */
    public void check() {
        if (stopping) {
            return;
        }
        for (var entry : parts.processes().entrySet()) {
            String name = entry.getKey();
            ChildProcess process = entry.getValue();
            if (!process.isAlive() && !givenUp.contains(name) && busy.add(name)) {
                long diedAt = System.nanoTime();
                out.accept(String.format("dustwatch: %s died at %s (exit code %d). Last lines of %s:%n%s", name,
                        LocalTime.now().format(CLOCK), process.exitCode(), process.log(), process.tail(10)));
                restarter.submit(() -> {
                    try {
                        recover(name, process, diedAt);
                    } finally {
                        busy.remove(name);
                    }
                });
            }
        }
    }

    /** True when {@code name} died too often and is left stopped. */
    public boolean gaveUp(String name) {
        return givenUp.contains(name);
    }

    private void recover(String name, ChildProcess dead, long diedAt) {
        Deque<Long> recent = restarts.computeIfAbsent(name, n -> new ArrayDeque<>());
        while (!stopping) {
            long now = System.nanoTime();
            synchronized (recent) {
                while (!recent.isEmpty() && now - recent.peekFirst() > policy.window().toNanos()) {
                    recent.removeFirst();
                }
                if (recent.size() >= policy.maxRestarts()) {
                    givenUp.add(name);
                    out.accept(String.format("dustwatch: %s keeps dying (%d restarts within %s); it is left stopped. "
                            + "Last lines of %s:%n%s", name, recent.size(), policy.window(), dead.log(), dead.tail(25)));
                    return;
                }
                recent.addLast(now);
            }
            int attempt = recent.size();
            Duration backOff = policy.firstBackOff().multipliedBy(1L << Math.min(20, attempt - 1));
            if (backOff.compareTo(policy.maxBackOff()) > 0) {
                backOff = policy.maxBackOff();
            }
            try {
                TimeUnit.MILLISECONDS.sleep(backOff.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (stopping) {
                return;
            }
            long t0 = System.nanoTime();
            out.accept(String.format("dustwatch: restarting %s (restart %d of %d within %s, after %.0f s back-off)", name,
                    attempt, policy.maxRestarts(), policy.window(), backOff.toMillis() / 1000.0));
            try {
                parts.restart(name, policy.readyTimeout());
                out.accept(String.format("dustwatch: %s is healthy again at %s: %.1f s after it died (%.1f s to start)",
                        name, LocalTime.now().format(CLOCK), (System.nanoTime() - diedAt) / 1e9, (System.nanoTime() - t0) / 1e9));
                return;
            } catch (RuntimeException e) {
                out.accept("dustwatch: restart of " + name + " failed: " + e.getMessage());
            }
        }
    }

    /** No more restarts (the stack is being stopped); restarts under way finish or are abandoned. */
    @Override
    public void close() {
        stopping = true;
        restarter.shutdownNow();
    }
}
