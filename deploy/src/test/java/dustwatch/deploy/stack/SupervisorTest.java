package dustwatch.deploy.stack;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The supervisor on real child processes: kill -9 → restarted and the time printed; always dying → left stopped. */
class SupervisorTest {
    @TempDir
    Path dir;
    final Map<String, ChildProcess> processes = new ConcurrentHashMap<>();
    final List<String> printed = new CopyOnWriteArrayList<>();
    final AtomicInteger restarts = new AtomicInteger();

    @AfterEach
    void stopAll() {
        processes.values().forEach(ChildProcess::close);
    }

    Supervisor.Parts parts(List<String> restartCommand) {
        return new Supervisor.Parts() {
            @Override
            public Map<String, ChildProcess> processes() {
                return Map.copyOf(processes);
            }

            @Override
            public void restart(String name, Duration readyTimeout) {
                restarts.incrementAndGet();
                processes.put(name, ChildProcess.start(name, restartCommand, Map.of(), dir, dir.resolve(name + ".log")));
            }
        };
    }

    @Test
    void aPartKilledWithSigkillIsRestartedAndItsTimeToHealthyPrinted() throws Exception {
        ChildProcess first = ChildProcess.start("ingest-service", List.of("sleep", "60"), Map.of(), dir, dir.resolve("i.log"));
        processes.put("ingest-service", first);
        try (Supervisor supervisor = new Supervisor(parts(List.of("sleep", "60")),
                new Supervisor.Policy(3, Duration.ofMinutes(1), Duration.ofMillis(50), Duration.ofSeconds(1), Duration.ofSeconds(5)),
                printed::add)) {
            supervisor.check();
            assertThat(restarts).hasValue(0);
            ProcessHandle.of(first.pid()).orElseThrow().destroyForcibly();
            first.close();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline && printed.stream().noneMatch(l -> l.contains("healthy again"))) {
                supervisor.check();
                Thread.sleep(50);
            }
        }
        assertThat(restarts).hasValue(1);
        assertThat(processes.get("ingest-service").isAlive()).isTrue();
        assertThat(processes.get("ingest-service").pid()).isNotEqualTo(first.pid());
        assertThat(printed.getFirst()).contains("ingest-service died at").contains("exit code 137");
        assertThat(printed).anyMatch(l -> l.matches("(?s)dustwatch: ingest-service is healthy again at .*: [0-9.]+ s after it died.*"));
    }

    @Test
    void aPartThatKeepsDyingIsLeftStoppedAfterMaxRestarts() throws Exception {
        processes.put("risk-engine", ChildProcess.start("risk-engine", List.of("sh", "-c", "exit 3"), Map.of(), dir, dir.resolve("r.log")));
        try (Supervisor supervisor = new Supervisor(parts(List.of("sh", "-c", "echo boom; exit 3")),
                new Supervisor.Policy(3, Duration.ofMinutes(1), Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofSeconds(5)),
                printed::add)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline && !supervisor.gaveUp("risk-engine")) {
                supervisor.check();
                Thread.sleep(20);
            }
            assertThat(supervisor.gaveUp("risk-engine")).isTrue();
            Thread.sleep(300);
            supervisor.check();
        }
        assertThat(restarts).hasValue(3);
        assertThat(printed).anyMatch(l -> l.contains("risk-engine keeps dying (3 restarts within PT1M); it is left stopped"));
        assertThat(printed).anyMatch(l -> l.contains("exit code 3"));
    }
}
