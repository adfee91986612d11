package dustwatch.alert.delivery;

import dustwatch.alert.routing.RoutedWarning;
import dustwatch.contracts.notification.Notification;

import java.util.List;

/** Where the delivery log (预警推送记录) goes: {@code dust.notifications}. */
public interface NotificationLog {

    /**
     * Writes the notifications of one warning and waits until they are acknowledged.
     *
     * @throws NotificationLogUnavailableException when they could not be written in time (the caller retries)
     */
    void append(RoutedWarning warning, List<Notification> notifications);

    /** The log could not be written; the warning is to be processed again. */
    final class NotificationLogUnavailableException extends RuntimeException {
        public NotificationLogUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
