package dustwatch.ingest.push;

import dustwatch.contracts.enterprise.EnterpriseProfile;
import dustwatch.contracts.reading.Heartbeat;
import dustwatch.contracts.reading.ParameterCode;
import dustwatch.contracts.reading.Reading;
import dustwatch.contracts.reading.ReadingBatch;
import dustwatch.contracts.region.RegionCode;
import dustwatch.contracts.scope.Actor;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads and checks one gateway message from a lenient JSON tree, so that a type error in one message refuses
 * that message only, with a reason naming the field. Rules: header and REALTIME/HEARTBEAT bodies of domain
 * reference §2.4, point codes of §2.3 and the catalogue of §1.2, quality codes 0–7 of §2.5, time windows of
 * §1.3/§2.5 ({@link IngestLimits}).
 */
public final class MessageValidator {
    private final IngestLimits limits;
    private final Function<String, Optional<EnterpriseProfile>> registry;

    /**
     * @param limits   the size and time limits
     * @param registry looks an enterprise up by USCC
     */
    public MessageValidator(IngestLimits limits, Function<String, Optional<EnterpriseProfile>> registry) {
        this.limits = limits;
        this.registry = registry;
    }

    /**
     * Checks message {@code index} of a push by {@code node}, received at {@code now}.
     *
     * @return {@link Verdict.Valid} with the event to produce, or {@link Verdict.Rejected} with every reason found
     */
    public Verdict check(int index, JsonNode message, Actor node, Instant now) {
        List<String> reasons = new ArrayList<>();
        if (message == null || !message.isObject()) {
            return new Verdict.Rejected(index, null, List.of("message must be a JSON object"));
        }
        String msgId = text(message, "msgId", reasons);
        if (msgId == null || msgId.isBlank()) {
            reasons.add("msgId is missing");
            msgId = null;
        }
        String msgType = text(message, "msgType", reasons);
        if (msgType == null) {
            reasons.add("msgType is missing");
        } else if (!msgType.equals("REALTIME") && !msgType.equals("HEARTBEAT")) {
            reasons.add("msgType " + msgType + " not supported yet");
            return new Verdict.Rejected(index, msgId, reasons);
        }
        String uscc = text(message, "enterpriseCode", reasons);
        EnterpriseProfile enterprise = null;
        if (uscc == null) {
            reasons.add("enterpriseCode is missing");
        } else {
            enterprise = registry.apply(uscc)
                    .filter(p -> node.region().covers(RegionCode.of(p.regionCode())))
                    .orElse(null);
            if (enterprise == null) {
                reasons.add("enterpriseCode " + uscc + " is not registered in this node's city " + node.region());
            }
        }
        String gatewayCode = text(message, "gatewayCode", reasons);
        if (gatewayCode == null) {
            reasons.add("gatewayCode is missing");
        } else if (uscc != null && (!gatewayCode.startsWith(uscc + "-GW") || gatewayCode.length() == uscc.length() + 3)) {
            reasons.add("gatewayCode " + gatewayCode + " must be " + uscc + "-GW{nn}");
        }
        Instant sendTime = time(message, "sendTime", reasons);
        if (sendTime != null) {
            future("sendTime", sendTime, now, reasons);
        }
        boolean dataSourceConnected = bool(message, "dataSourceConnected", true, reasons);
        if (msgType == null) {
            return new Verdict.Rejected(index, msgId, reasons);
        }
        Object event = msgType.equals("REALTIME")
                ? realtime(message, msgId, uscc, enterprise, gatewayCode, dataSourceConnected, now, reasons)
                : heartbeat(message, msgId, uscc, gatewayCode, sendTime, dataSourceConnected, now, reasons);
        if (!reasons.isEmpty()) {
            return new Verdict.Rejected(index, msgId, reasons);
        }
        return new Verdict.Valid(msgId, uscc, msgType, event);
    }

    private ReadingBatch realtime(JsonNode m, String msgId, String uscc, EnterpriseProfile enterprise, String gatewayCode,
                                  boolean dataSourceConnected, Instant now, List<String> reasons) {
        String reportType = text(m, "reportType", reasons);
        boolean resend = false;
        if (reportType != null) {
            if (reportType.equals("RESEND")) {
                resend = true;
            } else if (!reportType.equals("NORMAL")) {
                reasons.add("reportType " + reportType + " is not NORMAL or RESEND");
            }
        }
        Instant collectTime = time(m, "collectTime", reasons);
        if (collectTime == null && absent(m, "collectTime")) {
            reasons.add("collectTime is missing");
        } else if (collectTime != null) {
            window("collectTime", collectTime, resend, now, reasons);
        }
        JsonNode points = m.get("points");
        List<Reading> readings = new ArrayList<>();
        if (points == null || points.isNull()) {
            reasons.add("points is missing");
        } else if (!points.isArray()) {
            reasons.add("points must be an array");
        } else if (points.isEmpty()) {
            reasons.add("points must not be empty");
        } else if (points.size() > limits.maxPoints()) {
            reasons.add("points: " + points.size() + " exceed the limit of " + limits.maxPoints() + " per message");
        } else {
            for (int i = 0; i < points.size(); i++) {
                Reading r = point(points.get(i), "points[" + i + "]", uscc, collectTime, resend, now, reasons);
                if (r != null) {
                    readings.add(r);
                }
            }
        }
        if (!reasons.isEmpty()) {
            return null;
        }
        return new ReadingBatch(msgId, uscc, enterprise.regionCode(), gatewayCode, collectTime, resend,
                dataSourceConnected, now, readings);
    }

