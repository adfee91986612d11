package dustwatch.ingest.push;

import dustwatch.contracts.enterprise.EnterpriseProfile;
import dustwatch.contracts.enterprise.Uscc;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and checks one gateway message from a lenient JSON tree, so that a type error in one message refuses
 * that message only, with a reason naming the field. Rules: header and REALTIME/HEARTBEAT bodies of domain
 * reference §2.4, point codes of §2.3 and the catalogue of §1.2, quality codes 0–7 of §2.5, time windows of
 * §1.3/§2.5 ({@link IngestLimits}).
 *
 * <p>Field shapes, checked before anything reaches PostgreSQL or Kafka: {@code msgId} 1–{@value #MAX_MSG_ID}
 * characters of {@code [A-Za-z0-9._:-]}; {@code gatewayCode} at most {@value #MAX_GATEWAY_CODE} characters and
 * exactly {@code {uscc}-GW} followed by 1–4 letters or digits; {@code pointCode} at most
 * {@value #MAX_POINT_CODE} characters matching {@code {uscc}-DC\d{3}-{PARAM}(-\d+)?} with a catalogue
 * {@code PARAM}; {@code unit}, {@code firmwareVersion} and {@code specVersion} at most {@value #MAX_SHORT_TEXT}
 * characters. Any string field containing a control character (U+0000–U+001F, U+007F) is refused with a reason
 * naming the field. Values echoed in reasons are cut to {@value #ECHO} characters and control characters escaped.
 */
public final class MessageValidator {
    /** Longest accepted {@code msgId}. */
    public static final int MAX_MSG_ID = 64;
    /** Longest accepted {@code gatewayCode}. */
    public static final int MAX_GATEWAY_CODE = 64;
    /** Longest accepted {@code pointCode}. */
    public static final int MAX_POINT_CODE = 128;
    /** Longest accepted {@code unit}, {@code firmwareVersion}, {@code specVersion}. */
    public static final int MAX_SHORT_TEXT = 32;
    /** How much of a bad value a reason repeats. */
    static final int ECHO = 80;
    private static final Pattern MSG_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Pattern GATEWAY_SUFFIX = Pattern.compile("-GW[A-Za-z0-9]{1,4}");
    private static final Pattern POINT_CODE = Pattern.compile("([0-9A-Z]{18})-DC\\d{3}-([A-Z0-9_]+)(?:-\\d+)?");

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
        int beforeMsgId = reasons.size();
        String msgId = text(message, "msgId", reasons);
        if (msgId == null) {
            if (reasons.size() == beforeMsgId) {
                reasons.add("msgId is missing");
            }
        } else if (msgId.isBlank()) {
            reasons.add("msgId is missing");
            msgId = null;
        } else if (!MSG_ID.matcher(msgId).matches()) {
            reasons.add("msgId " + show(msgId) + " must be 1-" + MAX_MSG_ID + " characters of [A-Za-z0-9._:-]");
            msgId = null;
        }
        String msgType = text(message, "msgType", reasons);
        if (msgType == null) {
            reasons.add("msgType is missing");
        } else if (!msgType.equals("REALTIME") && !msgType.equals("HEARTBEAT")) {
            reasons.add("msgType " + show(msgType) + " not supported yet");
            return new Verdict.Rejected(index, msgId, reasons);
        }
        int beforeUscc = reasons.size();
        String uscc = text(message, "enterpriseCode", reasons);
        EnterpriseProfile enterprise = null;
        if (uscc == null) {
            if (reasons.size() == beforeUscc) {
                reasons.add("enterpriseCode is missing");
            }
        } else if (!Uscc.isValid(uscc)) {
            reasons.add("enterpriseCode " + show(uscc) + " is not an 18-character USCC with a valid check character");
            uscc = null;
        } else {
            enterprise = registry.apply(uscc)
                    .filter(p -> node.region().covers(RegionCode.of(p.regionCode())))
                    .orElse(null);
            if (enterprise == null) {
                reasons.add("enterpriseCode " + uscc + " is not registered in this node's city " + node.region());
            }
        }
        int beforeGateway = reasons.size();
        String gatewayCode = text(message, "gatewayCode", reasons);
        if (gatewayCode == null) {
            if (reasons.size() == beforeGateway) {
                reasons.add("gatewayCode is missing");
            }
        } else if (gatewayCode.length() > MAX_GATEWAY_CODE) {
            reasons.add("gatewayCode is " + gatewayCode.length() + " characters long, more than " + MAX_GATEWAY_CODE);
        } else if (uscc != null && (!gatewayCode.startsWith(uscc)
                || !GATEWAY_SUFFIX.matcher(gatewayCode.substring(uscc.length())).matches())) {
            reasons.add("gatewayCode " + show(gatewayCode) + " must be " + uscc + "-GW{nn}"
                    + " (1-4 letters or digits after GW)");
        }
        shortText(message, "specVersion", "specVersion", reasons);
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
                reasons.add("reportType " + show(reportType) + " is not NORMAL or RESEND");
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
        Matcher shape = pointCode == null ? null : POINT_CODE.matcher(pointCode);
        if (pointCode == null) {
            if (reasons.size() == before) {
                reasons.add(field + ".pointCode is missing");
            }
        } else if (pointCode.length() > MAX_POINT_CODE) {
            reasons.add(field + ".pointCode is " + pointCode.length() + " characters long, more than " + MAX_POINT_CODE);
        } else if (!shape.matches()) {
            reasons.add(field + ".pointCode " + show(pointCode) + " must be {uscc}-DC{nnn}-{param} or {uscc}-DC{nnn}-{param}-{n}");
        } else {
            param = catalogue(shape.group(2));
            if (param == null) {
                reasons.add(field + ".pointCode " + pointCode + " names no catalogue parameter");
            }
            if (uscc != null && !shape.group(1).equals(uscc)) {
                reasons.add(field + ".pointCode " + pointCode + " does not belong to enterprise " + uscc
                        + " (expected " + uscc + "-DC{nnn}-{param})");
            }
        }
        shortText(p, "unit", field + ".unit", reasons);
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
        String firmware = shortText(m, "firmwareVersion", "firmwareVersion", reasons);
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

    /**
     * The string member {@code name}, null when absent; null and a reason when it is not a string or contains a
     * control character (U+0000–U+001F, U+007F).
     */
    private static String text(JsonNode node, String name, List<String> reasons, String field) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isString()) {
            reasons.add(field + " must be a string, got " + v.getNodeType());
            return null;
        }
        String s = v.stringValue();
        int control = firstControl(s);
        if (control >= 0) {
            reasons.add(field + " contains control character U+" + String.format("%04X", (int) s.charAt(control))
                    + " at position " + control);
            return null;
        }
        return s;
    }

    /** An optional string of at most {@link #MAX_SHORT_TEXT} printable characters; null and a reason otherwise. */
    private static String shortText(JsonNode node, String name, String field, List<String> reasons) {
        String s = text(node, name, reasons, field);
        if (s != null && s.length() > MAX_SHORT_TEXT) {
            reasons.add(field + " is " + s.length() + " characters long, more than " + MAX_SHORT_TEXT);
            return null;
        }
        return s;
    }

    private static ParameterCode catalogue(String name) {
        for (ParameterCode p : ParameterCode.values()) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }

    /** Index of the first control character (U+0000–U+001F, U+007F) in {@code s}, or -1. */
    public static int firstControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                return i;
            }
        }
        return -1;
    }

    /** {@code s} as a reason may repeat it: at most {@value #ECHO} characters, control characters escaped. */
    static String show(String s) {
        StringBuilder b = new StringBuilder();
        int n = Math.min(s.length(), ECHO);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            b.append(c < 0x20 || c == 0x7F ? String.format("\\u%04X", (int) c) : String.valueOf(c));
        }
        return s.length() > ECHO ? b + "… (" + s.length() + " characters)" : b.toString();
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
            reasons.add(field + " '" + show(s) + "' is neither 'yyyy-MM-dd HH:mm:ss' (Asia/Shanghai) nor ISO-8601");
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
