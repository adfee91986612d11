package dustwatch.alert.console;

import dustwatch.alert.routing.Audience;
import dustwatch.alert.routing.RoutedWarning;
import dustwatch.contracts.disposal.DisposalActions;
import dustwatch.contracts.disposal.DisposalEvent;
import dustwatch.contracts.disposal.WarningState;
import dustwatch.contracts.warning.Warning;
import dustwatch.alert.routing.RoutingTable;
import dustwatch.contracts.region.RegionCode;
import dustwatch.contracts.region.Tier;
import dustwatch.contracts.risk.Colour;
import dustwatch.contracts.scope.Actor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static dustwatch.alert.Fixtures.HUANGSHI;
import static dustwatch.alert.Fixtures.HUANGSHI_FURNITURE;
import static dustwatch.alert.Fixtures.XINDU_POLISHING;
import static dustwatch.alert.Fixtures.LICHENG;
import static dustwatch.alert.Fixtures.XINDU;
import static dustwatch.alert.Fixtures.huangshiWarning;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The console hub with stand-in streams and an in-memory log: per-console queues, overflow, replay by Last-Event-ID, initial state, token expiry, keep-alive, the client limit. */
class ConsoleHubTest {
    private static final RoutingTable LICHENG_PLAN = new RoutingTable(Map.of(
            Colour.YELLOW, List.of(Tier.ENTERPRISE, Tier.TOWN, Tier.DISTRICT),
            Colour.RED, List.of(Tier.ENTERPRISE, Tier.TOWN, Tier.DISTRICT, Tier.CITY, Tier.PROVINCE)), "test-1");

    private final CountDownLatch neverReads = new CountDownLatch(1);
    private final MemoryConsoleLog log = new MemoryConsoleLog();
    private Clock clock = Clock.systemUTC();
    private ConsoleHub hub;

    @AfterEach
    void stop() {
        neverReads.countDown();
        hub.close();
    }

    private ConsoleHub hub(int queueCapacity, Duration heartbeat, int maxClients) {
        hub = new ConsoleHub(new ConsoleProperties(queueCapacity, heartbeat, queueCapacity - 2, maxClients,
                Duration.ofSeconds(30), "test-console"), log, clock,
                tools.jackson.databind.json.JsonMapper.builder()
                        .addModule(dustwatch.support.time.PlatformTimes.module(java.time.ZoneId.of("Asia/Shanghai"))).build());
        return hub;
    }

    private static Actor regulator(String name, String region) {
        return new Actor(name, Actor.Kind.REGULATOR, RegionCode.of(region), null);
    }

