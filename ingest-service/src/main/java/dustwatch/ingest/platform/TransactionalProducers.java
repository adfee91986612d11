package dustwatch.ingest.platform;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.DisposableBean;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A pool of transactional Kafka producers ({@code acks=all}, idempotent), one per concurrent request. Each has a
 * {@code transactional.id} of {@code <prefix><n>}; a producer that failed is closed and its id returned to the pool,
 * so that the next producer with that id ({@code initTransactions}) fences it and aborts whatever transaction it
 * left open, without waiting for {@code transaction.timeout.ms}. The prefix must be unique per running instance.
 */
public class TransactionalProducers implements DisposableBean {
    private final Map<String, Object> config;
    private final String prefix;
    private final ConcurrentLinkedDeque<Producer<String, byte[]>> idle = new ConcurrentLinkedDeque<>();
    private final ConcurrentLinkedDeque<String> freeIds = new ConcurrentLinkedDeque<>();
    private final AtomicInteger nextId = new AtomicInteger();
    private final Map<Producer<String, byte[]>, String> ids = new ConcurrentHashMap<>();

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
        Map<String, Object> props = new HashMap<>(config);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, id);
        KafkaProducer<String, byte[]> created = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        try {
            created.initTransactions();
        } catch (RuntimeException e) {
            created.close(Duration.ZERO);
            freeIds.addFirst(id);
            throw e;
        }
        ids.put(created, id);
        return new Lease(created, id);
    }

    private String idOf(Producer<String, byte[]> producer) {
        return ids.get(producer);
    }

    @Override
    public void destroy() {
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

        /** Back to the pool when {@code healthy}; otherwise closed, and its id reused by the next new producer. */
        public void release(boolean healthy) {
            if (healthy) {
                idle.addFirst(producer);
                return;
            }
            ids.remove(producer);
            try {
                producer.close(Duration.ZERO);
            } finally {
                freeIds.addFirst(id);
            }
        }
    }
}
