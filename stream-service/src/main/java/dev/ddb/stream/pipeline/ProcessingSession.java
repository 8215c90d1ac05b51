package dev.ddb.stream.pipeline;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 */
final class ProcessingSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessingSession.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final Consumer<byte[], byte[]> changeLog;
    private final TableEventsReader tableEvents;
    private final StreamRecordPublisher publisher;
    private final StreamRegistry registry;
    private final SequenceDeduplicator deduplicator = new SequenceDeduplicator();

    /** Thrown while {@code ddb.item-changes} does not exist yet (item-service creates it). */
    static final class ChangeLogMissingException extends IllegalStateException {
        ChangeLogMissingException() {
            super(Topics.ITEM_CHANGES + " does not exist yet");
        }
    }

    /** Opening order matters: the publisher's initTransactions settles earlier transactions before offsets are read. */
    static ProcessingSession open(KafkaClients clients, StreamTopics topics, StreamRegistry registry,
                                  TableEventApplier applier) {
        StreamRecordPublisher publisher = new StreamRecordPublisher(clients.transactionalProducer(), topics, registry);
        Consumer<byte[], byte[]> changeLog = null;
        TableEventsReader tableEvents = null;
        try {
            changeLog = clients.changeLogConsumer();
            tableEvents = new TableEventsReader(clients.reader("stream-service-table-events"), registry, applier);
            return new ProcessingSession(publisher, changeLog, tableEvents, registry);
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

    ProcessingSession(StreamRecordPublisher publisher, Consumer<byte[], byte[]> changeLog,
                      TableEventsReader tableEvents, StreamRegistry registry) {
        this.publisher = publisher;
        this.changeLog = changeLog;
        this.tableEvents = tableEvents;
        this.registry = registry;
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
        tableEvents.catchUp();
        ConsumerRecords<byte[], byte[]> records = changeLog.poll(POLL);
        if (records.isEmpty()) {
            return false;
        }
        // A stream enabled just before these changes were written is published by now: learn of it first.
        tableEvents.catchUp();
        publisher.begin();
        Map<TopicPartition, OffsetAndMetadata> consumed = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<byte[], byte[]> record : records.records(partition)) {
                route(partition.partition(), record);
                consumed.put(partition, new OffsetAndMetadata(record.offset() + 1, deduplicator.metadata(partition.partition())));
            }
        }
        publisher.commit(consumed, changeLog.groupMetadata());
        return true;
    }

    private void route(int partition, ConsumerRecord<byte[], byte[]> record) {
        ItemChange change;
        try {
            change = ItemChange.fromJson(record.value());
        } catch (RuntimeException e) {
            LOG.warn("Skipping unreadable item change at {}-{}@{}: {}", record.topic(), partition, record.offset(), e.toString());
            return;
        }
        if (deduplicator.firstTime(partition, change.sequence())) {
            registry.streamFor(change.tableId(), change.timeMillis()).ifPresent(stream -> publisher.publish(stream, change));
        }
    }

    /** Makes a poll in progress return at once (with a WakeupException). */
    void wakeup() {
        changeLog.wakeup();
    }

    @Override
    public void close() {
        publisher.close();
        changeLog.close(Duration.ofSeconds(2));
        tableEvents.close();
    }
}
