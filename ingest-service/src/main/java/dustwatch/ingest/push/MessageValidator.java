package dustwatch.ingest.push;

import dustwatch.ingest.platform.ReasonCode;
import dustwatch.ingest.platform.RejectedRequestException;
import dustwatch.contracts.enterprise.CollectionGateway;
import dustwatch.contracts.enterprise.DustCollector;
import dustwatch.contracts.enterprise.EnterpriseProfile;
import dustwatch.contracts.enterprise.MonitoringPoint;
import dustwatch.contracts.enterprise.Uscc;
import dustwatch.contracts.filing.Filing;
import dustwatch.contracts.filing.FilingKind;
import dustwatch.contracts.filing.FilingStatus;
import dustwatch.contracts.reading.Applies;
import dustwatch.contracts.reading.Heartbeat;
import dustwatch.contracts.reading.ParameterCode;
import dustwatch.contracts.reading.Reading;
import dustwatch.contracts.reading.ReadingBatch;
import dustwatch.contracts.reading.SignalType;
import dustwatch.contracts.reading.UnitConversion;
import dustwatch.contracts.region.RegionCode;
import dustwatch.contracts.scope.Actor;
import dustwatch.ingest.filing.FilingDesk;
import dustwatch.ingest.filing.FilingRequest;
import dustwatch.ingest.registry.FieldError;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dustwatch.ingest.platform.ReasonCode.*;

