package dustwatch.disposal.supervision;

import dustwatch.contracts.scope.Actor;
import dustwatch.disposal.warning.TransitionForbidden;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Online patrol (线上巡查, plan 五(三)): a regulator draws a random sample of the enterprises in its region to
 * inspect remotely and records a result for each. Scoped to the caller's region.
 */
@Service
public class PatrolService {
    private final Patrols patrols;
    private final Clock clock;
    private final Random random = new SecureRandom();

    public PatrolService(Patrols patrols, Clock clock) {
        this.patrols = patrols;
        this.clock = clock;
    }

    /**
     * Draws up to {@code size} enterprises at random.
     *
     * @throws IllegalArgumentException when size is not 1..100
     */
    @Transactional
    public List<Patrols.PatrolItem> draw(Actor actor, int size) {
        requireRegulator(actor);
        if (size < 1 || size > 100) {
            throw new IllegalArgumentException("a patrol samples 1 to 100 enterprises, got " + size);
        }
        List<String> known = new ArrayList<>(patrols.enterprisesUnder(actor.region()));
        Collections.shuffle(known, random);
        List<String> sample = known.subList(0, Math.min(size, known.size()));
        String id = "P-" + UUID.randomUUID();
        patrols.draw(id, actor.region(), sample, actor.username(), clock.instant());
        return patrols.items(id, actor.region());
    }

    /** The items of a patrol in scope. @throws PatrolNotFound when there are none */
    @Transactional(readOnly = true)
    public List<Patrols.PatrolItem> items(Actor actor, String patrolId) {
        requireRegulator(actor);
        List<Patrols.PatrolItem> items = patrols.items(patrolId, actor.region());
        if (items.isEmpty()) {
            throw new PatrolNotFound(patrolId);
        }
        return items;
    }

    /** Records the result of one enterprise. @throws PatrolNotFound when the item is not in scope */
    @Transactional
    public List<Patrols.PatrolItem> record(Actor actor, String patrolId, String uscc, PatrolResult result, String remark) {
        requireRegulator(actor);
        if (result == null) {
            throw new IllegalArgumentException("a patrol result is NORMAL, ISSUE_FOUND or UNREACHABLE");
        }
        if (!patrols.record(patrolId, uscc, actor.region(), result, remark, actor.username(), clock.instant())) {
            throw new PatrolNotFound(patrolId + "/" + uscc);
        }
        return patrols.items(patrolId, actor.region());
    }

    private static void requireRegulator(Actor actor) {
        if (actor.kind() != Actor.Kind.REGULATOR) {
            throw new TransitionForbidden("online patrols are for regulators");
        }
    }

    /** No such patrol (item) in the caller's scope (404). */
    public static final class PatrolNotFound extends RuntimeException {
        public PatrolNotFound(String what) {
            super("no patrol " + what);
        }
    }
}
