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

/**
 * Checks a {@link Registration} against domain reference §2.3: the USCC check character (GB 32100), a region
 * that is a district or town inside the calling node's city, collector codes {@code {uscc}-DC…}, dustWorkers ≥ 0.
 */
public final class RegistrationValidator {
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
            errors.add(new FieldError("uscc", "'" + uscc + "' is not an 18-character USCC with a valid check character"));
        }
        if (r == null) {
            throw new InvalidRegistrationException(List.of(new FieldError("body", "a registration body is required")));
        }
        if (r.name() == null || r.name().isBlank()) {
            errors.add(new FieldError("name", "name is required"));
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
        for (int i = 0; i < sent.size(); i++) {
            Registration.Collector c = sent.get(i);
            String field = "collectors[" + i + "]";
            if (c == null) {
                errors.add(new FieldError(field, "collector is null"));
                continue;
            }
            String code = c.code();
            if (code == null || !code.startsWith(uscc + "-DC") || code.length() == (uscc + "-DC").length()
                    || code.indexOf('-', uscc.length() + 1) >= 0) {
                errors.add(new FieldError(field + ".code", "collector code '" + code + "' must be " + uscc + "-DC{nnn}"));
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

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String field, List<FieldError> errors) {
        if (value == null) {
            errors.add(new FieldError(field, field + " is required"));
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "'" + value + "' is not one of " + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }
}
