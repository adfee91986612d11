package dustwatch.ingest.registry;

import dustwatch.contracts.enterprise.CollectorType;
import dustwatch.contracts.enterprise.DustCollector;
import dustwatch.contracts.enterprise.DustType;
import dustwatch.contracts.enterprise.EnterpriseProfile;
import dustwatch.contracts.enterprise.Uscc;
import dustwatch.contracts.region.RegionCode;
import dustwatch.contracts.region.Tier;
import dustwatch.contracts.scope.Actor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a {@link Registration} against domain reference §2.3: the USCC check character (GB 32100), a region
 * that is a district or town inside the calling node's city, collector codes {@code {uscc}-DC\d{3}},
 * dustWorkers ≥ 0. Sizes, so that nothing PostgreSQL or Kafka would refuse gets through: {@code name} 1–
 * {@value #MAX_NAME} characters without control characters (U+0000–U+001F, U+007F), at most
 * {@value #MAX_COLLECTORS} collectors.
 */
public final class RegistrationValidator {
    /** Longest accepted enterprise name. */
    public static final int MAX_NAME = 200;
    /** Most collectors one enterprise may register. */
    public static final int MAX_COLLECTORS = 200;
    private static final Pattern COLLECTOR_SUFFIX = Pattern.compile("-DC\\d{3}");

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
                    errors.add(new FieldError("regionCode", r.regionCode() + " is not in this node's city " + node.region()));
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
            collectors.add(new DustCollector(code, type, Boolean.TRUE.equals(c.indoor())));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRegistrationException(errors);
        }
        return new EnterpriseProfile(uscc, r.name().strip(), region.value(), dustType, r.dustWorkers(),
                Boolean.TRUE.equals(r.ignitionProneProcess()), collectors, now);
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
