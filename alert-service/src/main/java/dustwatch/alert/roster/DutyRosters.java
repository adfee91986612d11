package dustwatch.alert.roster;

import dustwatch.alert.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Duty rosters (值班表, tables {@code alert.duty_*}): who of a unit is on duty at an instant, in China time
 * ({@code dustwatch.alert.notify.zone}). An unstaffed moment falls back to the unit's default contact and is
 * recorded as a roster gap (值班空档).
 */
@Service
public class DutyRosters {
    private static final Logger LOG = LoggerFactory.getLogger(DutyRosters.class);

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final ZoneId zone;

    public DutyRosters(JdbcClient jdbc, AuditLog audit, @Value("${dustwatch.alert.notify.zone}") ZoneId zone) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.zone = zone;
    }

    public Optional<Roster> find(String unitCode) {
        Optional<Map<String, Object>> unit = jdbc.sql("select * from duty_unit where unit_code = ?").param(unitCode)
                .query().listOfRows().stream().findFirst();
        if (unit.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> u = unit.get();
        Contact fallback = new Contact(Contact.DEFAULT, (String) u.get("default_name"), (String) u.get("default_phone"),
                (String) u.get("default_email"));
        List<Contact> staff = jdbc.sql("select * from duty_staff where unit_code = ? order by staff_id").param(unitCode)
                .query((rs, row) -> new Contact(rs.getString("staff_id"), rs.getString("name"), rs.getString("phone"),
                        rs.getString("email"))).list();
        List<Roster.Shift> shifts = jdbc.sql("select * from duty_shift where unit_code = ? order by id").param(unitCode)
                .query((rs, row) -> new Roster.Shift(rs.getString("staff_id"), (Integer) rs.getObject("weekday"),
                        rs.getDate("on_date") == null ? null : rs.getDate("on_date").toLocalDate(),
                        rs.getTime("starts").toLocalTime(), rs.getTime("ends").toLocalTime())).list();
        List<Roster.Holiday> holidays = jdbc.sql("select * from duty_holiday where unit_code = ? order by on_date")
                .param(unitCode).query((rs, row) -> new Roster.Holiday(rs.getDate("on_date").toLocalDate(),
                        rs.getString("name"))).list();
        List<Roster.Substitute> substitutes = jdbc.sql("select * from duty_substitute where unit_code = ? order by id")
                .param(unitCode).query((rs, row) -> new Roster.Substitute(rs.getString("staff_id"),
                        rs.getString("substitute_id"), rs.getTimestamp("from_at").toInstant(),
                        rs.getTimestamp("to_at").toInstant())).list();
        return Optional.of(new Roster(unitCode, (String) u.get("name"), fallback, (String) u.get("webhook_url"), staff,
                shifts, holidays, substitutes));
    }

    /**
     * Replaces a unit's roster (and keeps its webhook secret unless a new one is given).
     *
     * @throws IllegalArgumentException when a shift or substitute names a staff member the roster does not list
     */
    @Transactional
    public void replace(Roster roster, String webhookSecret, String actor) {
        Set<String> ids = roster.staff().stream().map(Contact::staffId).collect(Collectors.toSet());
        for (Roster.Shift shift : roster.shifts()) {
            if (!ids.contains(shift.staffId())) {
                throw new IllegalArgumentException("shift of unknown staff " + shift.staffId());
            }
            if ((shift.weekday() == null) == (shift.onDate() == null)) {
                throw new IllegalArgumentException("a shift has either a weekday (1-7) or a date");
            }
        }
        for (Roster.Substitute s : roster.substitutes()) {
            if (!ids.contains(s.staffId()) || !ids.contains(s.substituteId())) {
                throw new IllegalArgumentException("substitute names unknown staff " + s.staffId() + "/" + s.substituteId());
            }
        }
        Contact fallback = roster.defaultContact();
        if (fallback == null || fallback.name() == null) {
            throw new IllegalArgumentException("a roster needs a default contact");
        }
        jdbc.sql("""
                        insert into duty_unit (unit_code, name, default_name, default_phone, default_email, webhook_url,
                                               webhook_secret)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (unit_code) do update set name = excluded.name, default_name = excluded.default_name,
                          default_phone = excluded.default_phone, default_email = excluded.default_email,
                          webhook_url = excluded.webhook_url,
                          webhook_secret = coalesce(excluded.webhook_secret, duty_unit.webhook_secret)""")
                .params(roster.unitCode(), roster.name(), fallback.name(), fallback.phone(), fallback.email(),
                        roster.webhookUrl(), webhookSecret).update();
        for (String table : List.of("duty_staff", "duty_shift", "duty_holiday", "duty_substitute")) {
            jdbc.sql("delete from " + table + " where unit_code = ?").param(roster.unitCode()).update();
        }
        for (Contact c : roster.staff()) {
            jdbc.sql("insert into duty_staff (unit_code, staff_id, name, phone, email) values (?, ?, ?, ?, ?)")
                    .params(roster.unitCode(), c.staffId(), c.name(), c.phone(), c.email()).update();
        }
        for (Roster.Shift s : roster.shifts()) {
            jdbc.sql("insert into duty_shift (unit_code, staff_id, weekday, on_date, starts, ends) values (?, ?, ?, ?, ?, ?)")
                    .params(roster.unitCode(), s.staffId(), s.weekday(), s.onDate() == null ? null : Date.valueOf(s.onDate()),
                            Time.valueOf(s.starts()), Time.valueOf(s.ends())).update();
        }
        for (Roster.Holiday h : roster.holidays()) {
            jdbc.sql("insert into duty_holiday (unit_code, on_date, name) values (?, ?, ?)")
                    .params(roster.unitCode(), Date.valueOf(h.date()), h.name()).update();
        }
        for (Roster.Substitute s : roster.substitutes()) {
            jdbc.sql("insert into duty_substitute (unit_code, staff_id, substitute_id, from_at, to_at) values (?, ?, ?, ?, ?)")
                    .params(roster.unitCode(), s.staffId(), s.substituteId(), Timestamp.from(s.from()),
                            Timestamp.from(s.to())).update();
        }
        audit.record(actor, "ROSTER_REPLACED", "roster/" + roster.unitCode(), roster.staff().size() + " staff, "
                + roster.shifts().size() + " shifts, " + roster.holidays().size() + " holidays, "
                + roster.substitutes().size() + " substitutes");
    }

    /** Who of the unit is on duty at {@code at}; the default contact (gap) when nobody is, none when the unit has no roster. */
    public OnDuty onDuty(String unitCode, Instant at) {
        Optional<Roster> found = find(unitCode);
        if (found.isEmpty()) {
            return new OnDuty(unitCode, unitCode, List.of(new Contact(Contact.DEFAULT, unitCode, null, null)), true, null);
        }
        Roster roster = found.get();
        String secret = jdbc.sql("select webhook_secret from duty_unit where unit_code = ?").param(unitCode)
                .query(String.class).optional().orElse(null);
        OnDuty.Webhook webhook = roster.webhookUrl() == null ? null : new OnDuty.Webhook(roster.webhookUrl(), secret);
        List<Contact> staff = staffOnDuty(roster, at);
        if (staff.isEmpty()) {
            return new OnDuty(unitCode, roster.name(), List.of(roster.defaultContact()), true, webhook);
        }
        return new OnDuty(unitCode, roster.name(), staff, false, webhook);
    }

    /** Records a roster gap met while telling {@code subjectId}/{@code step}, and logs it. */
    public void gap(String unitCode, String subjectId, String step, Instant at) {
        LOG.warn("roster gap: nobody of {} on duty at {} for {}/{}; the default contact is told", unitCode,
                at.atZone(zone), subjectId, step);
        jdbc.sql("insert into roster_gap (unit_code, subject_id, step, at) values (?, ?, ?, ?)")
                .params(unitCode, subjectId, step, Timestamp.from(at)).update();
    }

    List<Contact> staffOnDuty(Roster roster, Instant at) {
        ZonedDateTime local = at.atZone(zone);
        LocalDate today = local.toLocalDate();
        LocalTime now = local.toLocalTime();
        Set<LocalDate> holidays = roster.holidays().stream().map(Roster.Holiday::date).collect(Collectors.toSet());
        Map<String, Contact> byId = new LinkedHashMap<>();
        roster.staff().forEach(c -> byId.put(c.staffId(), c));
        List<Contact> onDuty = new ArrayList<>();
        for (Roster.Shift shift : roster.shifts()) {
            if (covers(shift, today, now, holidays, true) || covers(shift, today.minusDays(1), now, holidays, false)) {
                String id = roster.substitutes().stream()
                        .filter(s -> s.staffId().equals(shift.staffId()) && !at.isBefore(s.from()) && at.isBefore(s.to()))
                        .map(Roster.Substitute::substituteId).findFirst().orElse(shift.staffId());
                Contact contact = byId.get(id);
                if (contact != null && !onDuty.contains(contact)) {
                    onDuty.add(contact);
                }
            }
        }
        return onDuty;
    }

    /** Whether a shift that starts on {@code day} covers {@code now} (of today when {@code sameDay}, else of the next day). */
    private static boolean covers(Roster.Shift shift, LocalDate day, LocalTime now, Set<LocalDate> holidays,
                                  boolean sameDay) {
        boolean applies = shift.onDate() != null ? shift.onDate().equals(day)
                : !holidays.contains(day) && shift.weekday() == day.getDayOfWeek().getValue();
        if (!applies) {
            return false;
        }
        boolean overnight = !shift.ends().isAfter(shift.starts());
        if (sameDay) {
            return !now.isBefore(shift.starts()) && (overnight || now.isBefore(shift.ends()));
        }
        return overnight && now.isBefore(shift.ends());
    }
}
