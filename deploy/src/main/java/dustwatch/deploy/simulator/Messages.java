package dustwatch.deploy.simulator;

import dustwatch.contracts.enterprise.CollectorType;
import dustwatch.contracts.enterprise.DustType;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Builds the messages a gateway sends (domain reference §2.4) with plausible values (§1.2 "typical normal"):
 * hopper 25–40 ℃, ΔP 800–1,500 Pa, airlock fault 0, fan running; tank level 0.8–1.2 m, flow 3–6 m³/h,
 * hydrogen 1–4 %LEL. During an excursion the hopper of the first dry collector runs at 72–76 ℃ (above the
 * 70 ℃ alarm), or the tank level of the first wet collector drops to 0.15–0.25 m (below 0.3 m).
 */
public final class Messages {
    /** Times on the wire: {@code yyyy-MM-dd HH:mm:ss} in China Standard Time, as §2.4 shows them. */
    public static final DateTimeFormatter WIRE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final Random random;

    public Messages(Random random) {
        this.random = random;
    }

    /** A REALTIME message for every collector of {@code enterprise} at {@code time}. */
    public Map<String, Object> realtime(SimulatedEnterprise enterprise, Instant time, boolean excursion) {
        Map<String, Object> message = header(enterprise, "REALTIME", time);
        message.put("collectTime", WIRE_TIME.format(time));
        message.put("reportType", "NORMAL");
        message.put("dataSourceConnected", true);
        List<Map<String, Object>> points = new ArrayList<>();
        boolean first = true;
        for (SimulatedEnterprise.Collector collector : enterprise.collectors()) {
            boolean hot = excursion && first;
            if (collector.type() == CollectorType.WET) {
                points.add(point(collector, "WET_TANK_LEVEL", hot ? around(0.2, 0.05) : around(1.0, 0.2), "m", time));
                points.add(point(collector, "WET_FLOW", around(4.5, 1.5), "m³/h", time));
                if (enterprise.dustType() == DustType.AL_MG) {
                    points.add(point(collector, "WET_H2", around(2.5, 1.5), "%LEL", time));
                }
            } else {
                points.add(point(collector, "DRY_HOPPER_TEMP-1", hot ? around(74, 2) : around(32, 7), "℃", time));
                points.add(point(collector, "DRY_DP", Math.round(around(1150, 350)), "Pa", time));
                points.add(point(collector, "DRY_AIRLOCK_FAULT", 0, "", time));
            }
            points.add(point(collector, "FAN_RUN", 1, "", time));
            first = false;
        }
        message.put("points", points);
        return message;
    }

    /** A HEARTBEAT message of the enterprise's first gateway. */
    public Map<String, Object> heartbeat(SimulatedEnterprise enterprise, Instant time) {
        Map<String, Object> message = header(enterprise, "HEARTBEAT", time);
        message.put("firmwareVersion", "2.3.1");
        message.put("bufferedMessages", 0);
        message.put("dataSourceConnected", true);
        return message;
    }

    /** The BASIC profile body of {@code PUT /api/v1/registry/enterprises/{uscc}}. */
    public static Map<String, Object> profile(SimulatedEnterprise enterprise) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", enterprise.name());
        body.put("regionCode", enterprise.regionCode());
        body.put("dustType", enterprise.dustType().name());
        body.put("dustWorkers", enterprise.dustWorkers());
        body.put("ignitionProneProcess", enterprise.ignitionProneProcess());
        body.put("collectors", enterprise.collectors().stream()
                .map(c -> Map.of("code", c.code(), "type", c.type().name(), "indoor", c.indoor())).toList());
        body.put("gateways", List.of(Map.of("code", enterprise.uscc() + "-GW01", "model", "DW-GW100", "firmware", "2.3.1")));
        double[] centre = TOWN_CENTRES.getOrDefault(enterprise.regionCode(), new double[]{119.02, 25.43});
        int h = enterprise.uscc().hashCode();
        // a fixed spot within about 1.5 km of the town's centre, so that the region map is the same every run
        body.put("longitude", Math.round((centre[0] + ((h & 0xFF) - 128) / 128.0 * 0.015) * 1e5) / 1e5);
        body.put("latitude", Math.round((centre[1] + (((h >> 8) & 0xFF) - 128) / 128.0 * 0.015) * 1e5) / 1e5);
        return body;
    }

    /** Approximate centres (WGS-84 longitude, latitude) of Licheng's streets and towns, for the region map. */
    private static final Map<String, double[]> TOWN_CENTRES = Map.of(
            "350304001", new double[]{119.013, 25.437},
            "350304002", new double[]{119.002, 25.459},
            "350304100", new double[]{118.978, 25.487},
            "350304101", new double[]{119.081, 25.418},
            "350304102", new double[]{119.052, 25.388},
            "350304103", new double[]{119.168, 25.334});

    private static Map<String, Object> header(SimulatedEnterprise enterprise, String type, Instant time) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("msgId", UUID.randomUUID().toString());
        message.put("msgType", type);
        message.put("specVersion", "1.0");
        message.put("enterpriseCode", enterprise.uscc());
        message.put("gatewayCode", enterprise.uscc() + "-GW01");
        message.put("sendTime", WIRE_TIME.format(time));
        return message;
    }

    private static Map<String, Object> point(SimulatedEnterprise.Collector collector, String param, double value,
                                             String unit, Instant time) {
        Map<String, Object> point = new LinkedHashMap<>();
        point.put("pointCode", collector.code() + "-" + param);
        point.put("value", Math.round(value * 10) / 10.0);
        point.put("unit", unit);
        point.put("quality", 0);
        point.put("collectTime", WIRE_TIME.format(time));
        return point;
    }

    private double around(double centre, double spread) {
        return centre + (random.nextDouble() * 2 - 1) * spread;
    }
}
