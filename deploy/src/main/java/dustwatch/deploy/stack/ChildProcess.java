package dustwatch.deploy.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A child process of the stack whose output is appended to a log file (a restarted part continues the log of
 * the one that died). Closing it stops the process and every
 * descendant (TERM, then KILL after a grace period), so that no process is left behind. Where {@code setsid}
 * exists the child runs in a session of its own: Ctrl-C in the terminal then reaches only the launcher, which
 * stops the parts in order (services before the broker they flush to).
 */
public final class ChildProcess implements AutoCloseable {
    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private final String name;
    private final Process process;
    private final Path log;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code command} in {@code workDir} with {@code env} added to this process's environment.
     *
     * @throws UncheckedIOException when the command cannot be started
     */
    public static ChildProcess start(String name, List<String> command, Map<String, String> env, Path workDir, Path log) {
        try {
            Files.createDirectories(log.getParent());
            List<String> full = new java.util.ArrayList<>();
            if (Files.isExecutable(SETSID)) {
                full.add(SETSID.toString());
            }
            full.addAll(command);
            ProcessBuilder builder = new ProcessBuilder(full).directory(workDir.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(env);
            return new ChildProcess(name, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + command, e);
        }
    }

    /** Runs a command to completion. @throws IllegalStateException when it exits non-zero or outlives {@code timeout} */
    public static void run(String name, List<String> command, Map<String, String> env, Path workDir, Path log, Duration timeout) {
        try (ChildProcess child = start(name, command, env, workDir, log)) {
            if (!child.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(name + " did not finish within " + timeout);
            }
            if (child.process.exitValue() != 0) {
                throw new IllegalStateException(name + " failed (exit " + child.process.exitValue() + "):\n" + child.tail(20));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + name, e);
        }
    }

    public String name() {
        return name;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code, or -1 while it runs (137 = killed by SIGKILL). */
    public int exitCode() {
        return process.isAlive() ? -1 : process.exitValue();
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    /** The last {@code lines} lines of the log, for error messages. */
    public String tail(int lines) {
        try {
            Deque<String> last = new ArrayDeque<>();
            for (String line : Files.readAllLines(log)) {
                last.addLast(line);
                if (last.size() > lines) {
                    last.removeFirst();
                }
            }
            return String.join("\n", last);
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
