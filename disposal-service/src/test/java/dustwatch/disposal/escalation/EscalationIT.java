package dustwatch.disposal.escalation;

import dustwatch.contracts.disposal.DisposalEvent;
import dustwatch.contracts.region.Tier;
import dustwatch.contracts.risk.Colour;
import dustwatch.contracts.topic.Topics;
import dustwatch.contracts.warning.Warning;
import dustwatch.disposal.StackForTests;
import dustwatch.disposal.feedback.Cause;
import dustwatch.disposal.warning.ReviewMode;
import dustwatch.disposal.warning.WarningService;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dustwatch.disposal.warning.Fixtures.LICHENG_DUTY;
import static dustwatch.disposal.warning.Fixtures.PLANT_USER;
import static dustwatch.disposal.warning.Fixtures.plantWarning;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The escalation ladder with a hand-moved clock on a real PostgreSQL and broker: every rung fires exactly once,
 * also when the service is stopped and started again mid-ladder and when four runs race; a warning cleared one
 * second before its deadline never escalates; a working-day deadline skips the weekend.
 */
class EscalationIT {
    /** Monday 2026-03-02 09:00 China time. */
    static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");
    static StackForTests stack;

    @BeforeAll
    static void stack() throws Exception {
        stack = new StackForTests(T0);
    }

    @AfterAll
    static void stop() throws Exception {
        stack.close();
    }

    @Test
    void eachRungFiresOnceAlsoAcrossARestartAndRacingRuns() throws Exception {
        stack.clock.set(T0);
        Warning red = plantWarning(Colour.RED, T0, null);
        ConfigurableApplicationContext first = stack.start();
        try {
            first.getBean(WarningService.class).receive(red);
            EscalationLadder ladder = first.getBean(EscalationLadder.class);

            at(T0.plus(Duration.ofMinutes(15)));          // exactly at the sign-in deadline: fires (deadline passed)
            assertThat(ladder.runOnce()).isEqualTo(1);
            assertThat(ladder.runOnce()).isZero();
            at(T0.plus(Duration.ofMinutes(61)));
            assertThat(racingRuns(ladder)).isEqualTo(1);  // feedback overdue, four runs race for it
        } finally {
            first.close();
        }

        ConfigurableApplicationContext second = stack.start();   // the restart, mid-ladder
        try {
            EscalationLadder ladder = second.getBean(EscalationLadder.class);
            assertThat(ladder.runOnce()).isZero();                 // nothing repeated
            at(T0.plus(Duration.ofHours(24)).plusSeconds(1));
            assertThat(racingRuns(ladder)).isEqualTo(1);           // clear overdue → on-site supervision; verify moot (no feedback to review)
            at(T0.plus(Duration.ofHours(48)).plusSeconds(1));
            assertThat(ladder.runOnce()).isEqualTo(1);             // enforcement list
            at(Instant.parse("2026-03-31T15:59:59Z"));             // 23:59:59 China time on 31 March
            assertThat(ladder.runOnce()).isZero();
            at(Instant.parse("2026-03-31T16:00:00Z"));             // 1 April 00:00 China time: the circular
            assertThat(ladder.runOnce()).isEqualTo(1);
            at(Instant.parse("2027-01-01T00:00:00Z"));
            assertThat(ladder.runOnce()).isZero();

            JdbcClient jdbc = second.getBean(JdbcClient.class);
            List<String> actions = jdbc.sql("SELECT action FROM disposal.timeline_event WHERE warning_id = ? ORDER BY seq")
                    .param(red.warningId()).query(String.class).list();
            assertThat(actions).containsExactly("ISSUE", "SUPERVISION_NOTICE", "SUPERVISION_NOTICE",
                    "ONSITE_SUPERVISION", "ENFORCEMENT_LISTED", "CIRCULAR_LISTED");
            Map<String, String> outcome = new java.util.TreeMap<>();
            jdbc.sql("SELECT rule, state FROM disposal.escalation_timer WHERE warning_id = ?").param(red.warningId())
                    .query((rs, n) -> outcome.put(rs.getString(1), rs.getString(2))).list();
            assertThat(outcome).containsExactlyInAnyOrderEntriesOf(Map.of("SIGN_IN_OVERDUE", "FIRED",
                    "FEEDBACK_OVERDUE", "FIRED", "VERIFY_OVERDUE", "MOOT", "CLEAR_OVERDUE", "FIRED",
                    "ENFORCEMENT", "FIRED", "CIRCULAR", "FIRED"));

            List<DisposalEvent> published = consume(red.warningId(), 6);
            assertThat(published).extracting(DisposalEvent::action).containsExactlyInAnyOrder("ISSUE",
                    "SUPERVISION_NOTICE", "SUPERVISION_NOTICE", "ONSITE_SUPERVISION",
                    "ENFORCEMENT_LISTED", "CIRCULAR_LISTED");
            assertThat(published).filteredOn(e -> e.action().equals("ONSITE_SUPERVISION")).singleElement()
                    .satisfies(e -> assertThat(e.targetTier()).isEqualTo(Tier.CITY));      // RED verified by DISTRICT
            assertThat(published).filteredOn(e -> e.action().equals("CIRCULAR_LISTED")).singleElement()
                    .satisfies(e -> assertThat(e.targetTier()).isEqualTo(Tier.CITY));
        } finally {
            second.close();
        }
    }

