package dustwatch.ingest.registry;

import dustwatch.contracts.alarm.AlarmType;
import dustwatch.contracts.enterprise.Camera;
import dustwatch.contracts.enterprise.CollectionGateway;
import dustwatch.contracts.enterprise.CollectorType;
import dustwatch.contracts.enterprise.DustCollector;
import dustwatch.contracts.enterprise.DustType;
import dustwatch.contracts.enterprise.EnterpriseProfile;
import dustwatch.contracts.enterprise.MonitoringPoint;
import dustwatch.contracts.enterprise.Uscc;
import dustwatch.contracts.reading.Applies;
import dustwatch.contracts.reading.ParameterCode;
import dustwatch.contracts.reading.SignalType;
import dustwatch.contracts.reading.UnitConversion;
import dustwatch.contracts.region.RegionCode;
import dustwatch.contracts.region.Tier;
import dustwatch.contracts.scope.Actor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a {@link Registration} against domain reference §2.3: the USCC check character (GB 32100), a region
 * that is a district or town inside the calling node's city, collector codes {@code {uscc}-DC\d{3}},
 * dustWorkers ≥ 0; points {@code {collectorCode}-{PARAM}[-{n}]} with a catalogue parameter the collector's type
 * admits and a unit with a conversion; gateways {@code {uscc}-GW{nn}}; cameras {@code {uscc}-CAM{nnn}} with a
 * stream URL and, optionally, one of the registration's collectors; a position inside China. Sizes, so that nothing PostgreSQL or Kafka would refuse gets through: {@code name} 1–
 * {@value #MAX_NAME} characters without control characters (U+0000–U+001F, U+007F), at most
 * {@value #MAX_COLLECTORS} collectors.
 */
public final class RegistrationValidator {
    /** Longest accepted enterprise name. */
    public static final int MAX_NAME = 200;
    /** Most collectors one enterprise may register. */
    public static final int MAX_COLLECTORS = 200;
    /** Largest threshold magnitude accepted, in the catalogue unit: beyond it a threshold can never be a setpoint. */
    public static final double MAX_THRESHOLD = 1_000_000;
    /** Most points one collector may register. */
    public static final int MAX_POINTS = 100;
    private static final Pattern COLLECTOR_SUFFIX = Pattern.compile("-DC\\d{3}");
    private static final Pattern POINT_SUFFIX = Pattern.compile("-([A-Z0-9_]+?)(?:-\\d+)?");
    private static final Pattern GATEWAY_SUFFIX = Pattern.compile("-GW[A-Za-z0-9]{1,4}");
    private static final Pattern CAMERA_SUFFIX = Pattern.compile("-CAM\\d{3}");
    private static final Pattern STREAM = Pattern.compile("(?:(?:rtsp|rtmp|https?)://[\\x21-\\x7E]{1,200})|\\d{20}");

    private RegistrationValidator() {
    }

    /**
     * The profile to store, or every reason the registration is refused.
     *
     * @throws InvalidRegistrationException listing every bad field
     */
    public static EnterpriseProfile validate(String uscc, Registration r, Actor node, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        if (!Uscc.isValid(uscc)) {
            errors.add(new FieldError("uscc", "'" + show(uscc) + "' is not an 18-character USCC with a valid check character"));
        }
        if (r == null) {
            throw new InvalidRegistrationException(List.of(new FieldError("body", "a registration body is required")));
        }
        if (r.name() == null || r.name().isBlank()) {
            errors.add(new FieldError("name", "name is required"));
        } else if (firstInvisible(r.name()) >= 0) {
            errors.add(new FieldError("name", "name contains an invisible or broken character U+"
                    + String.format("%04X", (int) r.name().charAt(firstInvisible(r.name())))
                    + " (a direction override, a zero-width character or a lone surrogate)"));
        } else if (firstControl(r.name()) >= 0) {
            errors.add(new FieldError("name", "name contains control character U+"
                    + String.format("%04X", (int) r.name().charAt(firstControl(r.name())))));
        } else if (r.name().strip().length() > MAX_NAME) {
            errors.add(new FieldError("name", "name is " + r.name().strip().length() + " characters long, more than " + MAX_NAME));
        }
        RegionCode region = null;
        if (r.regionCode() == null) {
            errors.add(new FieldError("regionCode", "regionCode is required"));
        } else {
            try {
                region = RegionCode.of(r.regionCode());
                if (region.tier() != Tier.DISTRICT && region.tier() != Tier.TOWN) {
                    errors.add(new FieldError("regionCode", r.regionCode() + " is a " + region.tier()
                            + " code; an enterprise lies in a district or a town"));
                    region = null;
                } else if (!node.region().covers(region)) {
                    errors.add(new FieldError("regionCode", r.regionCode() + (node.kind() == Actor.Kind.CITY_NODE
                            ? " is not in this node's city " : " is not in this regulator's region ") + node.region()));
                    region = null;
                }
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("regionCode", e.getMessage()));
            }
        }
        DustType dustType = parseEnum(DustType.class, r.dustType(), "dustType", errors);
        if (r.dustWorkers() == null) {
            errors.add(new FieldError("dustWorkers", "dustWorkers is required"));
        } else if (r.dustWorkers() < 0) {
            errors.add(new FieldError("dustWorkers", "dustWorkers must be >= 0, got " + r.dustWorkers()));
        }
        List<DustCollector> collectors = new ArrayList<>();
        List<Registration.Collector> sent = r.collectors() == null ? List.of() : r.collectors();
        Set<String> seen = new HashSet<>();
        if (sent.size() > MAX_COLLECTORS) {
            errors.add(new FieldError("collectors", sent.size() + " collectors exceed the limit of " + MAX_COLLECTORS));
            sent = List.of();
        }
        for (int i = 0; i < sent.size(); i++) {
            Registration.Collector c = sent.get(i);
            String field = "collectors[" + i + "]";
            if (c == null) {
                errors.add(new FieldError(field, "collector is null"));
                continue;
            }
            String code = c.code();
            if (code == null || !code.startsWith(uscc) || !COLLECTOR_SUFFIX.matcher(code.substring(uscc.length())).matches()) {
                errors.add(new FieldError(field + ".code", "collector code '" + (code == null ? null : show(code))
                        + "' must be " + show(uscc) + "-DC{nnn}"));
            } else if (!seen.add(code)) {
                errors.add(new FieldError(field + ".code", "collector code " + code + " appears twice"));
            }
            CollectorType type = parseEnum(CollectorType.class, c.type(), field + ".type", errors);
            DustType own = c.dustType() == null ? null : parseEnum(DustType.class, c.dustType(), field + ".dustType", errors);
            collectors.add(new DustCollector(code, type, Boolean.TRUE.equals(c.indoor()), own,
                    points(code, type, c.points(), field, errors)));
        }
        List<CollectionGateway> gateways = gateways(uscc, r.gateways(), errors);
        List<Camera> cameras = cameras(uscc, r.cameras(), seen, errors);
        coordinate(r.longitude(), "longitude", 73, 136, errors);
        coordinate(r.latitude(), "latitude", 3, 54, errors);
        if ((r.longitude() == null) != (r.latitude() == null)) {
            errors.add(new FieldError("longitude", "longitude and latitude go together"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRegistrationException(errors);
        }
        return new EnterpriseProfile(uscc, r.name().strip(), region.value(), dustType, r.dustWorkers(),
                Boolean.TRUE.equals(r.ignitionProneProcess()), collectors, now, gateways, cameras, r.longitude(),
                r.latitude());
    }

    /** The points of collector {@code code}: catalogue parameters its type admits, units with a conversion. */
    private static List<MonitoringPoint> points(String code, CollectorType type, List<Registration.Point> sent,
                                                String collectorField, List<FieldError> errors) {
        List<MonitoringPoint> points = new ArrayList<>();
        if (sent == null) {
            return points;
        }
        if (sent.size() > MAX_POINTS) {
            errors.add(new FieldError(collectorField + ".points", sent.size() + " points exceed the limit of " + MAX_POINTS));
            return points;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < sent.size(); i++) {
            Registration.Point p = sent.get(i);
            String field = collectorField + ".points[" + i + "]";
            if (p == null || p.code() == null || code == null || !p.code().startsWith(code + "-")) {
                errors.add(new FieldError(field + ".code", "point code '" + (p == null || p.code() == null ? null : show(p.code()))
                        + "' must be " + show(code) + "-{PARAM}[-{n}]"));
                continue;
            }
            Matcher m = POINT_SUFFIX.matcher(p.code().substring(code.length()));
            ParameterCode param = m.matches() ? parameter(m.group(1)) : null;
            if (param == null) {
                errors.add(new FieldError(field + ".code", "point code " + show(p.code()) + " names no catalogue parameter"));
                continue;
            }
            if (!seen.add(p.code())) {
                errors.add(new FieldError(field + ".code", "point code " + p.code() + " appears twice"));
            }
            if (type != null && ((param.applies() == Applies.WET && type.isDry())
                    || (param.applies() == Applies.DRY && !type.isDry()))) {
                errors.add(new FieldError(field + ".code", param + " is a " + param.applies() + " parameter; the collector is " + type));
            }
            if (p.unit() != null && UnitConversion.toCatalogue(param, p.unit()).isEmpty()) {
                errors.add(new FieldError(field + ".unit", "unit '" + show(p.unit()) + "' is not a unit of " + param
                        + "; accepted: " + UnitConversion.accepted(param)));
            }
            Map<AlarmType, Double> thresholds = new EnumMap<>(AlarmType.class);
            if (p.thresholds() != null && !p.thresholds().isEmpty() && param.signalType() == SignalType.DI) {
                errors.add(new FieldError(field + ".thresholds", param + " is a digital point (0/1): it has no thresholds"));
            } else if (p.thresholds() != null) {
                p.thresholds().forEach((k, v) -> {
                    AlarmType t = parseEnum(AlarmType.class, k, field + ".thresholds", errors);
                    if (v == null || !Double.isFinite(v) || Math.abs(v) > MAX_THRESHOLD) {
                        errors.add(new FieldError(field + ".thresholds." + show(k), "a threshold must be a number within ±"
                                + (long) MAX_THRESHOLD + " " + param.unit()));
                    } else if (t != null) {
                        thresholds.put(t, v);
                    }
                });
            }
            points.add(new MonitoringPoint(p.code(), param, p.unit() == null ? null : p.unit().strip(), thresholds));
        }
        return points;
    }

    private static List<CollectionGateway> gateways(String uscc, List<Registration.Gateway> sent, List<FieldError> errors) {
        List<CollectionGateway> gateways = new ArrayList<>();
        if (sent == null) {
            return gateways;
        }
        Set<String> seen = new HashSet<>();
        if (sent.size() > MAX_COLLECTORS) {
            errors.add(new FieldError("gateways", sent.size() + " gateways exceed the limit of " + MAX_COLLECTORS));
            return gateways;
        }
        for (int i = 0; i < sent.size(); i++) {
            Registration.Gateway g = sent.get(i);
            String field = "gateways[" + i + "]";
            if (g == null || g.code() == null || !g.code().startsWith(uscc)
                    || !GATEWAY_SUFFIX.matcher(g.code().substring(uscc.length())).matches()) {
                errors.add(new FieldError(field + ".code", "gateway code must be " + show(uscc) + "-GW{nn}"));
                continue;
            }
            if (!seen.add(g.code())) {
                errors.add(new FieldError(field + ".code", "gateway code " + g.code() + " appears twice"));
            }
            text(g.model(), field + ".model", errors);
            text(g.firmware(), field + ".firmware", errors);
            gateways.add(new CollectionGateway(g.code(), g.model(), g.firmware()));
        }
        return gateways;
    }

    private static List<Camera> cameras(String uscc, List<Registration.Camera> sent, Set<String> collectorCodes,
                                        List<FieldError> errors) {
        List<Camera> cameras = new ArrayList<>();
        if (sent == null) {
            return cameras;
        }
        Set<String> seen = new HashSet<>();
        if (sent.size() > MAX_COLLECTORS) {
            errors.add(new FieldError("cameras", sent.size() + " cameras exceed the limit of " + MAX_COLLECTORS));
            return cameras;
        }
        for (int i = 0; i < sent.size(); i++) {
            Registration.Camera c = sent.get(i);
            String field = "cameras[" + i + "]";
            if (c == null || c.code() == null || !c.code().startsWith(uscc)
                    || !CAMERA_SUFFIX.matcher(c.code().substring(uscc.length())).matches()) {
                errors.add(new FieldError(field + ".code", "camera code must be " + show(uscc) + "-CAM{nnn}"));
                continue;
            }
            if (!seen.add(c.code())) {
                errors.add(new FieldError(field + ".code", "camera code " + c.code() + " appears twice"));
            }
            if (c.streamUrl() == null || !STREAM.matcher(c.streamUrl()).matches()) {
                errors.add(new FieldError(field + ".streamUrl", "streamUrl must be rtsp://, rtmp://, http(s):// (at most "
                        + MAX_NAME + " printable characters) or a 20-digit GB/T 28181 device id"));
            }
            if (c.collectorCode() != null && !collectorCodes.contains(c.collectorCode())) {
                errors.add(new FieldError(field + ".collectorCode", "collector " + show(c.collectorCode())
                        + " is not among this registration's collectors"));
            }
            cameras.add(new Camera(c.code(), c.streamUrl(), c.collectorCode()));
        }
        return cameras;
    }

    private static void coordinate(Double v, String field, double min, double max, List<FieldError> errors) {
        if (v != null && !(v >= min && v <= max)) {
            errors.add(new FieldError(field, field + " " + v + " is outside " + min + " … " + max + " (China, WGS-84)"));
        }
    }

    private static void text(String s, String field, List<FieldError> errors) {
        if (s != null && (firstControl(s) >= 0 || s.length() > 64)) {
            errors.add(new FieldError(field, field + " must be at most 64 printable characters"));
        }
    }

    private static ParameterCode parameter(String name) {
        for (ParameterCode p : ParameterCode.values()) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }

    /** Index of the first format character (Unicode Cf: bidi overrides, zero-width) or unpaired surrogate, or -1. */
    private static int firstInvisible(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.getType(c) == Character.FORMAT) {
                return i;
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** Index of the first control character (U+0000–U+001F, U+007F), or -1. */
    private static int firstControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < 0x20 || s.charAt(i) == 0x7F) {
                return i;
            }
        }
        return -1;
    }

    /** At most 80 characters of {@code s}, control characters escaped, for a reason. */
    private static String show(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(80, s.length()); i++) {
            char c = s.charAt(i);
            b.append(c < 0x20 || c == 0x7F ? String.format("\\u%04X", (int) c) : String.valueOf(c));
        }
        return s.length() > 80 ? b + "… (" + s.length() + " characters)" : b.toString();
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String field, List<FieldError> errors) {
        if (value == null) {
            errors.add(new FieldError(field, field + " is required"));
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "'" + show(value) + "' is not one of " + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }
}
