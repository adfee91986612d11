package dustwatch.alert.console.persistence;

import dustwatch.alert.console.ConsoleLog;
import dustwatch.contracts.disposal.WarningState;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The {@link ConsoleLog} in PostgreSQL: {@code console_event} numbered by {@code console_event_seq}, unique by source
 * key, and {@code console_warning} with each warning's current state. An append takes a transaction-scoped advisory
 * lock before drawing its id, so ids are committed in increasing order even with several writers.
 */
@Repository
class JdbcConsoleLog implements ConsoleLog {
    private static final long APPEND_LOCK = 0x636f6e736f6c65L; // "console"

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    JdbcConsoleLog(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public Optional<Entry> append(String sourceKey, Kind kind, String warningId, List<String> audiences, String data,
                                  WarningState newState) {
        return transactions.execute(tx -> {
            jdbc.queryForObject("select pg_advisory_xact_lock(?)", Object.class, APPEND_LOCK);
            List<Long> ids = jdbc.query(con -> {
                var insert = con.prepareStatement("""
                        insert into alert.console_event (id, source_key, kind, warning_id, audiences, data)
                        values (nextval('alert.console_event_seq'), ?, ?, ?, ?, ?)
                        on conflict (source_key) do nothing returning id""");
                insert.setString(1, sourceKey);
                insert.setString(2, kind.name());
                insert.setString(3, warningId);
                insert.setArray(4, con.createArrayOf("text", audiences.toArray()));
                insert.setString(5, data);
                return insert;
            }, (rs, n) -> rs.getLong(1));
            if (ids.isEmpty()) {
                return Optional.<Entry>empty();
            }
            long id = ids.getFirst();
            if (kind == Kind.WARNING) {
                jdbc.update(con -> {
                    var upsert = con.prepareStatement("""
                            insert into alert.console_warning (warning_id, state, audiences, warning_event_id) values (?, ?, ?, ?)
                            on conflict (warning_id) do update
                            set audiences = excluded.audiences, warning_event_id = excluded.warning_event_id""");
                    upsert.setString(1, warningId);
                    upsert.setString(2, newState == null ? WarningState.ISSUED.name() : newState.name());
                    upsert.setArray(3, con.createArrayOf("text", audiences.toArray()));
                    upsert.setLong(4, id);
                    return upsert;
                });
            } else if (newState != null) {
                jdbc.update(con -> {
                    var upsert = con.prepareStatement("""
                            insert into alert.console_warning (warning_id, state, audiences) values (?, ?, ?)
                            on conflict (warning_id) do update set state = excluded.state, updated_at = now()""");
                    upsert.setString(1, warningId);
                    upsert.setString(2, newState.name());
                    upsert.setArray(3, con.createArrayOf("text", audiences.toArray()));
                    return upsert;
                });
            }
            List<String> states = jdbc.queryForList("select state from alert.console_warning where warning_id = ?",
                    String.class, warningId);
            WarningState state = states.isEmpty() ? null : WarningState.valueOf(states.getFirst());
            return Optional.of(new Entry(id, kind, warningId, audiences, data, state));
        });
    }

    @Override
    public long head() {
        Long head = jdbc.queryForObject("select coalesce(max(id), 0) from alert.console_event", Long.class);
        return head == null ? 0 : head;
    }

    @Override
    public List<Entry> after(long id, String audience, int limit) {
        return jdbc.query("""
                select e.id, e.kind, e.warning_id, e.audiences, e.data, w.state
                from alert.console_event e left join alert.console_warning w on w.warning_id = e.warning_id
                where e.id > ? and e.audiences @> array[?]::text[]
                order by e.id limit ?""", ENTRY, id, audience, limit);
    }

    @Override
    public List<Entry> open(String audience, int limit) {
        List<Entry> newestFirst = jdbc.query("""
                select e.id, e.kind, e.warning_id, e.audiences, e.data, w.state
                from alert.console_warning w join alert.console_event e on e.id = w.warning_event_id
                where w.state not in ('CLEARED', 'SUPERSEDED') and w.audiences @> array[?]::text[]
                order by e.id desc limit ?""", ENTRY, audience, limit);
        return newestFirst.reversed();
    }

    private static final RowMapper<Entry> ENTRY = (rs, n) -> new Entry(rs.getLong("id"),
            Kind.valueOf(rs.getString("kind")), rs.getString("warning_id"), strings(rs, "audiences"),
            rs.getString("data"), rs.getString("state") == null ? null : WarningState.valueOf(rs.getString("state")));

    private static List<String> strings(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }
}
