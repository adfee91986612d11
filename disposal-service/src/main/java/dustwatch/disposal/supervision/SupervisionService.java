package dustwatch.disposal.supervision;

import dustwatch.contracts.scope.Actor;
import dustwatch.disposal.warning.TransitionForbidden;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Supervision metrics and rankings of a period, always scoped to the calling regulator's region. */
@Service
public class SupervisionService {
    private final Facts facts;
    private final MetricsCalculator calculator;
    private final Clock clock;

    public SupervisionService(Facts facts, SupervisionProperties properties, Clock clock) {
        this.facts = facts;
        this.calculator = new MetricsCalculator(properties);
        this.clock = clock;
    }

    /**
     * Metrics per unit of {@code level} under the actor's region, by unit key.
     *
     * @throws TransitionForbidden for a caller that is not a regulator
     */
    @Transactional(readOnly = true)
    public List<UnitMetrics> metrics(Actor actor, Period period, Level level) {
        if (actor.kind() != Actor.Kind.REGULATOR) {
            throw new TransitionForbidden("supervision metrics are for regulators");
        }
        Instant now = clock.instant();
        Instant cutoff = now.isBefore(period.to()) ? now : period.to();
        return calculator.compute(facts.alarms(actor.region(), period.from(), period.to()),
                facts.warnings(actor.region(), period.to()), facts.enterprises(actor.region(), period.from(), period.to()),
                level, period.from(), period.to(), cutoff);
    }

    /** The same units ranked by descending composite score. */
    @Transactional(readOnly = true)
    public List<UnitMetrics> ranking(Actor actor, Period period, Level level) {
        return MetricsCalculator.rank(metrics(actor, period, level));
    }
}