    @Test
    void aWarningClearedOneSecondBeforeItsDeadlineNeverEscalates() {
        Instant t = T0.plus(Duration.ofDays(3));
        stack.clock.set(t);
        Warning red = plantWarning(Colour.RED, t, null);
        Warning leftAlone = plantWarning(Colour.RED, t, null);
        // yellow counts working days here: issued Friday 6 March 17:00 China time
        Warning weekendYellow = plantWarning(Colour.YELLOW, Instant.parse("2026-03-06T09:00:00Z"), null);
        ConfigurableApplicationContext context = stack.start("dustwatch.disposal.time-limits.YELLOW.calendar=WORKING_DAYS");
        try {
            WarningService warnings = context.getBean(WarningService.class);
            EscalationLadder ladder = context.getBean(EscalationLadder.class);
            warnings.receive(red);
            warnings.receive(leftAlone);
            warnings.receive(weekendYellow);
            at(t.plus(Duration.ofMinutes(15)).minusSeconds(1));
            warnings.signIn(PLANT_USER, red.warningId());
            at(t.plus(Duration.ofHours(1)).minusSeconds(1));
            warnings.submitFeedback(PLANT_USER, red.warningId(), Cause.REAL_HAZARD, "停机清灰", List.of());
            at(t.plus(Duration.ofHours(24)).minusSeconds(1));
            warnings.clear(LICHENG_DUTY, red.warningId(), "现场核查", ReviewMode.ON_SITE);
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            for (Duration d : List.of(Duration.ofHours(24), Duration.ofHours(49))) {
                at(t.plus(d));
                ladder.runOnce();
            }
            // Tuesday 10 March 09:00: 72 h on the continuous calendar passed on Monday 17:00, 72 working hours not
            // (Fri 7 h + Mon 24 h + Tue 24 h + Wed 17 h → Wednesday 11 March 17:00): no on-site supervision yet
            at(Instant.parse("2026-03-10T01:00:00Z"));
            ladder.runOnce();
            assertThat(timerStates(jdbc, weekendYellow.warningId())).containsEntry("SIGN_IN_OVERDUE", "FIRED")
                    .containsEntry("CLEAR_OVERDUE", "PENDING");
            assertThat(jdbc.sql("SELECT due_at FROM disposal.escalation_timer WHERE warning_id = ? AND rule = 'CLEAR_OVERDUE'")
                    .param(weekendYellow.warningId()).query(java.time.OffsetDateTime.class).single().toInstant())
                    .isEqualTo(Instant.parse("2026-03-11T09:00:00Z"));
            at(Instant.parse("2026-03-11T09:00:01Z"));
            ladder.runOnce();
            assertThat(timerStates(jdbc, weekendYellow.warningId())).containsEntry("CLEAR_OVERDUE", "FIRED");
            at(t.plus(Duration.ofDays(60)));
            ladder.runOnce();
            assertThat(jdbc.sql("SELECT action FROM disposal.timeline_event WHERE warning_id = ? ORDER BY seq")
                    .param(red.warningId()).query(String.class).list())
                    .containsExactly("ISSUE", "SIGN_IN", "FEEDBACK", "CLEAR");
            assertThat(jdbc.sql("SELECT DISTINCT state FROM disposal.escalation_timer WHERE warning_id = ?")
                    .param(red.warningId()).query(String.class).list()).containsExactly("MOOT");
            assertThat(jdbc.sql("SELECT count(*) FROM disposal.escalation_timer WHERE warning_id = ? AND state = 'FIRED'")
                    .param(leftAlone.warningId()).query(Integer.class).single()).isEqualTo(5);
        } finally {
            context.close();
        }
    }

    static Map<String, String> timerStates(JdbcClient jdbc, String warningId) {
        Map<String, String> states = new java.util.TreeMap<>();
        jdbc.sql("SELECT rule, state FROM disposal.escalation_timer WHERE warning_id = ?").param(warningId)
                .query((rs, n) -> states.put(rs.getString(1), rs.getString(2))).list();
        return states;
    }

    static void at(Instant instant) {
        stack.clock.set(instant);
    }

    static int racingRuns(EscalationLadder ladder) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(pool.submit((Callable<Integer>) ladder::runOnce));
            }
            int fired = 0;
            for (Future<Integer> run : runs) {
                fired += run.get();
            }
            return fired;
        } finally {
            pool.shutdown();
        }
    }

    static List<DisposalEvent> consume(String warningId, int expected) {
        Map<String, DisposalEvent> byId = new java.util.LinkedHashMap<>();
        try (KafkaConsumer<String, DisposalEvent> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.broker.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "escalation-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                Topics.DISPOSAL_EVENTS.keySerde().deserializer(), Topics.DISPOSAL_EVENTS.valueSerde().deserializer())) {
            consumer.subscribe(List.of(Topics.DISPOSAL_EVENTS.name()));
            Instant until = Instant.now().plusSeconds(30);
            while (Instant.now().isBefore(until) && byId.size() < expected) {
                for (ConsumerRecord<String, DisposalEvent> r : consumer.poll(Duration.ofMillis(500))) {
                    if (warningId.equals(r.value().warningId())) {
                        byId.put(r.value().eventId(), r.value());
                    }
                }
            }
        }
        return new ArrayList<>(byId.values());
    }
}
