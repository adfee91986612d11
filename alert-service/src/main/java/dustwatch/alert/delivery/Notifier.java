package dustwatch.alert.delivery;

import dustwatch.alert.maintenance.NoiseControl;
import dustwatch.alert.roster.Contact;
import dustwatch.alert.roster.DutyRosters;
import dustwatch.alert.roster.OnDuty;
import dustwatch.alert.routing.EventKind;
import dustwatch.alert.routing.KnownWarning;
import dustwatch.alert.routing.KnownWarnings;
import dustwatch.alert.routing.Recipient;
import dustwatch.alert.routing.Routing;
import dustwatch.alert.routing.RoutingRules;
import dustwatch.contracts.region.Tier;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tells people (预警通知): routes an announcement to units (routing table), finds who is on duty (rosters), opens one
 * delivery per (subject, step, person) — a repeat is dropped — and sends each through the colour's chain of channels
 * off the caller's thread: a channel that fails (retries exhausted, breaker open, bulkhead full) or cannot reach the
 * person moves on to the next; a console message unread past the colour's limit too ({@link UnreadSweep}, from the
 * delivery table, so across restarts). Held (maintenance window, enterprise offline, superseded) deliveries are
 * recorded, not sent.
 */
@Service
public class Notifier implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final RoutingRules routing;
    private final KnownWarnings warnings;
    private final DutyRosters rosters;
    private final NoiseControl noise;
    private final DeliveryLog log;
    private final ChannelResilience resilience;
    private final NotifyProperties properties;
    private final Clock clock;
    private final Map<ChannelName, Channel> channels = new EnumMap<>(ChannelName.class);
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicInteger inFlight = new AtomicInteger();

    public Notifier(RoutingRules routing, KnownWarnings warnings, DutyRosters rosters, NoiseControl noise,
                    DeliveryLog log, ChannelResilience resilience, NotifyProperties properties, Clock clock,
                    List<Channel> channels) {
        this.routing = routing;
        this.warnings = warnings;
        this.rosters = rosters;
        this.noise = noise;
        this.log = log;
        this.resilience = resilience;
        this.properties = properties;
        this.clock = clock;
        channels.forEach(channel -> this.channels.put(channel.name(), channel));
    }

    /** Routes the announcement by the routing table and tells the units' staff on duty. */
    public Routing announce(Announcement a) {
        Routing routed = routing.route(a.kind(), a.colour(), a.uscc(), a.regionCode(), a.targetTier());
        tell(a, routed.recipients());
        return routed;
    }

    /**
     * Tells the given units' staff on duty.
     *
     * @return deliveries opened (repeats not counted)
     */
    public int tell(Announcement a, List<Recipient> recipients) {
        Instant now = clock.instant();
        Optional<DeliveryStatus> held = held(a, now);
        int opened = 0;
        for (Recipient unit : recipients) {
            OnDuty duty = rosters.onDuty(unit.unitCode(), now);
            if (duty.gap()) {
                rosters.gap(unit.unitCode(), a.subjectId(), a.step(), now);
                if (held.isEmpty()) {
                    opened += gapNotice(a, unit, duty);
                }
            }
            for (Contact person : duty.contacts()) {
                String why = unit.why() + (duty.gap() ? " (roster gap: default contact)" : "");
                String title = title(a);
                String text = text(a, duty, person);
                Optional<Long> id = log.open(new DeliveryLog.New(a.subjectId(), a.step(),
                        unit.unitCode() + "/" + person.staffId(), a.kind(), a.colour(), unit.tier(), unit.unitCode(),
                        person.name(), person.phone(), person.email(), held.orElse(DeliveryStatus.SENDING), why,
                        a.uscc(), a.regionCode(), title, text));
                if (id.isEmpty()) {
                    continue;
                }
                opened++;
                if (held.isEmpty()) {
                    Message message = new Message(id.get(), a.subjectId(), a.step(), unit.tier(), unit.unitCode(),
                            person, duty.webhook(), a.warning(), title, text);
                    submit(message, a.colour(), 0);
                }
            }
        }
        if (held.isPresent()) {
            LOG.info("{} {} of {} recorded, not sent: {}", a.step(), a.subjectId(), a.uscc(), held.get());
        }
        return opened;
    }

    /**
     * The roster-gap notice (值班空档提醒) to a unit that has a roster but nobody on duty: a console message in the
     * unit's delivery log (step {@code ROSTER_GAP/<step>}), besides the message itself going to its default contact.
     * A unit without any roster (most enterprises) gets none: it has nobody to tell.
     */
    private int gapNotice(Announcement a, Recipient unit, OnDuty duty) {
        if (rosters.find(unit.unitCode()).isEmpty()) {
            return 0;
        }
        Contact fallback = duty.contacts().getFirst();
        Optional<Long> id = log.open(new DeliveryLog.New(a.subjectId(), "ROSTER_GAP/" + a.step(),
                unit.unitCode() + "/roster-gap", a.kind(), a.colour(), unit.tier(), unit.unitCode(), fallback.name(),
                null, null, DeliveryStatus.SENT, "nobody of " + duty.unitName() + " on duty: the default contact was told",
                a.uscc(), a.regionCode(), null, null));
        id.ifPresent(notice -> log.attempt(notice, ChannelName.CONSOLE, AttemptOutcome.SENT, Receipt.CONSOLE_QUEUED,
                "值班空档: " + duty.unitName() + " 无人值班, 已通知默认联系人 " + fallback.name()));
        return id.isPresent() ? 1 : 0;
    }

    /** Messages being sent now (tests wait for 0). */
    public int inFlight() {
        return inFlight.get();
    }

    private Optional<DeliveryStatus> held(Announcement a, Instant now) {
        if (a.kind() == EventKind.WARNING) {
            Optional<KnownWarning> known = warnings.find(a.subjectId());
            if (known.isPresent() && known.get().supersededBy() != null) {
                return Optional.of(DeliveryStatus.HELD_SUPERSEDED);
            }
        }
        return noise.holds(a.uscc(), now).map(hold -> switch (hold) {
            case MAINTENANCE -> DeliveryStatus.HELD_MAINTENANCE;
            case OFFLINE -> a.kind() == EventKind.WARNING ? DeliveryStatus.HELD_OFFLINE : null;
        });
    }

    /** Sends a message again from position {@code from} of its colour's chain (the unread sweep resumes one). */
    void resume(Message message, String colour, int from) {
        submit(message, colour, from);
    }

    private void submit(Message message, String colour, int from) {
        inFlight.incrementAndGet();
        senders.execute(() -> {
            try {
                send(message, colour, from);
            } catch (RuntimeException e) {
                LOG.error("delivery {} failed unexpectedly", message.deliveryId(), e);
            } finally {
                inFlight.decrementAndGet();
            }
        });
    }

    /** Tries the chain from position {@code from}; stops at the first channel that takes the message. */
    private void send(Message message, String colour, int from) {
        List<ChannelName> chain = properties.chainFor(colour);
        for (int i = from; i < chain.size(); i++) {
            if (stopped(message)) {
                return;
            }
            ChannelName name = chain.get(i);
            Channel channel = channels.get(name);
            if (channel == null || !channel.canReach(message)) {
                log.attempt(message.deliveryId(), name, AttemptOutcome.UNREACHABLE, null,
                        channel == null ? "channel not configured" : "no address on this channel");
                continue;
            }
            try {
                Receipt receipt = resilience.call(name, () -> {
                    try {
                        return channel.send(message);
                    } catch (Exception failed) {
                        log.attempt(message.deliveryId(), name, AttemptOutcome.FAILED, null, describe(failed));
                        throw failed;
                    }
                });
                log.attempt(message.deliveryId(), name, AttemptOutcome.SENT, receipt, null);
                if (name == ChannelName.CONSOLE && i + 1 < chain.size()) {
                    log.sentOnConsole(message.deliveryId(), i); // unread past the colour's limit: UnreadSweep
                } else {
                    log.status(message.deliveryId(), DeliveryStatus.SENT, i);
                }
                return;
            } catch (CallNotPermittedException open) {
                log.attempt(message.deliveryId(), name, AttemptOutcome.BREAKER_OPEN, null, open.getMessage());
            } catch (BulkheadFullException full) {
                log.attempt(message.deliveryId(), name, AttemptOutcome.BULKHEAD_FULL, null, full.getMessage());
            } catch (Exception exhausted) {
                LOG.info("delivery {} on {} failed after retries: {}", message.deliveryId(), name, describe(exhausted));
            }
        }
        log.status(message.deliveryId(), DeliveryStatus.FAILED, chain.size());
        LOG.warn("delivery {} ({} {} to {}) failed on every channel", message.deliveryId(), message.step(),
                message.subjectId(), message.contact().name());
    }

    /** A reminder whose warning was signed in meanwhile is not pursued. */
    private boolean stopped(Message message) {
        if (!message.step().startsWith(Reminders.STEP_PREFIX)) {
            return false;
        }
        boolean signedIn = warnings.find(message.subjectId()).map(w -> !w.awaitingSignIn()).orElse(false);
        if (signedIn) {
            log.status(message.deliveryId(), DeliveryStatus.STOPPED, 0);
        }
        return signedIn;
    }

    private static String describe(Exception e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private String title(Announcement a) {
        String what = switch (a.kind()) {
            case WARNING -> a.step().startsWith(Reminders.STEP_PREFIX) ? "预警催办" : "预警";
            case ESCALATION -> "升级督办 " + a.step();
            case ALARM_OVERDUE -> "报警处置超时";
        };
        return "【" + colourName(a.colour()) + what + "】" + (a.enterpriseName() == null ? a.uscc() : a.enterpriseName());
    }

    private String text(Announcement a, OnDuty duty, Contact person) {
        return title(a) + "\n" + (a.summary() == null ? "" : a.summary() + "\n")
                + "企业: " + a.uscc() + " (" + a.regionCode() + ")\n"
                + "编号: " + a.subjectId() + " / " + a.step() + "\n"
                + "收件: " + duty.unitName() + " " + person.name() + "\n"
                + "时间: " + TIME.format(clock.instant().atZone(properties.zone())) + " (北京时间)";
    }

    private static String colourName(String colour) {
        return switch (colour) {
            case "RED" -> "红色";
            case "ORANGE" -> "橙色";
            case "YELLOW" -> "黄色";
            case "BLUE" -> "蓝色";
            default -> "";
        };
    }

    @Override
    public void close() {
        senders.shutdown();
    }

    /** The tier of an escalation target, for callers that have its name. */
    static Tier tier(String name) {
        return name == null ? null : Tier.valueOf(name);
    }
}
