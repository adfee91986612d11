package dustwatch.alert.delivery;

import dustwatch.alert.routing.EventKind;
import dustwatch.contracts.region.Tier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The delivery log with receipts (推送记录, tables {@code alert.delivery} and {@code alert.delivery_attempt}). */
@Repository
public class DeliveryLog {
    private final JdbcClient jdbc;
    private final Clock clock;

    public DeliveryLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * A new delivery to be made.
     *
     * @param title the message's short text (SMS, e-mail subject), kept so that a later channel can send it
     * @param text  the message's full text, kept likewise
     */
    public record New(String subjectId, String step, String recipient, EventKind kind, String colour, Tier unitTier,
                      String unitCode, String person, String phone, String email, DeliveryStatus status,
                      String routingWhy, String uscc, String regionCode, String title, String text) {
    }

    /**
     * A delivery the console took at a chain position with further channels and nobody has read yet.
     *
     * @param consoleSentAt when the console took it
     * @param title         the message's stored title, null for one opened before titles were stored
     * @param text          the message's stored text, likewise
     */
    public record Unread(Delivery delivery, Instant consoleSentAt, String title, String text) {
    }

    /**
     * Opens a delivery unless one for (subject, step, recipient) exists.
     *
     * @return its id, or empty when it is a repeat
     */
    public Optional<Long> open(New d) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("""
                        insert into delivery (subject_id, step, recipient, event_kind, colour, unit_tier, unit_code, person,
                                              phone, email, status, routing_why, uscc, region_code, created_at, updated_at,
                                              message_title, message_text)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (subject_id, step, recipient) do nothing returning id""")
                .params(d.subjectId(), d.step(), d.recipient(), d.kind().name(), d.colour(), d.unitTier().name(),
                        d.unitCode(), d.person(), d.phone(), d.email(), d.status().name(), d.routingWhy(), d.uscc(),
                        d.regionCode(), now, now, d.title(), d.text())
                .query(Long.class).optional();
    }

    public void attempt(long deliveryId, ChannelName channel, AttemptOutcome outcome, Receipt receipt, String detail) {
        jdbc.sql("insert into delivery_attempt (delivery_id, channel, outcome, receipt, detail, at) values (?, ?, ?, ?, ?, ?)")
                .params(deliveryId, channel.name(), outcome.name(), receipt == null ? null : receipt.name(),
                        detail == null ? null : detail.substring(0, Math.min(detail.length(), 500)),
                        Timestamp.from(clock.instant())).update();
    }

    public void status(long deliveryId, DeliveryStatus status, int channelIndex) {
        jdbc.sql("update delivery set status = ?, channel_index = ?, updated_at = ? where id = ?")
                .params(status.name(), channelIndex, Timestamp.from(clock.instant()), deliveryId).update();
    }

    /**
     * The console took the message at {@code channelIndex} of its chain and further channels follow: SENT, and the
     * time is kept for the unread sweep ({@link UnreadSweep}). A delivery read meanwhile stays READ.
     */
    public void sentOnConsole(long deliveryId, int channelIndex) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        update delivery set status = 'SENT', channel_index = ?, console_sent_at = ?, updated_at = ?
                        where id = ? and read_at is null""")
                .params(channelIndex, now, now, deliveryId).update();
    }

    /**
     * The deliveries the console took before {@code sentBefore} (at a chain position with further channels) that
     * are still SENT and unread, oldest first.
     */
    public List<Unread> consoleUnread(Instant sentBefore) {
        return jdbc.sql("""
                        select * from delivery where status = 'SENT' and console_sent_at is not null
                          and console_sent_at <= ? and read_at is null
                        order by console_sent_at""")
                .param(Timestamp.from(sentBefore))
                .query((rs, row) -> new Unread(delivery(rs, row), rs.getTimestamp("console_sent_at").toInstant(),
                        rs.getString("message_title"), rs.getString("message_text"))).list();
    }

    /**
     * Claims an unread console message for the next channel: atomically, only while it is still SENT, unread and at
     * {@code channelIndex}, sets it SENDING at {@code next} and logs the {@code UNREAD_TIMEOUT} attempt. Of several
     * instances sweeping at once, exactly one claims it.
     *
     * @return true when this call claimed it
     */
    public boolean claimUnread(long deliveryId, int channelIndex, int next, String detail) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("""
                        with claimed as (
                          update delivery set status = 'SENDING', channel_index = ?, console_sent_at = null, updated_at = ?
                          where id = ? and status = 'SENT' and read_at is null and channel_index = ?
                          returning id)
                        insert into delivery_attempt (delivery_id, channel, outcome, detail, at)
                        select id, 'CONSOLE', 'UNREAD_TIMEOUT', ?, ? from claimed""")
                .params(next, now, deliveryId, channelIndex, detail, now).update() == 1;
    }

    /**
     * Marks a delivery read (the recipient's acknowledgement).
     *
     * @return false when it was read already
     */
    public boolean read(long deliveryId) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("update delivery set status = 'READ', read_at = ?, updated_at = ? where id = ? and read_at is null")
                .params(now, now, deliveryId).update() == 1;
    }

    /** Stops the open reminders of a warning (it was signed in). */
    public int stopReminders(String warningId) {
        return jdbc.sql("""
                        update delivery set status = 'STOPPED', updated_at = ?
                        where subject_id = ? and step like 'REMINDER-%' and status = 'SENDING'""")
                .params(Timestamp.from(clock.instant()), warningId).update();
    }

    public Optional<Delivery> find(long id) {
        return jdbc.sql("select * from delivery where id = ?").param(id).query(DeliveryLog::delivery).optional()
                .map(d -> withAttempts(List.of(d)).getFirst());
    }

    /** The deliveries about a subject, oldest first, with their attempts. */
    public List<Delivery> about(String subjectId) {
        return withAttempts(jdbc.sql("select * from delivery where subject_id = ? order by id").param(subjectId)
                .query(DeliveryLog::delivery).list());
    }

    private List<Delivery> withAttempts(List<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return deliveries;
        }
        List<Long> ids = deliveries.stream().map(Delivery::id).toList();
        Map<Long, List<Delivery.Attempt>> attempts = jdbc.sql(
                        "select * from delivery_attempt where delivery_id in (:ids) order by id").param("ids", ids)
                .query((rs, row) -> Map.entry(rs.getLong("delivery_id"), new Delivery.Attempt(
                        ChannelName.valueOf(rs.getString("channel")), AttemptOutcome.valueOf(rs.getString("outcome")),
                        rs.getString("receipt") == null ? null : Receipt.valueOf(rs.getString("receipt")),
                        rs.getString("detail"), rs.getTimestamp("at").toInstant()))).list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        List<Delivery> result = new ArrayList<>();
        for (Delivery d : deliveries) {
            result.add(new Delivery(d.id(), d.subjectId(), d.step(), d.recipient(), d.kind(), d.colour(), d.unitTier(),
                    d.unitCode(), d.person(), d.phone(), d.email(), d.status(), d.channelIndex(), d.routingWhy(), d.uscc(),
                    d.regionCode(), d.createdAt(), d.updatedAt(), d.readAt(), attempts.getOrDefault(d.id(), List.of())));
        }
        return result;
    }

    private static Delivery delivery(ResultSet rs, int row) throws SQLException {
        Timestamp read = rs.getTimestamp("read_at");
        return new Delivery(rs.getLong("id"), rs.getString("subject_id"), rs.getString("step"), rs.getString("recipient"),
                EventKind.valueOf(rs.getString("event_kind")), rs.getString("colour"),
                Tier.valueOf(rs.getString("unit_tier")), rs.getString("unit_code"), rs.getString("person"),
                rs.getString("phone"), rs.getString("email"), DeliveryStatus.valueOf(rs.getString("status")),
                rs.getInt("channel_index"), rs.getString("routing_why"), rs.getString("uscc"), rs.getString("region_code"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                read == null ? null : read.toInstant(), List.of());
    }
}
