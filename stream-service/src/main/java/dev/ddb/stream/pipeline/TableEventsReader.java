package dev.ddb.stream.pipeline;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ddb.common.event.TableEvent;
import dev.ddb.common.event.Topics;
import dev.ddb.stream.registry.StreamRegistry;
import dev.ddb.stream.registry.TableEventApplier;

/**
 * Follows {@code ddb.table-events} from where the registry last applied it. The change-log loop
 * catches up before each batch, so a stream enabled before a change was written is known by the
 * time the change is routed (table-service waits for the event's acknowledgement before answering).
 */
final class TableEventsReader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TableEventsReader.class);
    /** table-service keeps all table events in one partition, in order. */
    private static final TopicPartition PARTITION = new TopicPartition(Topics.TABLE_EVENTS, 0);
    private static final Duration CATCH_UP_LIMIT = Duration.ofSeconds(10);
    private static final long TOPIC_CHECK_INTERVAL_MILLIS = 1000;

    private final Consumer<byte[], byte[]> consumer;
    private final StreamRegistry registry;
    private final TableEventApplier applier;
    private boolean assigned;
    private long nextTopicCheck;

    TableEventsReader(Consumer<byte[], byte[]> consumer, StreamRegistry registry, TableEventApplier applier) {
        this.consumer = consumer;
        this.registry = registry;
        this.applier = applier;
    }

    /** Applies every table event published before this call. */
    void catchUp() {
        if (!assigned && !assign()) {
            return;
        }
        long end = consumer.endOffsets(List.of(PARTITION)).get(PARTITION);
        long deadline = System.nanoTime() + CATCH_UP_LIMIT.toNanos();
        while (consumer.position(PARTITION) < end) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Could not read " + Topics.TABLE_EVENTS + " up to offset " + end);
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                apply(record);
            }
            registry.tableEventsApplied(consumer.position(PARTITION));
        }
    }

    private void apply(ConsumerRecord<byte[], byte[]> record) {
        TableEvent event;
        try {
            event = TableEvent.fromJson(record.value());
        } catch (RuntimeException e) {
            LOG.warn("Skipping unreadable table event at offset {}: {}", record.offset(), e.toString());
            return;
        }
        applier.apply(event);
    }

    /** The topic appears with table-service's first event; until then there are no streams to learn of. */
    private boolean assign() {
        long now = System.currentTimeMillis();
        if (now < nextTopicCheck) {
            return false;
        }
        nextTopicCheck = now + TOPIC_CHECK_INTERVAL_MILLIS;
        if (consumer.partitionsFor(Topics.TABLE_EVENTS).isEmpty()) {
            return false;
        }
        consumer.assign(List.of(PARTITION));
        long beginning = consumer.beginningOffsets(List.of(PARTITION)).get(PARTITION);
        long end = consumer.endOffsets(List.of(PARTITION)).get(PARTITION);
        long position = registry.tableEventsPosition();
        // Compaction may have removed what we stopped at; a recreated topic starts over.
        consumer.seek(PARTITION, position < beginning || position > end ? beginning : position);
        assigned = true;
        return true;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
