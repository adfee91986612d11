package dustwatch.alert.delivery.messaging;

import dustwatch.alert.delivery.DeliveryProperties;
import dustwatch.alert.delivery.NotificationLog;
import dustwatch.alert.routing.RoutedWarning;
import dustwatch.contracts.notification.Notification;
import dustwatch.contracts.topic.Topics;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Writes notifications to {@code dust.notifications}, keyed by USCC, each with header
 * {@value #CONFIG_VERSION_HEADER} carrying the routing table's config version.
 */
@Component
class KafkaNotificationLog implements NotificationLog {
    /** Header naming the routing configuration that produced a notification. */
    static final String CONFIG_VERSION_HEADER = "dw-routing-config-version";

    private final KafkaTemplate<String, Notification> template;
    private final Duration timeout;

    KafkaNotificationLog(KafkaTemplate<String, Notification> template, DeliveryProperties properties) {
        this.template = template;
        this.timeout = properties.publishTimeout();
    }

    @Override
    public void append(RoutedWarning warning, List<Notification> notifications) {
        byte[] version = warning.routingConfigVersion().getBytes(StandardCharsets.UTF_8);
        CompletableFuture<?>[] sent = notifications.stream().map(notification -> {
            ProducerRecord<String, Notification> record = Topics.NOTIFICATIONS.record(notification.uscc(), notification);
            record.headers().add(CONFIG_VERSION_HEADER, version);
            return template.send(record);
        }).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(sent).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new NotificationLogUnavailableException("notifications of warning "
                    + warning.warning().warningId() + " not acknowledged within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotificationLogUnavailableException("interrupted writing notifications", e);
        }
    }
}
