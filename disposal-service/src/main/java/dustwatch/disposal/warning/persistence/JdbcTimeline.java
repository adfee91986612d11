package dustwatch.disposal.warning.persistence;

import dustwatch.contracts.disposal.DisposalEvent;
import dustwatch.contracts.disposal.WarningState;
import dustwatch.contracts.region.Tier;
import dustwatch.contracts.risk.Colour;
import dustwatch.disposal.warning.Timeline;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static dustwatch.disposal.warning.persistence.JdbcWarningRepository.instant;
import static dustwatch.disposal.warning.persistence.JdbcWarningRepository.utc;

/**
 * {@link Timeline} on table {@code disposal.timeline_event}, whose trigger refuses UPDATE, DELETE and TRUNCATE.
 * The enterprise, region and colour of an event are those of its warning.
 */
@Repository
class JdbcTimeline implements Timeline {
    private final JdbcClient jdbc;

    JdbcTimeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void append(DisposalEvent e) {
        jdbc.sql("""
                        INSERT INTO disposal.timeline_event
                            (event_id, warning_id, action, from_state, to_state, actor, actor_tier, note, at, target_tier)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(e.eventId(), e.warningId(), e.action(), e.fromState() == null ? null : e.fromState().name(),
                        e.toState().name(), e.actor(), e.actorTier(), e.note(), utc(e.at()),
                        e.targetTier() == null ? null : e.targetTier().name())
                .update();
    }

    @Override
    public java.util.List<DisposalEvent> of(String warningId) {
        return jdbc.sql("""
                        SELECT t.event_id, t.warning_id, w.uscc, w.region_code, w.colour, t.action, t.from_state,
                               t.to_state, t.actor, t.actor_tier, t.note, t.at, t.target_tier
                        FROM disposal.timeline_event t JOIN disposal.warning w USING (warning_id)
                        WHERE t.warning_id = ? ORDER BY t.seq""")
                .param(warningId)
                .query((rs, n) -> new DisposalEvent(rs.getString("event_id"), rs.getString("warning_id"),
                        rs.getString("uscc"), rs.getString("region_code"), Colour.valueOf(rs.getString("colour")),
                        rs.getString("action"),
                        rs.getString("from_state") == null ? null : WarningState.valueOf(rs.getString("from_state")),
                        WarningState.valueOf(rs.getString("to_state")), rs.getString("actor"),
                        rs.getString("actor_tier"), rs.getString("note"), instant(rs, "at"), null,
                        rs.getString("target_tier") == null ? null : Tier.valueOf(rs.getString("target_tier"))))
                .list();
    }
}
