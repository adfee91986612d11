package dustwatch.scale;

import dustwatch.deploy.simulator.Messages;
import dustwatch.deploy.simulator.SimulatedEnterprise;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Push bodies of REALTIME messages, built as text (the client shares the two cores with the stack, so it does not
 * go through a JSON tree). Every message has a new msgId {@code <prefix>-<n>} and its enterprise's next collect
 * time, one second further back than the last (from {@code origin}), so no two messages ever share a point and
 * second: the store keeps one value per point and second, and a repeat would be a {@code READING_CONFLICT}.
 */
final class Bodies {
    /** One push: the JSON body, the msgIds in it, and how many point-readings it carries. */
    record Body(String json, List<String> msgIds, int points) {
    }

    private final List<SimulatedEnterprise> enterprises;
    private final String prefix;
    private final Instant origin;
    private final AtomicLong next = new AtomicLong();
    private final AtomicLong[] secondsBack;

    Bodies(List<SimulatedEnterprise> enterprises, String prefix, Instant origin, long firstSecondBack) {
        this.enterprises = enterprises;
        this.prefix = prefix;
        this.origin = origin;
        this.secondsBack = new AtomicLong[enterprises.size()];
        for (int i = 0; i < secondsBack.length; i++) {
            secondsBack[i] = new AtomicLong(firstSecondBack);
        }
    }

    /** A push of {@code messages} messages, enterprises taken round robin. */
    Body next(int messages) {
        StringBuilder json = new StringBuilder(messages * 1400).append("{\"messages\":[");
        List<String> ids = new ArrayList<>(messages);
        int points = 0;
        String sendTime = Messages.WIRE_TIME.format(Instant.now());
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int m = 0; m < messages; m++) {
            long n = next.getAndIncrement();
            int e = (int) (n % enterprises.size());
            SimulatedEnterprise enterprise = enterprises.get(e);
            String time = Messages.WIRE_TIME.format(origin.minusSeconds(secondsBack[e].getAndIncrement()));
            String id = prefix + "-" + n;
            ids.add(id);
            if (m > 0) {
                json.append(',');
            }
            json.append("{\"msgId\":\"").append(id).append("\",\"msgType\":\"REALTIME\",\"specVersion\":\"1.0\",\"enterpriseCode\":\"")
                    .append(enterprise.uscc()).append("\",\"gatewayCode\":\"").append(enterprise.uscc()).append("-GW01\",\"sendTime\":\"")
                    .append(sendTime).append("\",\"collectTime\":\"").append(time)
                    .append("\",\"reportType\":\"NORMAL\",\"dataSourceConnected\":true,\"points\":[");
            boolean first = true;
            for (SimulatedEnterprise.Collector c : enterprise.collectors()) {
                if (!first) {
                    json.append(',');
                }
                first = false;
                point(json, c.code(), "DRY_HOPPER_TEMP-1", Math.round((25 + random.nextDouble() * 14) * 10) / 10.0, "℃", time).append(',');
                point(json, c.code(), "DRY_DP", Math.round(800 + random.nextDouble() * 700), "Pa", time).append(',');
                point(json, c.code(), "DRY_AIRLOCK_FAULT", 0, "", time).append(',');
                point(json, c.code(), "FAN_RUN", 1, "", time);
                points += 4;
            }
            json.append("]}");
        }
        json.append("]}");
        return new Body(json.toString(), ids, points);
    }

    private static StringBuilder point(StringBuilder json, String collector, String param, double value, String unit, String time) {
        return json.append("{\"pointCode\":\"").append(collector).append('-').append(param).append("\",\"value\":").append(value)
                .append(",\"unit\":\"").append(unit).append("\",\"quality\":0,\"collectTime\":\"").append(time).append("\"}");
    }
}
