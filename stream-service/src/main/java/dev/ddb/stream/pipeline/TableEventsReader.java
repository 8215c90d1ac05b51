package dev.ddb.stream.pipeline;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import dev.ddb.common.event.TableEvent;
import dev.ddb.common.event.Topics;
import dev.ddb.stream.registry.StreamRegistry;
import dev.ddb.stream.registry.TableEventApplier;

/**
 * Follows {@code ddb.table-events} from where the registry last applied it. The change-log loop
 * catches up before each batch, so a stream enabled before a change was written is known by the
 * time the change is routed (table-service waits for the event's acknowledgement before answering).
 *
 * <p>An event that cannot be decoded holds the reader at it, like an undecodable change (see
 * {@link BlockedPartitions}), and with it all change-log processing: skipped, it could be the
 * enabling of a stream, whose changes would then be lost for good, and any change after it may
 * belong to that stream. Compaction does not make skipping safe either: it drops an event only
 * once a later one of the same table exists, and a reader that is behind still meets it.
 */
final class TableEventsReader implements AutoCloseable {

    /** table-service keeps all table events in one partition, in order. */
    private static final TopicPartition PARTITION = new TopicPartition(Topics.TABLE_EVENTS, 0);
    private static final Duration CATCH_UP_LIMIT = Duration.ofSeconds(10);
    private static final long TOPIC_CHECK_INTERVAL_MILLIS = 1000;
    private static final String EVENTS_WAIT = "no change of any table is turned into stream records";

    private final Consumer<byte[], byte[]> consumer;
    private final StreamRegistry registry;
    private final TableEventApplier applier;
    private final BlockedPartitions blocked;
    private boolean assigned;
    private long nextTopicCheck;

    TableEventsReader(Consumer<byte[], byte[]> consumer, StreamRegistry registry, TableEventApplier applier,
                      BlockedPartitions blocked) {
        this.consumer = consumer;
        this.registry = registry;
        this.applier = applier;
        this.blocked = blocked;
    }

    /**
     * Applies every table event published before this call.
     *
     * @return false while held at an event that cannot be decoded: changes must not be routed then
     */
    boolean catchUp() {
        if (!assigned && !assign()) {
            return true;
        }
        if (held()) {
            return false;
        }
        long end = consumer.endOffsets(List.of(PARTITION)).get(PARTITION);
        long deadline = System.nanoTime() + CATCH_UP_LIMIT.toNanos();
        while (consumer.position(PARTITION) < end) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Could not read " + Topics.TABLE_EVENTS + " up to offset " + end);
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                if (!apply(record)) {
                    consumer.seek(PARTITION, record.offset());
                    registry.tableEventsApplied(record.offset());
                    return false;
                }
            }
            registry.tableEventsApplied(consumer.position(PARTITION));
        }
        blocked.passed(PARTITION, consumer.position(PARTITION));
        return true;
    }

    /** Whether the reader waits at an undecodable event whose retry is not due: changes must not be routed meanwhile. */
    boolean held() {
        return blocked.isBlocked(PARTITION) && !blocked.retryDue(PARTITION);
    }

    /** @return false when the event cannot be decoded */
    private boolean apply(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return true; // a tombstone (a key deleted from the compacted topic) has no description to apply
        }
        TableEvent event;
        try {
            event = TableEvent.fromJson(record.value());
        } catch (RuntimeException e) {
            blocked.block(PARTITION, record.offset(), e, EVENTS_WAIT);
            return false;
        }
        applier.apply(event);
        return true;
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
