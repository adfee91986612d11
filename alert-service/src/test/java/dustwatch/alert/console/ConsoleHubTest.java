package dustwatch.alert.console;

import dustwatch.alert.routing.RoutedWarning;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static dustwatch.alert.Fixtures.HUANGSHI;
import static dustwatch.alert.Fixtures.LICHENG;
import static dustwatch.alert.Fixtures.XINDU;
import static dustwatch.alert.Fixtures.huangshiWarning;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The console hub with stand-in streams: per-console queues, overflow, replay, keep-alive, the client limit. */
class ConsoleHubTest {
    private static final RoutingTable LICHENG_PLAN = new RoutingTable(Map.of(
            Colour.YELLOW, List.of(Tier.ENTERPRISE, Tier.TOWN, Tier.DISTRICT),
            Colour.RED, List.of(Tier.ENTERPRISE, Tier.TOWN, Tier.DISTRICT, Tier.CITY, Tier.PROVINCE)), "test-1");

    private final CountDownLatch neverReads = new CountDownLatch(1);
    private ConsoleHub hub;

    @AfterEach
    void stop() {
        neverReads.countDown();
        hub.close();
    }

    private ConsoleHub hub(int queueCapacity, Duration heartbeat, int maxClients) {
        hub = new ConsoleHub(new ConsoleProperties(queueCapacity, heartbeat, Duration.ofHours(1), 100, maxClients,
                Duration.ofSeconds(30)), Clock.systemUTC(),
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
        hub.connect(regulator("licheng-duty", LICHENG), stalled);
        hub.connect(regulator("licheng-deputy", LICHENG), reading);
        assertThat(reading.next()).startsWith("event:ready");

        long started = System.nanoTime();
        for (int i = 1; i <= 5; i++) {
            hub.deliver(yellow("w-stall-" + i));
            assertThat(reading.next()).contains("id:w-stall-" + i).contains("\"replay\":false");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        // ready is stuck in the stalled sender, four warnings filled its queue, the fifth overflowed it.
        assertThat(hub.connected()).isEqualTo(1);
        hub.deliver(yellow("w-stall-6"));
        assertThat(reading.next()).contains("id:w-stall-6");
        // Its stream is ended once the stuck write gives up (the console reads again, or the socket times out).
        neverReads.countDown();
        assertThat(stalled.completed.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aConsoleConnectingLaterIsReplayedWhatReachesItOnly() throws Exception {
        hub(16, Duration.ofHours(1), 10);
        hub.deliver(yellow("w-before"));
        hub.deliver(yellow("w-before")); // a redelivery is kept once

        StandInStream licheng = new StandInStream(null);
        StandInStream xindu = new StandInStream(null);
        hub.connect(regulator("licheng-duty", LICHENG), licheng);
        hub.connect(regulator("xindu-duty", XINDU), xindu);

        assertThat(licheng.next()).startsWith("event:ready").contains("\"tier\":\"DISTRICT\"");
        String replayed = licheng.next();
        assertThat(replayed).contains("id:w-before").contains("\"replay\":true")
                .contains("\"routedTiers\":[\"ENTERPRISE\",\"TOWN\",\"DISTRICT\"]");
        assertThat(xindu.next()).startsWith("event:ready").contains("\"region\":\"" + XINDU + "\"");

        hub.deliver(yellow("w-before"));
        hub.deliver(yellow("w-after"));
        assertThat(licheng.next()).contains("id:w-after").contains("\"replay\":false");
        assertThat(xindu.sent.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void idleConsolesGetAKeepAliveComment() throws Exception {
        hub(16, Duration.ofMillis(100), 10);
        StandInStream huangshi = new StandInStream(null);
        hub.connect(regulator("huangshi-duty", HUANGSHI), huangshi);
        assertThat(huangshi.next()).startsWith("event:ready");
        assertThat(huangshi.next()).isEqualTo(":keep-alive\n\n");
    }

    @Test
    void oneConsoleTooManyIsA503WithRetryAfter() {
        hub(16, Duration.ofHours(1), 1);
        hub.connect(regulator("licheng-duty", LICHENG), new StandInStream(null));
        assertThatThrownBy(() -> hub.connect(regulator("xindu-duty", XINDU), new StandInStream(null)))
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
