package dustwatch.ingest.envelope;

import dustwatch.contracts.region.RegionCode;
import dustwatch.contracts.region.Tier;
import dustwatch.contracts.scope.Actor;
import dustwatch.ingest.envelope.persistence.NodeAppRepository;
import dustwatch.ingest.platform.ReasonCode;
import dustwatch.ingest.platform.RejectedRequestException;
import dustwatch.ingest.registry.FieldError;
import dustwatch.ingest.registry.InvalidRegistrationException;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The envelope apps of the city nodes: provisioned by a province or city regulator for a city it covers,
 * looked up by appId, authenticated by appSecret in constant time.
 */
@Service
public class NodeApps {
    private static final Pattern APP_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern HEX_16 = Pattern.compile("[0-9a-fA-F]{32}");
    private final NodeAppRepository apps;
    private final KeyVault vault;
    private final Clock clock;
    private final EnvelopeProperties properties;
    /** Recent failed secret checks per appid (this instance's; each instance of ingest counts its own). */
    private final java.util.concurrent.ConcurrentHashMap<String, java.util.Deque<java.time.Instant>> failures =
            new java.util.concurrent.ConcurrentHashMap<>();

    public NodeApps(NodeAppRepository apps, EnvelopeProperties properties, Clock clock) {
        this.apps = apps;
        this.vault = new KeyVault(properties.masterKey());
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * What a regulator sends to provision an app.
     *
     * @param regionCode the node's city (6 digits)
     * @param appSecret  8–128 printable characters
     * @param key        SM4 key, 32 hex digits
     * @param iv         SM4 IV, 32 hex digits
     */
    public record Provisioning(String regionCode, String appSecret, String key, String iv) {
    }

    /**
     * What the API shows of an app: never the secret, key or IV.
     *
     * @param appId      app id
     * @param regionCode the node's city
     * @param updatedAt  last change
     * @param updatedBy  who made it
     */
    public record Summary(String appId, String regionCode, java.time.Instant updatedAt, String updatedBy) {
    }

    /**
     * Creates or replaces app {@code appId}.
     *
     * @throws InvalidRegistrationException (422) naming every bad field
     * @throws org.springframework.web.server.ResponseStatusException 403 for anyone but a province or city regulator
     *                                  covering the city
     */
    public Summary provision(String appId, Provisioning p, Actor actor) {
        if (actor.kind() != Actor.Kind.REGULATOR || (actor.region().tier() != Tier.PROVINCE && actor.region().tier() != Tier.CITY)) {
            throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.FORBIDDEN,
                    "only a province or city regulator provisions node apps");
        }
        List<FieldError> errors = new ArrayList<>();
        if (appId == null || !APP_ID.matcher(appId).matches()) {
            errors.add(new FieldError("appId", "appId must be 1-64 characters of [A-Za-z0-9._-]"));
        }
        RegionCode city = null;
        try {
            city = p == null || p.regionCode() == null ? null : RegionCode.of(p.regionCode());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("regionCode", e.getMessage()));
        }
        if (city == null || city.tier() != Tier.CITY || !actor.region().covers(city)) {
            errors.add(new FieldError("regionCode", "regionCode must be a city within " + actor.region()));
        }
        if (p == null || p.appSecret() == null || p.appSecret().length() < 8 || p.appSecret().length() > 128
                || !p.appSecret().chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            errors.add(new FieldError("appSecret", "appSecret must be 8-128 printable ASCII characters"));
        }
        if (p == null || p.key() == null || !HEX_16.matcher(p.key()).matches()) {
            errors.add(new FieldError("key", "key must be 32 hex digits (SM4, 128 bits)"));
        }
        if (p == null || p.iv() == null || !HEX_16.matcher(p.iv()).matches()) {
            errors.add(new FieldError("iv", "iv must be 32 hex digits"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRegistrationException(errors);
        }
        Optional<NodeAppRepository.Row> existing = apps.find(appId);
        if (existing.isPresent() && !actor.region().covers(RegionCode.of(existing.get().regionCode()))) {
            throw new InvalidRegistrationException(List.of(new FieldError("appId", appId + " belongs to another region")));
        }
        NodeAppRepository.Row row = new NodeAppRepository.Row(appId, city.value(), sha256(p.appSecret()),
                vault.seal(HexFormat.of().parseHex(p.key())), vault.seal(HexFormat.of().parseHex(p.iv())),
                clock.instant(), actor.username());
        apps.upsert(row);
        return summary(row);
    }

    /** The apps of the cities {@code actor} covers. */
    public List<Summary> visibleTo(Actor actor) {
        if (actor.kind() != Actor.Kind.REGULATOR) {
            return List.of();
        }
        return apps.findByRegionPrefix(actor.region().value().substring(0, 2)).stream()
                .filter(r -> actor.region().covers(RegionCode.of(r.regionCode())))
                .map(NodeApps::summary).toList();
    }

    /**
     * The app {@code appId} when {@code appSecret} is its secret.
     *
     * @throws RejectedRequestException APP_AUTH_FAILED (401) for an unknown appId or a wrong secret, told apart
     *                                  for nobody
     */
    public NodeApp authenticate(String appId, String appSecret) {
        String id = appId == null || !APP_ID.matcher(appId).matches() ? "" : appId;
        java.time.Instant now = clock.instant();
        java.util.Deque<java.time.Instant> recent = failures.computeIfAbsent(id, k -> new java.util.concurrent.ConcurrentLinkedDeque<>());
        while (!recent.isEmpty() && recent.peekFirst().isBefore(now.minus(properties.authFailureWindow()))) {
            recent.pollFirst();
        }
        if (recent.size() >= properties.maxAuthFailures()) {
            throw new RejectedRequestException(ReasonCode.APP_LOCKED, properties.maxAuthFailures()
                    + " failed appsecret checks for this appid within " + properties.authFailureWindow().toSeconds()
                    + " s; retry later").retryAfter(java.time.Duration.between(now,
                    recent.peekFirst().plus(properties.authFailureWindow())));
        }
        Optional<NodeAppRepository.Row> row = id.isEmpty() ? Optional.empty() : apps.find(id);
        byte[] offered = sha256(appSecret == null ? "" : appSecret);
        if (row.isEmpty() || !MessageDigest.isEqual(row.get().secretSha256(), offered)) {
            recent.addLast(now);
            if (failures.size() > 10_000) {
                failures.entrySet().removeIf(e -> e.getValue().isEmpty());
            }
            throw new RejectedRequestException(ReasonCode.APP_AUTH_FAILED,
                    "the appid is unknown or the appsecret header does not match it");
        }
        NodeAppRepository.Row r = row.get();
        return new NodeApp(r.appId(), r.regionCode(), r.secretSha256(),
                new Sm4Cbc(vault.open(r.keySealed()), vault.open(r.ivSealed())));
    }

    private static Summary summary(NodeAppRepository.Row r) {
        return new Summary(r.appId(), r.regionCode(), r.updatedAt(), r.updatedBy());
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
