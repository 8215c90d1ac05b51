package dev.ddb.table.events;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.ddb.common.event.TableEvent;

/** Announces table changes on {@code ddb.table-events}. Never fails the caller. */
public interface TableEventPublisher {

    /** Queues the event; the future completes once Kafka acknowledged it, exceptionally if it could not be sent. */
    CompletableFuture<Void> publish(TableEvent event);

    /**
     * Publishes and waits up to {@code timeout} for Kafka's acknowledgement, so that consumers
     * (stream-service) know of the change before the caller's next request; gives up quietly when
     * Kafka is slow or down, as {@link #publish} would.
     */
    default void publishAndWait(TableEvent event, Duration timeout) {
        try {
            publish(event).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // already logged by the publisher; the event goes out when Kafka is back or at the next start
        }
    }
}
