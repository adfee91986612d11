package dustwatch.ingest.registry;

import dustwatch.contracts.enterprise.EnterpriseProfile;
import dustwatch.contracts.region.RegionCode;
import dustwatch.contracts.scope.Actor;
import dustwatch.contracts.topic.Topics;
import dustwatch.ingest.platform.Outbox;
import dustwatch.ingest.registry.persistence.EnterpriseRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The enterprise registry (企业基础信息登记). A registration is stored in {@code ingest.enterprise} and its
 * {@link EnterpriseProfile} queued in the outbox in the same database transaction; the outbox relay publishes it
 * on {@code dust.registry} (a broker outage delays the announcement, it never loses or half-applies a change).
 */
@Service
public class Registry {
    private final EnterpriseRepository enterprises;
    private final Outbox outbox;
    private final Clock clock;

    public Registry(EnterpriseRepository enterprises, Outbox outbox, Clock clock) {
        this.enterprises = enterprises;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Registers or updates enterprise {@code uscc} on behalf of city node {@code node}.
     *
     * @return the stored profile
     * @throws InvalidRegistrationException (422) listing every bad field, also when the enterprise is already
     *                                      registered in another city
     */
    @Transactional
    public EnterpriseProfile register(String uscc, Registration registration, Actor node) {
        EnterpriseProfile profile = RegistrationValidator.validate(uscc, registration, node, clock.instant());
        Optional<EnterpriseProfile> existing = enterprises.find(uscc);
        if (existing.isPresent() && !node.region().covers(RegionCode.of(existing.get().regionCode()))) {
            throw new InvalidRegistrationException(List.of(new FieldError("uscc",
                    uscc + " is registered by another city; it cannot be moved by this node")));
        }
        enterprises.upsert(profile, node.username());
        outbox.enqueue(Topics.REGISTRY, uscc, profile);
        return profile;
    }

    /** The profile of {@code uscc}, if registered (no scope check: callers check with {@link Actor#canSee}). */
    public Optional<EnterpriseProfile> find(String uscc) {
        return enterprises.find(uscc);
    }

    /** The registered ones of {@code usccs} by USCC, looked up together (a push's enterprises: one statement). */
    public java.util.Map<String, EnterpriseProfile> findAll(java.util.Collection<String> usccs) {
        return enterprises.findAll(usccs);
    }

    /** The enterprises {@code actor} may see: a regulator's region, an enterprise user's own; none for a node. */
    public List<EnterpriseProfile> visibleTo(Actor actor) {
        return switch (actor.kind()) {
            case ENTERPRISE -> enterprises.find(actor.uscc()).stream().toList();
            case REGULATOR -> enterprises.findByRegionPrefix(actor.region().value().substring(0, 2)).stream()
                    .filter(p -> actor.canSee(p.uscc(), RegionCode.of(p.regionCode())))
                    .toList();
            case CITY_NODE -> List.of();
        };
    }

    /** The profile of {@code uscc} when {@code actor} may see it; empty (answer 404) otherwise. */
    public Optional<EnterpriseProfile> findVisible(String uscc, Actor actor) {
        return enterprises.find(uscc).filter(p -> actor.canSee(p.uscc(), RegionCode.of(p.regionCode())));
    }
}
