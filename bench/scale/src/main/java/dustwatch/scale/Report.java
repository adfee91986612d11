package dustwatch.scale;

import java.util.List;
import java.util.Map;

/** The Markdown table of a run, as docs/performance.md shows it. */
final class Report {
    private Report() {
    }

    @SuppressWarnings("unchecked")
    static String table(Map<String, Object> r) {
        StringBuilder s = new StringBuilder();
        s.append("| stage | rate | notes |\n|---|---|---|\n");
        Map<String, Object> c = (Map<String, Object>) r.get("kafkaCeiling");
        if (c != null) {
            s.append("| Kafka producer ceiling (acks=all, idempotent, ").append(c.get("recordBytes")).append(" B) | ")
                    .append(c.get("recordsPerSecond")).append(" records/s | ingest through the gateway = ")
                    .append(c.get("ingestGatewayShare")).append(" of it, directly ").append(c.get("ingestDirectShare")).append(" |\n");
        }
        for (String k : List.of("ingest-direct", "ingest-gateway")) {
            Map<String, Object> m = (Map<String, Object>) r.get(k);
            if (m != null) {
                s.append("| ").append(k).append(" | ").append(m.get("pointsPerSecond")).append(" point-readings/s (")
                        .append(m.get("messagesPerSecond")).append(" msgs/s) | push p50 ").append(m.get("pushP50ms"))
                        .append(" ms, p99 ").append(m.get("pushP99ms")).append(" ms; statuses ").append(m.get("statuses"))
                        .append("; sink drained ").append(m.get("sinkDrainSecondsAfterPush")).append(" s after the push, ")
                        .append(m.get("sinkRowsPerSecond")).append(" rows/s overall |\n");
            }
        }
        Map<String, Object> risk = (Map<String, Object>) r.get("riskAlone");
        if (risk != null) {
            s.append("| risk topology alone | ").append(risk.get("batchesPerSecond")).append(" ReadingBatches/s (")
                    .append(risk.get("pointsPerSecond")).append(" points/s) | ").append(risk.get("batches"))
                    .append(" batches caught up in ").append(risk.get("caughtUpSeconds")).append(" s |\n");
        }
        List<Map<String, Object>> latency = (List<Map<String, Object>>) r.get("latency");
        if (latency != null) {
            for (Map<String, Object> l : latency) {
                s.append("| reading → console at ").append(l.get("percentOfPeak")).append(" % of peak (")
                        .append(l.get("achievedPointsPerSecond")).append(" points/s) | p50 ").append(l.get("p50ms"))
                        .append(" / p95 ").append(l.get("p95ms")).append(" / p99 ").append(l.get("p99ms")).append(" ms | ")
                        .append(l.get("probes")).append(" probes, ").append(l.get("missed")).append(" missed, probe pushes ")
                        .append(l.get("probePushesPushedBack")).append(" × pushed back, refused ")
                        .append(l.get("probePushesRefused")).append(" |\n");
            }
        }
        Map<String, Object> o = (Map<String, Object>) r.get("overload");
        if (o != null) {
            s.append("| 10× overload (").append(o.get("connections")).append(" connections) | ")
                    .append(o.get("acceptedPointsPerSecond")).append(" point-readings/s accepted | statuses ")
                    .append(o.get("statuses")).append(", other ").append(o.get("otherStatuses")).append(", push-back without Retry-After ")
                    .append(o.get("pushBackWithoutRetryAfter")).append("; acked ").append(o.get("acknowledgedMessages"))
                    .append(", missing ").append(o.get("acknowledgedWithoutReceipt")).append("/").append(o.get("acknowledgedWithoutAllReadings"))
                    .append(", duplicated ").append(o.get("storedMoreThanOnce")).append(" |\n");
        }
        s.append("\nmemory (RSS MiB) idle ").append(r.get("residentMiBIdle")).append(", at peak ").append(r.get("residentMiBPeak"))
                .append("\nmachine before ").append(r.get("machineBefore")).append(", after ").append(r.get("machineAfter"))
                .append(", load average during the run ").append(r.get("loadAverageDuringRun")).append('\n');
        return s.toString();
    }
}