    private Reading point(JsonNode p, String field, String uscc, Instant messageTime, boolean resend, Instant now,
                          List<String> reasons) {
        if (p == null || !p.isObject()) {
            reasons.add(field + " must be a JSON object");
            return null;
        }
        int before = reasons.size();
        String pointCode = text(p, "pointCode", reasons, field + ".pointCode");
        ParameterCode param = null;
        if (pointCode == null) {
            reasons.add(field + ".pointCode is missing");
        } else {
            param = ParameterCode.ofPointCode(pointCode).orElse(null);
            if (param == null) {
                reasons.add(field + ".pointCode " + pointCode + " names no catalogue parameter");
            }
            if (uscc != null && !pointCode.startsWith(uscc + "-DC")) {
                reasons.add(field + ".pointCode " + pointCode + " does not belong to enterprise " + uscc
                        + " (expected " + uscc + "-DC{nnn}-{param})");
            }
        }
        JsonNode value = p.get("value");
        double v = Double.NaN;
        if (value == null || value.isNull()) {
            reasons.add(field + ".value is missing");
        } else if (!value.isNumber()) {
            reasons.add(field + ".value must be a number, got " + value.getNodeType());
        } else {
            v = value.doubleValue();
            if (!Double.isFinite(v)) {
                reasons.add(field + ".value must be finite, got " + v);
            }
        }
        int quality = 0;
        JsonNode q = p.get("quality");
        if (q != null && !q.isNull()) {
            if (!q.isIntegralNumber() || !q.canConvertToInt()) {
                reasons.add(field + ".quality must be an integer 0..7, got " + q);
            } else {
                quality = q.intValue();
                if (quality < 0 || quality > 7) {
                    reasons.add(field + ".quality must be 0..7, got " + quality);
                }
            }
        }
        Instant collectTime = messageTime;
        if (!absent(p, "collectTime")) {
            collectTime = time(p, "collectTime", reasons, field + ".collectTime");
            if (collectTime != null) {
                window(field + ".collectTime", collectTime, resend, now, reasons);
            }
        }
        if (reasons.size() > before || collectTime == null) {
            return null;
        }
        return new Reading(pointCode, param, v, quality, collectTime);
    }

    private Heartbeat heartbeat(JsonNode m, String msgId, String uscc, String gatewayCode, Instant sendTime,
                                boolean dataSourceConnected, Instant now, List<String> reasons) {
        Instant time = time(m, "time", reasons);
        if (time == null) {
            time = sendTime;
        } else {
            future("time", time, now, reasons);
        }
        if (time == null && absent(m, "time") && absent(m, "sendTime")) {
            reasons.add("time (or sendTime) is missing");
        }
        String firmware = text(m, "firmwareVersion", reasons);
        int buffered = 0;
        JsonNode b = m.get("bufferedMessages");
        if (b != null && !b.isNull()) {
            if (!b.isIntegralNumber() || !b.canConvertToInt() || b.intValue() < 0) {
                reasons.add("bufferedMessages must be an integer >= 0, got " + b);
            } else {
                buffered = b.intValue();
            }
        }
        return reasons.isEmpty() ? new Heartbeat(msgId, uscc, gatewayCode, time, firmware, buffered, dataSourceConnected) : null;
    }

    private void window(String field, Instant t, boolean resend, Instant now, List<String> reasons) {
        future(field, t, now, reasons);
        if (!resend && t.isBefore(now.minus(limits.normalMaxAge()))) {
            reasons.add(field + " " + t + " is older than " + limits.normalMaxAge().toHours()
                    + " h on a NORMAL message (send it as RESEND)");
        } else if (resend && t.isBefore(now.minus(limits.resendMaxAge()))) {
            reasons.add(field + " " + t + " is older than " + limits.resendMaxAge().toDays() + " days, too old even for RESEND");
        }
    }

    private void future(String field, Instant t, Instant now, List<String> reasons) {
        if (t.isAfter(now.plus(limits.maxFutureSkew()))) {
            reasons.add(field + " " + t + " is more than " + limits.maxFutureSkew().toMinutes() + " min in the future");
        }
    }

    private static boolean absent(JsonNode node, String name) {
        JsonNode v = node.get(name);
        return v == null || v.isNull();
    }

    private static String text(JsonNode node, String name, List<String> reasons) {
        return text(node, name, reasons, name);
    }

    /** The string member {@code name}, null when absent; a reason when it is not a string. */
    private static String text(JsonNode node, String name, List<String> reasons, String field) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isString()) {
            reasons.add(field + " must be a string, got " + v.getNodeType());
            return null;
        }
        return v.stringValue();
    }

    private static Instant time(JsonNode node, String name, List<String> reasons) {
        return time(node, name, reasons, name);
    }

    private static Instant time(JsonNode node, String name, List<String> reasons, String field) {
        String s = text(node, name, reasons, field);
        if (s == null) {
            return null;
        }
        Optional<Instant> t = MessageTimes.parse(s);
        if (t.isEmpty()) {
            reasons.add(field + " '" + s + "' is neither 'yyyy-MM-dd HH:mm:ss' (Asia/Shanghai) nor ISO-8601");
        }
        return t.orElse(null);
    }

    private static boolean bool(JsonNode node, String name, boolean otherwise, List<String> reasons) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return otherwise;
        }
        if (!v.isBoolean()) {
            reasons.add(name + " must be true or false, got " + v.getNodeType());
            return otherwise;
        }
        return v.booleanValue();
    }
}
