package dustwatch.ingest.platform;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A pool of transactional Kafka producers ({@code acks=all}, idempotent), one per concurrent request. Each has a
 * {@code transactional.id} of {@code <prefix><n>}. A producer that failed is closed and at once replaced in the
 * background by a new producer with its id, tried every second until the broker answers: its
 * {@code initTransactions} fences the old one and aborts whatever transaction it left open (one whose abort could not
 * reach a paused broker). Until then that transaction holds back the last stable offset of its partitions, so every
 * {@code read_committed} consumer (the risk engine, the readings sink) would wait up to
 * {@code transaction.timeout.ms} for all records behind it; the chaos suite saw 2,060 acknowledged events held so.
 * The prefix must be unique per running instance.
 */
public class TransactionalProducers implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(TransactionalProducers.class);
    private final Map<String, Object> config;
    private final String prefix;
    private final ConcurrentLinkedDeque<Producer<String, byte[]>> idle = new ConcurrentLinkedDeque<>();
    private final ConcurrentLinkedDeque<String> freeIds = new ConcurrentLinkedDeque<>();
    private final AtomicInteger nextId = new AtomicInteger();
    private final Map<Producer<String, byte[]>, String> ids = new ConcurrentHashMap<>();
    private final ScheduledExecutorService fencer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kafka-transaction-fencer");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closed;

    /**
     * @param config producer configuration (bootstrap servers, timeouts); idempotence, acks and the transactional id
     *               are set here
     * @param prefix the {@code transactional.id} prefix of this instance
     */
    public TransactionalProducers(Map<String, Object> config, String prefix) {
        this.config = new HashMap<>(config);
        this.config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        this.config.put(ProducerConfig.ACKS_CONFIG, "all");
        this.prefix = prefix;
    }

    /** An idle producer, or a new one with a free transactional id (initTransactions blocks up to max.block.ms). */
    public Lease acquire() {
        Producer<String, byte[]> producer = idle.pollFirst();
        if (producer != null) {
            return new Lease(producer, idOf(producer));
        }
        String id = freeIds.pollFirst();
        if (id == null) {
            id = prefix + nextId.getAndIncrement();
        }
        try {
            Producer<String, byte[]> created = create(id);
            return new Lease(created, id);
        } catch (RuntimeException e) {
            freeIds.addFirst(id);
            throw e;
        }
    }

    /** A producer with {@code id}, its transactions initialised (which fences any older producer of that id). */
    private Producer<String, byte[]> create(String id) {
        Map<String, Object> props = new HashMap<>(config);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, id);
        KafkaProducer<String, byte[]> created = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        try {
            created.initTransactions();
        } catch (RuntimeException e) {
            created.close(Duration.ZERO);
            throw e;
        }
        ids.put(created, id);
        return created;
    }

    /** Replaces the failed producer of {@code id} by a new one, tried every second until it is in the pool. */
    private void fence(String id) {
        if (closed) {
            freeIds.addFirst(id);
            return;
        }
        try {
            idle.addLast(create(id));
            if (closed) {
                destroy();
            }
        } catch (RuntimeException e) {
            log.debug("transactional id {} not fenced yet ({}); trying again in 1 s", id, e.toString());
            try {
                fencer.schedule(() -> fence(id), 1, TimeUnit.SECONDS);
            } catch (RejectedExecutionException shutDown) {
                freeIds.addFirst(id);
            }
        }
    }

    private String idOf(Producer<String, byte[]> producer) {
        return ids.get(producer);
    }

    @Override
    public void destroy() {
        closed = true;
        fencer.shutdownNow();
        Producer<String, byte[]> p;
        while ((p = idle.pollFirst()) != null) {
            p.close(Duration.ofSeconds(2));
        }
    }

    /** A producer lent to one request; {@link #release} it exactly once. */
    public final class Lease {
        private final Producer<String, byte[]> producer;
        private final String id;

        Lease(Producer<String, byte[]> producer, String id) {
            this.producer = producer;
            this.id = id;
        }

        public Producer<String, byte[]> producer() {
            return producer;
        }

        /** Back to the pool when {@code healthy}; otherwise closed, and replaced by a new producer of its id. */
        public void release(boolean healthy) {
            if (healthy) {
                idle.addFirst(producer);
                return;
            }
            ids.remove(producer);
            try {
                producer.close(Duration.ZERO);
            } finally {
                try {
                    fencer.execute(() -> fence(id));
                } catch (RejectedExecutionException shutDown) {
                    freeIds.addFirst(id);
                }
            }
        }
    }
}