    private static RoutedWarning yellow(String id) {
        return LICHENG_PLAN.route(huangshiWarning(id, Colour.YELLOW));
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aStalledConsoleDelaysNobodyAndIsDisconnectedWhenItsQueueOverflows() throws Exception {
        hub(4, Duration.ofHours(1), 10);
        StandInStream stalled = new StandInStream(neverReads);
        StandInStream reading = new StandInStream(null);
        hub.connect(regulator("licheng-duty", LICHENG), null, null, stalled);
        hub.connect(regulator("licheng-deputy", LICHENG), null, null, reading);
        assertThat(reading.next()).startsWith("event:ready");
        assertThat(reading.next()).startsWith("event:synced");

        long started = System.nanoTime();
        for (int i = 1; i <= 5; i++) {
            hub.deliver(yellow("w-stall-" + i));
            assertThat(reading.next()).contains("\"warningId\":\"w-stall-" + i + "\"").contains("\"replay\":false");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        // ready is stuck in the stalled sender, synced and three warnings filled its queue, the fourth overflowed it.
        assertThat(hub.connected()).isEqualTo(1);
        hub.deliver(yellow("w-stall-6"));
        assertThat(reading.next()).contains("\"warningId\":\"w-stall-6\"");
        // Its stream is ended once the stuck write gives up (the console reads again, or the socket times out).
        neverReads.countDown();
        assertThat(stalled.completed.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aConsoleWithoutLastEventIdGetsTheOpenWarningsOfItsScopeOnly() throws Exception {
        hub(16, Duration.ofHours(1), 10);
        hub.deliver(yellow("w-before"));
        hub.deliver(yellow("w-before")); // a redelivery is kept once
        hub.deliver(yellow("w-cleared"));
        hub.announce(step("e-clear", "w-cleared", DisposalActions.CLEAR, WarningState.FEEDBACK_SUBMITTED, WarningState.CLEARED), huangshiAudiences());

        StandInStream licheng = new StandInStream(null);
        StandInStream xindu = new StandInStream(null);
        hub.connect(regulator("licheng-duty", LICHENG), null, null, licheng);
        hub.connect(regulator("xindu-duty", XINDU), null, null, xindu);

        assertThat(licheng.next()).startsWith("event:ready").contains("\"tier\":\"DISTRICT\"")
                .contains("\"heartbeatSeconds\":3600");
        String open = licheng.next();
        assertThat(open).startsWith("event:warning").contains("\"warningId\":\"w-before\"").contains("\"replay\":true")
                .contains("\"state\":\"ISSUED\"").contains("\"routedTiers\":[\"ENTERPRISE\",\"TOWN\",\"DISTRICT\"]")
                .doesNotContain("\nid:");
        assertThat(licheng.next()).as("the cleared warning is not shown").startsWith("event:synced")
                .contains("id:3").contains("\"mode\":\"snapshot\"").contains("\"sent\":1");
        assertThat(xindu.next()).startsWith("event:ready").contains("\"region\":\"" + XINDU + "\"");
        assertThat(xindu.next()).startsWith("event:synced").contains("\"sent\":0");

        hub.deliver(yellow("w-before"));
        hub.deliver(yellow("w-after"));
        assertThat(licheng.next()).contains("\"warningId\":\"w-after\"").contains("id:4").contains("\"replay\":false");
        assertThat(xindu.sent.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void aConsoleReconnectingWithLastEventIdGetsExactlyWhatItMissedWithTheCurrentState() throws Exception {
        hub(16, Duration.ofHours(1), 10);
        hub.deliver(yellow("w-seen"));                                   // 1, seen before the disconnect
        hub.deliver(yellow("w-missed-1"));                               // 2
        hub.deliver(LICHENG_PLAN.route(xinduWarning("w-xindu")));        // 3, not Huangshi's: not for huangshi-duty
        hub.deliver(yellow("w-missed-2"));                               // 4
        hub.announce(step("e-sign", "w-missed-1", DisposalActions.SIGN_IN, WarningState.ISSUED, WarningState.SIGNED_IN), huangshiAudiences()); // 5
        hub.announce(step("e-sign", "w-missed-1", DisposalActions.SIGN_IN, WarningState.ISSUED, WarningState.SIGNED_IN), huangshiAudiences()); // redelivered: not logged
        hub.announce(step("e-clear", "w-missed-1", DisposalActions.CLEAR, WarningState.FEEDBACK_SUBMITTED, WarningState.CLEARED), huangshiAudiences()); // 6
        hub.announce(step("e-issue", "w-missed-2", DisposalActions.ISSUE, null, WarningState.ISSUED), huangshiAudiences()); // ignored
        DisposalEvent notice = new DisposalEvent("e-notice", "w-missed-2", HUANGSHI_FURNITURE, HUANGSHI, Colour.YELLOW,
                DisposalActions.SUPERVISION_NOTICE, WarningState.ISSUED, WarningState.ISSUED, "system", "PLATFORM",
                "sign-in deadline passed", Instant.parse("2026-12-06T10:00:00Z"), null, Tier.DISTRICT);
        hub.announce(notice, huangshiAudiences());                        // 7

        StandInStream huangshi = new StandInStream(null);
        hub.connect(regulator("huangshi-duty", HUANGSHI), 1L, null, huangshi);
        assertThat(huangshi.next()).startsWith("event:ready");
        assertThat(huangshi.next()).startsWith("event:warning").contains("id:2").contains("\"warningId\":\"w-missed-1\"")
                .contains("\"state\":\"CLEARED\"").contains("\"replay\":true");
        assertThat(huangshi.next()).startsWith("event:warning").contains("id:4").contains("\"state\":\"ISSUED\"");
        assertThat(huangshi.next()).startsWith("event:state").contains("id:5").contains("\"action\":\"SIGN_IN\"")
                .contains("\"toState\":\"SIGNED_IN\"").contains("\"state\":\"CLEARED\"");
        assertThat(huangshi.next()).startsWith("event:state").contains("id:6").contains("\"action\":\"CLEAR\"");
        assertThat(huangshi.next()).startsWith("event:escalation").contains("id:7")
                .contains("\"action\":\"SUPERVISION_NOTICE\"").contains("\"targetTier\":\"DISTRICT\"")
                .contains("\"at\":\"2026-12-06T18:00:00+08:00\"");
        assertThat(huangshi.next()).startsWith("event:synced").contains("id:7").contains("\"mode\":\"replay\"")
                .contains("\"sent\":5");
        assertThat(huangshi.sent.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void aConsoleTooFarBehindGetsTheOpenWarningsInstead() throws Exception {
        hub(4, Duration.ofHours(1), 10); // replays at most 2 events
        for (int i = 1; i <= 3; i++) {
            hub.deliver(yellow("w-" + i));
        }
        StandInStream licheng = new StandInStream(null);
        hub.connect(regulator("licheng-duty", LICHENG), 0L, null, licheng);
        assertThat(licheng.next()).startsWith("event:ready");
        assertThat(licheng.next()).contains("\"warningId\":\"w-2\"").doesNotContain("\nid:");
        assertThat(licheng.next()).contains("\"warningId\":\"w-3\"");
        assertThat(licheng.next()).startsWith("event:synced").contains("\"mode\":\"snapshot\"").contains("id:3");
    }

    @Test
    void theStreamEndsWhenTheTokenExpires() throws Exception {
        hub(16, Duration.ofHours(1), 10);
        StandInStream licheng = new StandInStream(null);
        hub.connect(regulator("licheng-duty", LICHENG), null, Instant.now().plusMillis(300), licheng);
        assertThat(licheng.next()).startsWith("event:ready");
        assertThat(licheng.completed.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(hub.connected()).isZero();
    }

    private static List<Audience> huangshiAudiences() {
        return LICHENG_PLAN.route(huangshiWarning("any", Colour.YELLOW)).audiences();
    }

    private static Warning xinduWarning(String id) {
        return dustwatch.alert.Fixtures.warning(id, XINDU_POLISHING, "新度抛光", XINDU, Colour.YELLOW);
    }

    private static DisposalEvent step(String eventId, String warningId, String action, WarningState from, WarningState to) {
        return new DisposalEvent(eventId, warningId, HUANGSHI_FURNITURE, HUANGSHI, Colour.YELLOW, action, from, to,
                "huangshi-duty", "TOWN", null, Instant.now());
    }

    @Test
    void idleConsolesGetAKeepAlivePing() throws Exception {
        hub(16, Duration.ofMillis(100), 10);
        StandInStream huangshi = new StandInStream(null);
        hub.connect(regulator("huangshi-duty", HUANGSHI), null, null, huangshi);
        assertThat(huangshi.next()).startsWith("event:ready");
        assertThat(huangshi.next()).startsWith("event:synced");
        assertThat(huangshi.next()).isEqualTo("event:ping\ndata:{}\n\n");
    }

    @Test
    void oneConsoleTooManyIsA503WithRetryAfter() {
        hub(16, Duration.ofHours(1), 1);
        hub.connect(regulator("licheng-duty", LICHENG), null, null, new StandInStream(null));
        assertThatThrownBy(() -> hub.connect(regulator("xindu-duty", XINDU), null, null, new StandInStream(null)))
                .isInstanceOfSatisfying(ConsoleFullException.class, e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(503);
                    assertThat(e.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("30");
                });
    }

    /** An emitter that renders each event as SSE text, optionally blocking every send as a console that stopped reading. */
    private static final class StandInStream extends SseEmitter {
        final BlockingQueue<String> sent = new LinkedBlockingQueue<>();
        final CountDownLatch completed = new CountDownLatch(1);
        private final CountDownLatch blockUntil;

        StandInStream(CountDownLatch blockUntil) {
            super(0L);
            this.blockUntil = blockUntil;
        }

        /** Like ResponseBodyEmitter, sending and completing share one write lock. */
        @Override
        public void send(SseEventBuilder builder) throws IOException {
            writeLock.lock();
            try {
                awaitUninterruptibly(); // a socket write stuck on a full TCP window does not heed interrupts
                sent.add(builder.build().stream().map(d -> d.getData().toString()).collect(Collectors.joining()));
            } finally {
                writeLock.unlock();
            }
        }

        @Override
        public void complete() {
            writeLock.lock();
            try {
                completed.countDown();
            } finally {
                writeLock.unlock();
            }
        }

        private void awaitUninterruptibly() {
            boolean interrupted = false;
            while (blockUntil != null) {
                try {
                    blockUntil.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        String next() throws InterruptedException {
            String event = sent.poll(5, TimeUnit.SECONDS);
            assertThat(event).as("an event within 5 s").isNotNull();
            return event;
        }
    }
}
