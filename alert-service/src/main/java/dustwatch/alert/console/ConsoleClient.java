package dustwatch.alert.console;

import dustwatch.contracts.scope.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One connected console: a bounded queue drained by its own virtual thread, so a console that stops reading only
 * ever blocks its own sender. When the queue is full the console is disconnected (it reconnects and is replayed).
 */
final class ConsoleClient {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleClient.class);

    private final Actor actor;
    private final SseEmitter emitter;
    private final BlockingQueue<ConsoleEvent> queue;
    private final Consumer<ConsoleClient> onClose;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Thread sender;

    ConsoleClient(Actor actor, SseEmitter emitter, int capacity, Consumer<ConsoleClient> onClose) {
        this.actor = actor;
        this.emitter = emitter;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.onClose = onClose;
        emitter.onCompletion(() -> close(false, "completed"));
        emitter.onTimeout(() -> close(false, "timed out"));
        emitter.onError(e -> close(false, "failed: " + e.getMessage()));
    }

    Actor actor() {
        return actor;
    }

    boolean isClosed() {
        return closed.get();
    }

    /** Starts the sender thread. */
    void start() {
        sender = Thread.ofVirtual().name("console-" + actor.username()).start(this::drain);
    }

    /**
     * Queues an event without waiting.
     *
     * @return false when the console is closed, or was just disconnected because its queue is full
     */
    boolean offer(ConsoleEvent event) {
        if (closed.get()) {
            return false;
        }
        if (!queue.offer(event)) {
            close(true, "queue of " + (queue.size()) + " events overflowed");
            return false;
        }
        return true;
    }

    /** Disconnects: stops the sender and, unless the container already ended the stream, completes the response. */
    void close(boolean completeStream, String why) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        LOG.info("console of {} ({} {}) closed: {}", actor.username(), actor.tier(), actor.region(), why);
        Thread thread = sender;
        if (thread != null) {
            thread.interrupt();
        }
        onClose.accept(this);
        if (completeStream) {
            // complete() waits for the emitter's write lock, which a stalled send holds: never on the caller's thread.
            Thread.ofVirtual().name("console-close-" + actor.username()).start(() -> {
                try {
                    emitter.complete();
                } catch (IllegalStateException alreadyGone) {
                    // the container recycled the response of a console that had disconnected meanwhile
                }
            });
        }
    }

    private void drain() {
        try {
            while (!closed.get()) {
                emitter.send(queue.take().toSse());
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        } catch (IOException | IllegalStateException gone) {
            // The container reports the broken connection through onError as well; nothing more to complete.
            close(false, "send failed: " + gone.getMessage());
        }
    }
}