/**
 * Reads and checks one gateway message from a lenient JSON tree, so that a type error in one message refuses
 * that message only, with a {@link Reason} naming the code and the field. Rules: header and REALTIME/HEARTBEAT/FILING
 * bodies of domain reference §2.4, point codes of §2.3 against the registry, values against the catalogue of §1.2
 * ({@link CatalogueRules}: unit with conversion, plausible range, 0/1 for digital points, whole counts), quality
 * codes of §2.5, time windows of §1.3/§2.5 ({@link IngestLimits}).
 *
 * <p>A message is kept or refused whole: one bad point refuses its message, with a reason for each bad point, so
 * that a msgId never stands for half a message.
 *
 * <p>Registry checks: the enterprise must be registered in the node's city; a gateway code must be
 * {@code {uscc}-GW{nn}} and, when the enterprise registered gateways, one of them; a point's collector
 * ({@code {uscc}-DC{nnn}}) must be registered and its type must admit the parameter (no WET_* on a dry collector,
 * no DRY_* on a wet one); when the collector registered its points, the point must be one of them. A point
 * registered with a unit is read in that unit when the message names none.
 *
 * <p>Field shapes, checked before anything reaches PostgreSQL or Kafka: {@code msgId} 1–{@value #MAX_MSG_ID}
 * characters of {@code [A-Za-z0-9._:-]}; {@code gatewayCode} at most {@value #MAX_GATEWAY_CODE} characters;
 * {@code pointCode} at most {@value #MAX_POINT_CODE} characters matching {@code {uscc}-DC\d{3}-{PARAM}(-\d+)?};
 * {@code unit}, {@code firmwareVersion} and {@code specVersion} at most {@value #MAX_SHORT_TEXT} characters. Any
 * string containing a control character (U+0000–U+001F, U+007F) is refused. Values echoed in messages are cut to
 * {@value #ECHO} characters and control characters escaped. Collect times are cut to the second: the store keeps
 * one value per point and second.
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
    private static final Pattern POINT_CODE = Pattern.compile("(([0-9A-Z]{18})-DC\\d{3})-([A-Z0-9_]+)(?:-\\d+)?");

    private final IngestLimits limits;
    private final CatalogueRules catalogue;
    private final Function<String, Optional<EnterpriseProfile>> registry;

    /**
     * @param limits    the size and time limits
     * @param catalogue ranges and quality codes
     * @param registry  looks an enterprise up by USCC
     */
    public MessageValidator(IngestLimits limits, CatalogueRules catalogue,
                            Function<String, Optional<EnterpriseProfile>> registry) {
        this.limits = limits;
        this.catalogue = catalogue;
        this.registry = registry;
    }

    /** The reasons found so far for one message. */
    private static final class Reasons {
        final List<Reason> list = new ArrayList<>();

        void add(ReasonCode code, String field, String message) {
            list.add(new Reason(code, field, message));
        }

        int size() {
            return list.size();
        }

        boolean isEmpty() {
            return list.isEmpty();
        }
    }

    /**
     * Checks message {@code index} of a push by {@code node}, received at {@code now}.
     *
     * @return {@link Verdict.Valid} with the event to produce, or {@link Verdict.Rejected} with every reason found
     */
    public Verdict check(int index, JsonNode message, Actor node, Instant now) {
        Reasons reasons = new Reasons();
        if (message == null || !message.isObject()) {
            return new Verdict.Rejected(index, null, List.of(new Reason(WRONG_TYPE, null, "message must be a JSON object")));
        }
        String msgId = required(message, "msgId", reasons);
        if (msgId != null && !MSG_ID.matcher(msgId).matches()) {
            reasons.add(BAD_FORMAT, "msgId", "msgId " + show(msgId) + " must be 1-" + MAX_MSG_ID + " characters of [A-Za-z0-9._:-]");
            msgId = null;
        }
        String msgType = required(message, "msgType", reasons);
        if (msgType != null && !msgType.equals("REALTIME") && !msgType.equals("HEARTBEAT") && !msgType.equals("FILING")) {
            reasons.add(UNSUPPORTED_MSG_TYPE, "msgType", "msgType " + show(msgType) + " is not supported (REALTIME, HEARTBEAT, FILING)");
            return new Verdict.Rejected(index, msgId, reasons.list);
        }
        String uscc = required(message, "enterpriseCode", reasons);
        EnterpriseProfile enterprise = null;
        if (uscc != null && !Uscc.isValid(uscc)) {
            reasons.add(INVALID_USCC, "enterpriseCode", "enterpriseCode " + show(uscc)
                    + " is not an 18-character USCC with a valid check character");
            uscc = null;
        } else if (uscc != null) {
            enterprise = registry.apply(uscc)
                    .filter(p -> node.region().covers(RegionCode.of(p.regionCode())))
                    .orElse(null);
            if (enterprise == null) {
                reasons.add(NOT_IN_NODE_CITY, "enterpriseCode", "enterpriseCode " + uscc
                        + " is not registered in this node's city " + node.region());
            }
        }
        String gatewayCode = required(message, "gatewayCode", reasons);
        if (gatewayCode != null) {
            gateway(gatewayCode, uscc, enterprise, reasons);
        }
        shortText(message, "specVersion", "specVersion", reasons);
        Instant sendTime = time(message, "sendTime", reasons);
        if (sendTime != null) {
            future("sendTime", sendTime, now, reasons);
            ancient("sendTime", sendTime, now, reasons);
        }
        boolean dataSourceConnected = bool(message, "dataSourceConnected", true, reasons);
        if (msgType == null) {
            return new Verdict.Rejected(index, msgId, reasons.list);
        }
        Object event = switch (msgType) {
            case "REALTIME" -> realtime(message, msgId, uscc, enterprise, gatewayCode, dataSourceConnected, now, reasons);
            case "FILING" -> filing(message, msgId, uscc, enterprise, now, reasons);
            default -> heartbeat(message, msgId, uscc, gatewayCode, sendTime, dataSourceConnected, now, reasons);
        };
        if (!reasons.isEmpty()) {
            return new Verdict.Rejected(index, msgId, reasons.list);
        }
        return new Verdict.Valid(msgId, uscc, msgType, event);
    }

    private void gateway(String gatewayCode, String uscc, EnterpriseProfile enterprise, Reasons reasons) {
        if (gatewayCode.length() > MAX_GATEWAY_CODE) {
            reasons.add(BAD_FORMAT, "gatewayCode", "gatewayCode is " + gatewayCode.length()
                    + " characters long, more than " + MAX_GATEWAY_CODE);
        } else if (uscc != null && (!gatewayCode.startsWith(uscc)
                || !GATEWAY_SUFFIX.matcher(gatewayCode.substring(uscc.length())).matches())) {
            reasons.add(UNKNOWN_GATEWAY, "gatewayCode", "gatewayCode " + show(gatewayCode) + " must be " + uscc
                    + "-GW{nn} (1-4 letters or digits after GW)");
        } else if (enterprise != null && !enterprise.gateways().isEmpty()
                && enterprise.gateways().stream().map(CollectionGateway::code).noneMatch(gatewayCode::equals)) {
            reasons.add(UNKNOWN_GATEWAY, "gatewayCode", "gatewayCode " + gatewayCode + " is not a registered gateway of "
                    + uscc + " (" + enterprise.gateways().stream().map(CollectionGateway::code).toList() + ")");
        }
    }

    private ReadingBatch realtime(JsonNode m, String msgId, String uscc, EnterpriseProfile enterprise, String gatewayCode,
                                  boolean dataSourceConnected, Instant now, Reasons reasons) {
        String reportType = text(m, "reportType", reasons);
        boolean resend = false;
        if (reportType != null) {
            if (reportType.equals("RESEND")) {
                resend = true;
            } else if (!reportType.equals("NORMAL")) {
                reasons.add(BAD_FORMAT, "reportType", "reportType " + show(reportType) + " is not NORMAL or RESEND");
            }
        }
        Instant collectTime = time(m, "collectTime", reasons);
        if (collectTime == null && absent(m, "collectTime")) {
            reasons.add(MISSING_FIELD, "collectTime", "collectTime is missing");
        } else if (collectTime != null) {
            window("collectTime", collectTime, resend, now, reasons);
        }
        JsonNode points = m.get("points");
        List<Reading> readings = new ArrayList<>();
        if (points == null || points.isNull() || (points.isArray() && points.isEmpty())) {
            reasons.add(MISSING_FIELD, "points", "points is missing or empty");
        } else if (!points.isArray()) {
            reasons.add(WRONG_TYPE, "points", "points must be an array");
        } else if (points.size() > limits.maxPoints()) {
            reasons.add(TOO_MANY_POINTS, "points", points.size() + " points exceed the limit of " + limits.maxPoints()
                    + " per message");
        } else {
            for (int i = 0; i < points.size(); i++) {
                Reading r = point(points.get(i), "points[" + i + "]", uscc, enterprise, collectTime, resend, now, reasons);
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

    private Reading point(JsonNode p, String field, String uscc, EnterpriseProfile enterprise, Instant messageTime,
                          boolean resend, Instant now, Reasons reasons) {
        if (p == null || !p.isObject()) {
            reasons.add(WRONG_TYPE, field, field + " must be a JSON object");
            return null;
        }
        int before = reasons.size();
        String pointCode = required(p, "pointCode", field + ".pointCode", reasons);
        ParameterCode param = null;
        MonitoringPoint registered = null;
        if (pointCode != null) {
            Matcher shape = POINT_CODE.matcher(pointCode);
            if (pointCode.length() > MAX_POINT_CODE) {
                reasons.add(BAD_FORMAT, field + ".pointCode", "pointCode is " + pointCode.length()
                        + " characters long, more than " + MAX_POINT_CODE);
            } else if (!shape.matches()) {
                reasons.add(BAD_FORMAT, field + ".pointCode", "pointCode " + show(pointCode)
                        + " must be {uscc}-DC{nnn}-{param} or {uscc}-DC{nnn}-{param}-{n}");
            } else {
                param = catalogue(shape.group(3));
                if (param == null) {
                    reasons.add(UNKNOWN_PARAMETER, field + ".pointCode", "pointCode " + pointCode
                            + " names no catalogue parameter (" + show(shape.group(3)) + ")");
                }
                if (uscc != null && !shape.group(2).equals(uscc)) {
                    reasons.add(POINT_NOT_OF_ENTERPRISE, field + ".pointCode", "pointCode " + pointCode
                            + " does not belong to enterprise " + uscc + " (expected " + uscc + "-DC{nnn}-{param})");
                } else if (param != null && enterprise != null) {
                    registered = registered(pointCode, shape.group(1), param, enterprise, field, reasons);
                }
            }
        }
        String unit = shortText(p, "unit", field + ".unit", reasons);
        JsonNode value = p.get("value");
        double sent = Double.NaN;
        if (value == null || value.isNull()) {
            reasons.add(MISSING_FIELD, field + ".value", field + ".value is missing");
        } else if (!value.isNumber()) {
            reasons.add(WRONG_TYPE, field + ".value", field + ".value must be a number, got " + value.getNodeType());
        } else {
            sent = finite(value);
            if (!Double.isFinite(sent)) {
                reasons.add(NOT_FINITE, field + ".value", field + ".value must be a finite number, got "
                        + show(value.toString()));
            }
        }
        double v = Double.NaN;
        if (param != null && Double.isFinite(sent)) {
            v = value(param, registered, unit, sent, field, reasons);
        }
        int quality = 0;
        JsonNode q = p.get("quality");
        if (q != null && !q.isNull()) {
            if (!q.isIntegralNumber() || !q.canConvertToInt()) {
                reasons.add(WRONG_TYPE, field + ".quality", field + ".quality must be an integer, got " + show(q.toString()));
            } else if (!catalogue.gatewayQualityCodes().contains(q.intValue())) {
                reasons.add(INVALID_QUALITY, field + ".quality", field + ".quality " + q.intValue()
                        + " is not a code a gateway may send " + catalogue.gatewayQualityCodes().stream().sorted().toList()
                        + " (reference §2.5; 4-7 are set by the platform)");
            } else {
                quality = q.intValue();
            }
        }
        Instant collectTime = messageTime;
        if (!absent(p, "collectTime")) {
            collectTime = time(p, "collectTime", field + ".collectTime", reasons);
            if (collectTime != null) {
                window(field + ".collectTime", collectTime, resend, now, reasons);
            }
        }
        if (reasons.size() > before || collectTime == null) {
            return null;
        }
        return new Reading(pointCode, param, v, quality, collectTime.truncatedTo(ChronoUnit.SECONDS), sent,
                unit == null || unit.isBlank() ? null : unit.strip());
    }

    /** The registry's point, checking collector and type; null when the collector registered no points. */
    private static MonitoringPoint registered(String pointCode, String collectorCode, ParameterCode param,
                                              EnterpriseProfile enterprise, String field, Reasons reasons) {
        Optional<DustCollector> collector = enterprise.collector(collectorCode);
        if (collector.isEmpty()) {
            reasons.add(UNKNOWN_COLLECTOR, field + ".pointCode", "collector " + collectorCode + " of pointCode "
                    + pointCode + " is not registered");
            return null;
        }
        DustCollector c = collector.get();
        if ((param.applies() == Applies.WET && c.type().isDry()) || (param.applies() == Applies.DRY && !c.type().isDry())) {
            reasons.add(PARAMETER_NOT_FOR_COLLECTOR, field + ".pointCode", param + " (" + param.chineseName()
                    + ") is a " + param.applies() + " parameter; collector " + collectorCode + " is " + c.type());
            return null;
        }
        if (c.points().isEmpty()) {
            return null;
        }
        Optional<MonitoringPoint> point = c.points().stream().filter(mp -> mp.code().equals(pointCode)).findFirst();
        if (point.isEmpty()) {
            reasons.add(UNKNOWN_POINT, field + ".pointCode", "pointCode " + pointCode + " is not registered on collector "
                    + collectorCode);
        }
        return point.orElse(null);
    }

    /** {@code sent} in the catalogue's unit, checked against the catalogue; NaN with a reason when refused. */
    private double value(ParameterCode param, MonitoringPoint registered, String unit, double sent, String field,
                         Reasons reasons) {
        String effectiveUnit = (unit == null || unit.isBlank()) && registered != null ? registered.unit() : unit;
        Optional<DoubleUnaryOperator> conversion = UnitConversion.toCatalogue(param, effectiveUnit);
        if (conversion.isEmpty()) {
            reasons.add(UNIT_MISMATCH, field + ".unit", "unit " + show(effectiveUnit) + " is not a unit of " + param
                    + " (" + param.unit() + "); accepted: " + UnitConversion.accepted(param));
            return Double.NaN;
        }
        double v = conversion.get().applyAsDouble(sent);
        if (param.signalType() == SignalType.DI) {
            if (v != 0 && v != 1) {
                reasons.add(NOT_DISCRETE, field + ".value", param + " is a digital point: 0 or 1, got " + sent);
            }
            return v;
        }
        if (param.signalType() == SignalType.CNT && (v < 0 || v != Math.rint(v))) {
            reasons.add(NOT_DISCRETE, field + ".value", param + " is a counter: a whole number >= 0, got " + sent);
        }
        CatalogueRules.Range range = catalogue.range(param);
        if (range != null && !range.contains(v)) {
            reasons.add(OUT_OF_RANGE, field + ".value", param + " " + sent + (unit == null ? "" : " " + show(unit))
                    + (v != sent ? " (= " + v + " " + param.unit() + ")" : "") + " is outside the plausible range "
                    + range.min() + " … " + range.max() + " " + param.unit());
        }
        return v;
    }

    private Heartbeat heartbeat(JsonNode m, String msgId, String uscc, String gatewayCode, Instant sendTime,
                                boolean dataSourceConnected, Instant now, Reasons reasons) {
        Instant time = time(m, "time", reasons);
        if (time == null) {
            time = sendTime;
        } else {
            future("time", time, now, reasons);
            ancient("time", time, now, reasons);
        }
        if (time == null && absent(m, "time") && absent(m, "sendTime")) {
            reasons.add(MISSING_FIELD, "time", "time (or sendTime) is missing");
        }
        String firmware = shortText(m, "firmwareVersion", "firmwareVersion", reasons);
        int buffered = 0;
        JsonNode b = m.get("bufferedMessages");
        if (b != null && !b.isNull()) {
            if (!b.isIntegralNumber() || !b.canConvertToInt() || b.intValue() < 0) {
                reasons.add(WRONG_TYPE, "bufferedMessages", "bufferedMessages must be an integer >= 0, got " + show(b.toString()));
            } else {
                buffered = b.intValue();
            }
        }
        return reasons.isEmpty() ? new Heartbeat(msgId, uscc, gatewayCode, time, firmware, buffered, dataSourceConnected) : null;
    }

    /**
     * A FILING message (报备, reference §2.4): {@code filingKind}, {@code collectorCode} (absent for the whole
     * enterprise), {@code startTime}, {@code plannedEndTime}, {@code reason}; the rules of an API filing
     * ({@link FilingDesk#problems}), and a planned end still ahead. Kept as SUBMITTED: its town or district approves.
     */
    private Filing filing(JsonNode m, String msgId, String uscc, EnterpriseProfile enterprise, Instant now, Reasons reasons) {
        String kindName = required(m, "filingKind", reasons);
        FilingKind kind = null;
        if (kindName != null) {
            try {
                kind = FilingKind.valueOf(kindName);
            } catch (IllegalArgumentException e) {
                reasons.add(UNKNOWN_FILING_KIND, "filingKind", "filingKind " + show(kindName)
                        + " is not STOP_PRODUCTION, MAINTENANCE or COLLECTOR_OUT_OF_SERVICE");
            }
        }
        String collector = text(m, "collectorCode", reasons);
        int before = reasons.size();
        Instant start = time(m, "startTime", reasons);
        Instant plannedEnd = time(m, "plannedEndTime", reasons);
        if (start == null && absent(m, "startTime")) {
            reasons.add(MISSING_FIELD, "startTime", "startTime is missing");
        }
        if (plannedEnd == null && absent(m, "plannedEndTime")) {
            reasons.add(MISSING_FIELD, "plannedEndTime", "plannedEndTime is missing");
        }
        boolean timesRead = reasons.size() == before;
        String reason = text(m, "reason", reasons);
        if (enterprise == null || kind == null || !timesRead || !reasons.isEmpty()) {
            return null;
        }
        for (FieldError e : FilingDesk.problems(new FilingRequest(uscc, kind, collector, start, plannedEnd, reason), enterprise)) {
            switch (e.field()) {
                case "collectorCode" -> reasons.add(UNKNOWN_COLLECTOR, "collectorCode", e.reason());
                case "reason" -> reasons.add(BAD_FORMAT, "reason", "reason: " + e.reason());
                case "start" -> reasons.add(FILING_WINDOW, "startTime", "startTime: " + e.reason());
                default -> reasons.add(FILING_WINDOW, "plannedEndTime", "plannedEndTime: " + e.reason());
            }
        }
        if (reasons.isEmpty() && !plannedEnd.isAfter(now)) {
            reasons.add(FILING_WINDOW, "plannedEndTime", "plannedEndTime " + MessageTimes.show(plannedEnd)
                    + " is already past: a filing declares a window that has not ended");
        }
        return reasons.isEmpty() ? new Filing(null, uscc, enterprise.regionCode(), kind, collector, start, plannedEnd,
                reason, FilingStatus.SUBMITTED, null, null, "NODE", now) : null;
    }

    private void window(String field, Instant t, boolean resend, Instant now, Reasons reasons) {
        future(field, t, now, reasons);
        if (!resend && t.isBefore(now.minus(limits.normalMaxAge()))) {
            reasons.add(TOO_OLD, field, field + " " + MessageTimes.show(t) + " is older than " + limits.normalMaxAge().toHours()
                    + " h on a NORMAL message (send it as RESEND)");
        } else if (resend && t.isBefore(now.minus(limits.resendMaxAge()))) {
            reasons.add(TOO_OLD, field, field + " " + MessageTimes.show(t) + " is older than " + limits.resendMaxAge().toDays()
                    + " days, too old even for RESEND");
        }
    }

    /** A send or heartbeat time older than any data may be ({@link IngestLimits#resendMaxAge()}): a broken clock. */
    private void ancient(String field, Instant t, Instant now, Reasons reasons) {
        if (t.isBefore(now.minus(limits.resendMaxAge()))) {
            reasons.add(TOO_OLD, field, field + " " + MessageTimes.show(t) + " is older than "
                    + limits.resendMaxAge().toDays() + " days: check the gateway's clock");
        }
    }

    private void future(String field, Instant t, Instant now, Reasons reasons) {
        if (t.isAfter(now.plus(limits.maxFutureSkew()))) {
            reasons.add(IN_FUTURE, field, field + " " + MessageTimes.show(t) + " is more than " + limits.maxFutureSkew().toMinutes()
                    + " min in the future");
        }
    }

    /** The number as a double; NaN when it is none or beyond the double range (a 400-digit integer). */
    private static double finite(JsonNode number) {
        try {
            return number.doubleValue();
        } catch (RuntimeException beyondDouble) {
            return Double.NaN;
        }
    }

    private static boolean absent(JsonNode node, String name) {
        JsonNode v = node.get(name);
        return v == null || v.isNull();
    }

    private static String required(JsonNode node, String name, Reasons reasons) {
        return required(node, name, name, reasons);
    }

    /** A string member that must be there and not blank; null with a reason otherwise. */
    private static String required(JsonNode node, String name, String field, Reasons reasons) {
        int before = reasons.size();
        String s = text(node, name, field, reasons);
        if ((s == null && reasons.size() == before) || (s != null && s.isBlank())) {
            reasons.add(MISSING_FIELD, field, field + " is missing");
            return null;
        }
        return s;
    }

    private static String text(JsonNode node, String name, Reasons reasons) {
        return text(node, name, name, reasons);
    }

    /**
     * The string member {@code name}, null when absent; null and a reason when it is not a string or contains a
     * control character (U+0000–U+001F, U+007F).
     */
    private static String text(JsonNode node, String name, String field, Reasons reasons) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isString()) {
            reasons.add(WRONG_TYPE, field, field + " must be a string, got " + v.getNodeType());
            return null;
        }
        String s = v.stringValue();
        int control = firstControl(s);
        if (control >= 0) {
            reasons.add(BAD_FORMAT, field, field + " contains control character U+"
                    + String.format("%04X", (int) s.charAt(control)) + " at position " + control);
            return null;
        }
        return s;
    }

    /** An optional string of at most {@link #MAX_SHORT_TEXT} printable characters; null and a reason otherwise. */
    private static String shortText(JsonNode node, String name, String field, Reasons reasons) {
        String s = text(node, name, field, reasons);
        if (s != null && s.length() > MAX_SHORT_TEXT) {
            reasons.add(BAD_FORMAT, field, field + " is " + s.length() + " characters long, more than " + MAX_SHORT_TEXT);
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
        if (s == null) {
            return "(none)";
        }
        StringBuilder b = new StringBuilder();
        int n = Math.min(s.length(), ECHO);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            b.append(c < 0x20 || c == 0x7F ? String.format("\\u%04X", (int) c) : String.valueOf(c));
        }
        return s.length() > ECHO ? b + "… (" + s.length() + " characters)" : b.toString();
    }

    private static Instant time(JsonNode node, String name, Reasons reasons) {
        return time(node, name, name, reasons);
    }

    private static Instant time(JsonNode node, String name, String field, Reasons reasons) {
        String s = text(node, name, field, reasons);
        if (s == null) {
            return null;
        }
        Optional<Instant> t = MessageTimes.parse(s);
        if (t.isEmpty()) {
            reasons.add(BAD_TIME, field, field + " '" + show(s) + "' is not a real time as 'yyyy-MM-dd HH:mm:ss'"
                    + " (China time) or ISO-8601");
        }
        return t.orElse(null);
    }

    private static boolean bool(JsonNode node, String name, boolean otherwise, Reasons reasons) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return otherwise;
        }
        if (!v.isBoolean()) {
            reasons.add(WRONG_TYPE, name, name + " must be true or false, got " + v.getNodeType());
            return otherwise;
        }
        return v.booleanValue();
    }
}
