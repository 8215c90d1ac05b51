package dev.ddb.item.table;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import dev.ddb.common.event.TableEvent;
import dev.ddb.common.event.Topics;

/**
 * Follows {@code ddb.table-events}, besides table-service's synchronous calls: a DELETED event
 * drops storage a DeleteTable cut short by a crash left behind (table-service's restart announces
 * it again), a CREATED or UPDATED one provisions a table item-service missed. Reads the compacted
 * topic from its start at every start, on a thread of its own; while Kafka is unreachable it
 * retries quietly, and item-service serves as before.
 *
 * <p>An event that cannot be decoded is logged and passed over, unlike in stream-service: the
 * synchronous calls keep item-service's tables right without it, and holding here would stop
 * every later deletion from being applied.
 */
public final class TableEventsFollower implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(TableEventsFollower.class);
    /** table-service keeps all table events in one partition, in order. */
    private static final TopicPartition PARTITION = new TopicPartition(Topics.TABLE_EVENTS, 0);
    private static final long RETRY_MILLIS = 1000;

    private final Supplier<Consumer<byte[], byte[]>> consumers;
    private final TableProvisioning provisioning;
    private volatile boolean running;
    /** stop() ends a pause between retries early. */
    private final Object pauses = new Object();
    private volatile Consumer<byte[], byte[]> consumer;
    private Thread thread;

    public TableEventsFollower(Supplier<Consumer<byte[], byte[]>> consumers, TableProvisioning provisioning) {
        this.consumers = consumers;
        this.provisioning = provisioning;
    }

    /** Applies table events in offset order. */
    public void apply(ConsumerRecords<byte[], byte[]> records) {
        for (ConsumerRecord<byte[], byte[]> record : records) {
            if (record.value() == null) {
                continue; // a tombstone has no table to apply
            }
            TableEvent event;
            try {
                event = TableEvent.fromJson(record.value());
            } catch (RuntimeException e) {
                LOG.error("Skipping undecodable table event at {}-{} offset {}: {}", record.topic(), record.partition(),
                        record.offset(), e.toString());
                continue;
            }
            provisioning.apply(event);
        }
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::follow, "table-events-follower");
        thread.setDaemon(true);
        thread.start();
    }

    private void follow() {
        boolean reportedFailure = false;
        while (running) {
            try (Consumer<byte[], byte[]> current = consumers.get()) {
                consumer = current;
                if (topicExists(current)) {
                    current.assign(List.of(PARTITION));
                    current.seekToBeginning(List.of(PARTITION));
                    reportedFailure = false;
                    while (running) {
                        apply(current.poll(Duration.ofMillis(500)));
                    }
                }
            } catch (WakeupException e) {
                // stop() woke the consumer up
            } catch (Exception e) {
                if (running && !reportedFailure) {
                    LOG.warn("Cannot follow {} ({}); retrying", Topics.TABLE_EVENTS, e.toString());
                    reportedFailure = true;
                }
            } finally {
                consumer = null;
            }
            pause();
        }
    }

    /** The topic appears with table-service's first event. */
    private static boolean topicExists(Consumer<byte[], byte[]> consumer) {
        return !consumer.partitionsFor(Topics.TABLE_EVENTS).isEmpty();
    }

    private void pause() {
        synchronized (pauses) {
            if (!running) {
                return;
            }
            try {
                pauses.wait(RETRY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    @Override
    public void stop() {
        running = false;
        Consumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        // Not an interrupt: one landing while the consumer closes makes Kafka log an error at every shutdown.
        synchronized (pauses) {
            pauses.notifyAll();
        }
        if (thread != null) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
