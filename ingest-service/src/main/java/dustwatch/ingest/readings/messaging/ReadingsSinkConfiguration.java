package dustwatch.ingest.readings.messaging;

import dustwatch.contracts.reading.ReadingBatch;
import dustwatch.contracts.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.FixedBackOff;

import java.util.HashMap;
import java.util.Map;

/**
 * The listener container of the readings sink: read_committed, deserializers from {@link Topics#READINGS}
 * (a record that cannot be decoded is logged and skipped instead of blocking the partition), retries with
 * back-off: without end for transient database and broker failures, 5 times for anything else. A batch listener:
 * the sink stores a whole poll at once.
 */
@Configuration(proxyBeanMethods = false)
public class ReadingsSinkConfiguration {
    /** Bean name of the container factory. */
    public static final String FACTORY = "readingsSinkFactory";
    private static final Logger log = LoggerFactory.getLogger(ReadingsSinkConfiguration.class);

    @Bean(FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, ReadingBatch> readingsSinkFactory(KafkaProperties kafka) {
        Map<String, Object> props = new HashMap<>(kafka.buildConsumerProperties());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        DefaultKafkaConsumerFactory<String, ReadingBatch> consumers = new DefaultKafkaConsumerFactory<>(props,
                new ErrorHandlingDeserializer<>(Topics.READINGS.keySerde().deserializer()),
                new ErrorHandlingDeserializer<>(Topics.READINGS.valueSerde().deserializer()));
        ConcurrentKafkaListenerContainerFactory<String, ReadingBatch> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(consumers);
        factory.setCommonErrorHandler(errorHandler());
        // a poll is stored in one statement (ReadingsSink): row-by-row inserts were the sink's limit
        factory.setBatchListener(true);
        // dust.realtime is written in transactions: commit past the commit marker, so that the lag reads 0 when drained
        factory.getContainerProperties().setFixTxOffsets(true);
        return factory;
    }

    /**
     * A record whose storing failed for a transient reason (database or broker unavailable, a timeout) is retried
     * every 2 s until it succeeds: a paused PostgreSQL must not make the sink skip readings. Any other failure is
     * retried 5 times, then the record is logged and skipped. A failure outside a record (an offset commit or a
     * poll that timed out while the broker was paused) is logged and the loop carries on after 2 s, instead of
     * "this error handler cannot process TimeoutException".
     */
    static DefaultErrorHandler errorHandler() {
        DefaultErrorHandler handler = new DefaultErrorHandler(new FixedBackOff(2000L, 5)) {
            @Override
            public void handleOtherException(Exception thrown, Consumer<?, ?> consumer, MessageListenerContainer container,
                                             boolean batchListener) {
                if (!transientFailure(thrown)) {
                    super.handleOtherException(thrown, consumer, container, batchListener);
                    return;
                }
                log.warn("the broker is slow ({}); the readings sink carries on in 2 s", thrown.toString());
                try {
                    Thread.sleep(2000L);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        handler.setBackOffFunction((record, e) -> transientFailure(e) ? new FixedBackOff(2000L, FixedBackOff.UNLIMITED_ATTEMPTS) : null);
        return handler;
    }

    /** A failure a retry can cure: a Kafka retriable error or timeout, an unavailable database. */
    static boolean transientFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RetriableException || t instanceof org.apache.kafka.common.errors.TimeoutException
                    || t instanceof TransientDataAccessException || t instanceof DataAccessResourceFailureException
                    || t instanceof CannotCreateTransactionException || t instanceof java.sql.SQLTransientException
                    || t instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
