package dev.ddb.stream.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

import dev.ddb.common.event.ItemChange;
import dev.ddb.common.event.Topics;
import dev.ddb.stream.kafka.KafkaClients;
import dev.ddb.stream.kafka.StreamTopics;
import dev.ddb.stream.registry.StreamRegistry;
import dev.ddb.stream.registry.TableEventApplier;

/**
 * One run of consume-transform-produce: from the committed change-log offsets on, each polled
 * batch becomes one transaction of stream records plus the batch's offsets. Any failure ends the
 * session; the next one starts again from what was committed, so nothing is lost or doubled.
 *
 * <p>A change that cannot be decoded is never skipped: its partition is paused at it (see
 * {@link BlockedPartitions}), the offset committed for that partition stays at it, and the other
 * partitions go on. The record is polled again when its retry is due, and after a restart.
 */
final class ProcessingSession implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final String CHANGES_WAIT = "the changes after it on that partition are not turned into stream records";

    private final Consumer<byte[], byte[]> changeLog;
    private final TableEventsReader tableEvents;
    private final StreamRecordPublisher publisher;
    private final StreamRegistry registry;
    private final BlockedPartitions blocked;
    private final Function<byte[], ItemChange> decoder;
    private final SequenceDeduplicator deduplicator = new SequenceDeduplicator();
    private PipelineMeters meters = PipelineMeters.NONE;
    private AutoCloseable consumerMetrics = () -> { };

    private record Decoded(TopicPartition partition, long offset, ItemChange change) {
    }

    /** Thrown while {@code ddb.item-changes} does not exist yet (item-service creates it). */
    static final class ChangeLogMissingException extends IllegalStateException {
        ChangeLogMissingException() {
            super(Topics.ITEM_CHANGES + " does not exist yet");
        }
    }

    /** Opening order matters: the publisher's initTransactions settles earlier transactions before offsets are read. */
    static ProcessingSession open(KafkaClients clients, StreamTopics topics, StreamRegistry registry,
                                  TableEventApplier applier, BlockedPartitions blocked, PipelineMeters meters) {
        StreamRecordPublisher publisher = new StreamRecordPublisher(clients.transactionalProducer(), topics, registry);
        Consumer<byte[], byte[]> changeLog = null;
        TableEventsReader tableEvents = null;
        try {
            changeLog = clients.changeLogConsumer();
            tableEvents = new TableEventsReader(clients.reader("stream-service-table-events"), registry, applier, blocked);
            ProcessingSession session = new ProcessingSession(publisher, changeLog, tableEvents, registry, blocked, ItemChange::fromJson);
            session.meters = meters;
            session.consumerMetrics = meters.bind(changeLog);
            return session;
        } catch (RuntimeException e) {
            publisher.close();
            if (changeLog != null) {
                changeLog.close(Duration.ofSeconds(2));
            }
            if (tableEvents != null) {
                tableEvents.close();
            }
            throw e;
        }
    }

    /** @param decoder reads a change-log value: {@code ItemChange::fromJson}, or in tests a version that reads more */
    ProcessingSession(StreamRecordPublisher publisher, Consumer<byte[], byte[]> changeLog,
                      TableEventsReader tableEvents, StreamRegistry registry, BlockedPartitions blocked,
                      Function<byte[], ItemChange> decoder) {
        this.publisher = publisher;
        this.changeLog = changeLog;
        this.tableEvents = tableEvents;
        this.registry = registry;
        this.blocked = blocked;
        this.decoder = decoder;
        List<PartitionInfo> partitions = changeLog.partitionsFor(Topics.ITEM_CHANGES);
        if (partitions.isEmpty()) {
            throw new ChangeLogMissingException();
        }
        List<TopicPartition> assigned = partitions.stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        changeLog.assign(assigned);
        Map<TopicPartition, OffsetAndMetadata> committed = changeLog.committed(Set.copyOf(assigned));
        for (TopicPartition partition : assigned) {
            OffsetAndMetadata offset = committed.get(partition);
            deduplicator.restore(partition.partition(), offset);
            if (offset == null) {
                changeLog.seekToBeginning(List.of(partition));
            } else {
                changeLog.seek(partition, offset);
            }
        }
    }

    /** @return whether a batch of changes was processed */
    boolean processOnce() throws Exception {
        resumeDueRetries();
        if (!tableEvents.catchUp()) {
            Thread.sleep(POLL.toMillis()); // no change may be routed before the stream it belongs to is known
            return false;
        }
        ConsumerRecords<byte[], byte[]> records = changeLog.poll(POLL);
        if (records.isEmpty()) {
            return false;
        }
        // A stream enabled just before these changes were written is published by now: learn of it first.
        if (!tableEvents.catchUp()) {
            rewind(records);
            return false;
        }
        List<Decoded> changes = decodeUpToUndecodable(records);
        if (changes.isEmpty()) {
            return false; // no transaction for nothing
        }
        publisher.begin();
        Map<TopicPartition, OffsetAndMetadata> consumed = new HashMap<>();
        for (Decoded decoded : changes) {
            int partition = decoded.partition().partition();
            route(partition, decoded.change());
            consumed.put(decoded.partition(), new OffsetAndMetadata(decoded.offset() + 1, deduplicator.metadata(partition)));
        }
        publisher.commit(consumed, changeLog.groupMetadata());
        return true;
    }

    /** The batch's changes, each partition's up to its first undecodable one (where that partition is held). */
    private List<Decoded> decodeUpToUndecodable(ConsumerRecords<byte[], byte[]> records) {
        List<Decoded> changes = new ArrayList<>();
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<byte[], byte[]> record : records.records(partition)) {
                ItemChange change = decode(partition, record);
                if (change == null) {
                    break; // what follows it on the partition waits
                }
                changes.add(new Decoded(partition, record.offset(), change));
            }
        }
        return changes;
    }

    /** Lets a partition held at an undecodable record fetch it again once its retry is due. */
    private void resumeDueRetries() {
        for (TopicPartition partition : changeLog.paused()) {
            if (blocked.retryDue(partition)) {
                changeLog.resume(List.of(partition));
            }
        }
    }

    /** @return null when the record cannot be decoded; its partition is then paused and positioned at it */
    private ItemChange decode(TopicPartition partition, ConsumerRecord<byte[], byte[]> record) {
        ItemChange change;
        try {
            change = decoder.apply(record.value());
        } catch (RuntimeException e) {
            blocked.block(partition, record.offset(), e, CHANGES_WAIT);
            changeLog.seek(partition, record.offset());
            changeLog.pause(List.of(partition));
            return null;
        }
        blocked.passed(partition, record.offset() + 1);
        return change;
    }

    private void route(int partition, ItemChange change) {
        if (deduplicator.firstTime(partition, change.sequence())) {
            registry.streamFor(change.tableId(), change.timeMillis()).ifPresent(stream -> {
                publisher.publish(stream, change);
                meters.published(change.tableName(), change.timeMillis());
            });
        }
    }

    /** Puts back a polled batch unprocessed: the next poll returns it again. */
    private void rewind(ConsumerRecords<byte[], byte[]> records) {
        for (TopicPartition partition : records.partitions()) {
            changeLog.seek(partition, records.records(partition).get(0).offset());
        }
    }

    /** Makes a poll in progress return at once (with a WakeupException). */
    void wakeup() {
        changeLog.wakeup();
    }

    @Override
    public void close() {
        try {
            consumerMetrics.close();
        } catch (Exception e) {
            // only meters: the session closes regardless
        }
        publisher.close();
        changeLog.close(Duration.ofSeconds(2));
        tableEvents.close();
    }
}
