package dustwatch.scale;

import dustwatch.deploy.stack.ChildProcess;
import dustwatch.deploy.stack.Stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the machine and the stack look like: cores, memory, load average, resident memory and Java heap per part. */
final class Machine {
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    private Machine() {
    }

    static Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nproc", Runtime.getRuntime().availableProcessors());
        m.put("memTotalMiB", meminfo("MemTotal") / 1024);
        m.put("memAvailableMiB", meminfo("MemAvailable") / 1024);
        m.put("loadAverage", loadAverage());
        return m;
    }

    /** The 1-minute load average. */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static long meminfo(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith(key + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            // below
        }
        return -1;
    }

    /** Resident memory (MiB) of every part of the stack, PostgreSQL with all its backends; "total" sums them. */
    static Map<String, Long> residentMiB(Stack stack) {
        Map<String, Long> rss = new LinkedHashMap<>();
        long total = 0;
        for (Map.Entry<String, ChildProcess> e : new java.util.TreeMap<>(stack.processes()).entrySet()) {
            long kib = rssKiB(e.getValue().pid());
            rss.put(e.getKey(), kib / 1024);
            total += kib;
        }
        try {
            Path pidFile = stack.options().dataDir().resolve("postgres/postmaster.pid");
            long postmaster = Long.parseLong(Files.readAllLines(pidFile).getFirst().trim());
            List<Long> pids = new ArrayList<>(List.of(postmaster));
            ProcessHandle.of(postmaster).ifPresent(p -> p.descendants().forEach(d -> pids.add(d.pid())));
            long kib = pids.stream().mapToLong(Machine::rssKiB).sum();
            rss.put("postgresql", kib / 1024);
            total += kib;
        } catch (IOException | RuntimeException e) {
            // an external database: not counted
        }
        rss.put("total", total / 1024);
        return rss;
    }

    private static long rssKiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            // gone
        }
        return 0;
    }

    /** Java heap in use (MiB) of a JVM, from {@code jcmd <pid> GC.heap_info}; -1 when it cannot be read. */
    static long heapUsedMiB(long pid) {
        try {
            Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
            Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.heap_info").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor(20, TimeUnit.SECONDS);
            Matcher m = HEAP_USED.matcher(out);
            return m.find() ? Long.parseLong(m.group(1)) / 1024 : -1;
        } catch (IOException | InterruptedException e) {
            return -1;
        }
    }
}
