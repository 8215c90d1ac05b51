package dev.ddb.stream.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

import dev.ddb.common.event.ItemChange;
import dev.ddb.common.event.Topics;
import dev.ddb.common.json.Json;
import dev.ddb.stream.kafka.KafkaClients;
import dev.ddb.stream.kafka.StreamTopics;
import dev.ddb.stream.kinesis.KinesisDestinationRegistry;
import dev.ddb.stream.kinesis.KinesisRecords;
import dev.ddb.stream.registry.Stream;
import dev.ddb.stream.registry.StreamRegistry;
import dev.ddb.stream.registry.TableEventApplier;

/**
 * One run of consume-transform-produce: from the committed change-log offsets on, each polled
 * batch that yields stream records (or records of Kinesis streaming destinations) becomes one
 * transaction of those records plus the offsets
 * consumed so far; a batch that yields none waits for the next such transaction, or for an
 * offsets-only one about once a second. Any failure ends the session; the next one starts again
 * from what was committed, so nothing is lost or doubled.
 *
 * <p>A change that cannot be decoded is never skipped: its partition is paused at it (see
 * {@link BlockedPartitions}), the offset committed for that partition stays at it, and the other
 * partitions go on. The record is polled again when its retry is due, and after a restart.
 */
final class ProcessingSession implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(200);
    static final long OFFSETS_ONLY_COMMIT_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final String CHANGES_WAIT = "the changes after it on that partition are not turned into stream records";

    private final Consumer<byte[], byte[]> changeLog;
    private final TableEventsReader tableEvents;
    private final StreamRecordPublisher publisher;
    private final StreamRegistry registry;
    private final BlockedPartitions blocked;
    private final Function<byte[], ItemChange> decoder;
    private final SequenceDeduplicator deduplicator = new SequenceDeduplicator();
    private PipelineMeters meters = PipelineMeters.NONE;
    private KinesisDestinationRegistry kinesis;
    private AutoCloseable consumerMetrics = () -> { };

    /** A polled change: its sequence, and where it goes (null: nowhere, its images were not read). */
    private record Decoded(TopicPartition partition, long offset, long sequence, Routed routed) {
    }

    /** A change to publish: to its table's stream (null if none), and to its Kinesis destinations. */
    private record Routed(Stream stream, List<KinesisDestinationRegistry.Route> destinations, ItemChange change) {
    }

    /** Consumed offsets not committed yet: of batches that published no stream record. */
    private final Map<TopicPartition, OffsetAndMetadata> unpublished = new HashMap<>();
    private long lastCommitNanos = System.nanoTime() - OFFSETS_ONLY_COMMIT_INTERVAL_NANOS;

    /** Thrown while {@code ddb.item-changes} does not exist yet (item-service creates it). */
    static final class ChangeLogMissingException extends IllegalStateException {
        ChangeLogMissingException() {
            super(Topics.ITEM_CHANGES + " does not exist yet");
        }
    }

    /** Opening order matters: the publisher's initTransactions settles earlier transactions before offsets are read. */
    static ProcessingSession open(KafkaClients clients, StreamTopics topics, StreamRegistry registry,
                                  TableEventApplier applier, BlockedPartitions blocked, PipelineMeters meters,
                                  KinesisDestinationRegistry kinesis) {
        StreamRecordPublisher publisher = new StreamRecordPublisher(clients.transactionalProducer(), topics, registry);
        Consumer<byte[], byte[]> changeLog = null;
        TableEventsReader tableEvents = null;
        try {
            changeLog = clients.changeLogConsumer();
            tableEvents = new TableEventsReader(clients.reader("stream-service-table-events"), registry, applier, blocked);
            ProcessingSession session = new ProcessingSession(publisher, changeLog, tableEvents, registry, blocked, ItemChange::fromJson);
            session.meters = meters;
            session.kinesis = kinesis;
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
        if (tableEvents.held()) {
            Thread.sleep(POLL.toMillis()); // no change may be routed before the stream it belongs to is known
            return false;
        }
        ConsumerRecords<byte[], byte[]> records = changeLog.poll(POLL);
        // Once per poll, after it: a stream enabled just before the polled changes were written is
        // published by now; and an idle processor still follows table events (KafkaTableChangesSeen).
        if (!tableEvents.catchUp()) {
            rewind(records);
            return false;
        }
        if (records.isEmpty()) {
            commitUnpublishedIfDue();
            return false;
        }
        List<Decoded> changes = decodeUpToUndecodable(records);
        if (changes.isEmpty()) {
            return false; // no transaction for nothing
        }
        List<Routed> routed = new ArrayList<>(changes.size());
        for (Decoded decoded : changes) {
            int partition = decoded.partition().partition();
            if (deduplicator.firstTime(partition, decoded.sequence()) && decoded.routed() != null) {
                routed.add(decoded.routed());
            }
            unpublished.put(decoded.partition(), new OffsetAndMetadata(decoded.offset() + 1, deduplicator.metadata(partition)));
        }
        if (routed.isEmpty()) {
            commitUnpublishedIfDue();
            return true;
        }
        publisher.begin();
        for (Routed r : routed) {
            if (r.stream() != null) {
                publisher.publish(r.stream(), r.change());
                meters.published(r.change().tableName(), r.change().timeMillis());
            }
            for (KinesisDestinationRegistry.Route route : r.destinations()) {
                publisher.publishKinesis(route.destination().topic(),
                        KinesisRecords.partitionKey(route.destination(), r.change()),
                        Json.write(KinesisRecords.record(route.destination(), r.change(), route.precision())));
            }
        }
        commitUnpublished();
        return true;
    }

    /**
     * Commits the consumed offsets of batches that published nothing (changes of tables without a
     * stream) at most every {@link #OFFSETS_ONLY_COMMIT_INTERVAL_NANOS}, instead of a transaction per
     * batch. Until then a restart reads those changes again, which publishes nothing again: a
     * stream covers only changes made after it was enabled, and those are known before routing.
     */
    private void commitUnpublishedIfDue() throws Exception {
        if (!unpublished.isEmpty() && System.nanoTime() - lastCommitNanos >= OFFSETS_ONLY_COMMIT_INTERVAL_NANOS) {
            publisher.begin();
            commitUnpublished();
        }
    }

    private void commitUnpublished() throws Exception {
        publisher.commit(new HashMap<>(unpublished), changeLog.groupMetadata());
        unpublished.clear();
        lastCommitNanos = System.nanoTime();
    }

    /** The batch's changes, each partition's up to its first undecodable one (where that partition is held). */
    private List<Decoded> decodeUpToUndecodable(ConsumerRecords<byte[], byte[]> records) {
        List<Decoded> changes = new ArrayList<>();
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<byte[], byte[]> record : records.records(partition)) {
                Decoded decoded = decode(partition, record);
                if (decoded == null) {
                    break; // what follows it on the partition waits
                }
                changes.add(decoded);
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

    /**
     * Routes a change by its head (table, time); only a change that goes somewhere (a stream, a Kinesis
     * destination) is read whole: most changes under load are of tables without either.
     *
     * @return null when the record cannot be decoded; its partition is then paused and positioned at it
     */
    private Decoded decode(TopicPartition partition, ConsumerRecord<byte[], byte[]> record) {
        Routed routed = null;
        ItemChange.Head head;
        try {
            head = ItemChange.head(record.value());
            Stream stream = registry.streamFor(head.tableId(), head.timeMillis()).orElse(null);
            List<KinesisDestinationRegistry.Route> destinations = kinesis == null ? List.of()
                    : kinesis.routesFor(head.tableId(), head.timeMillis());
            if (stream != null || !destinations.isEmpty()) {
                routed = new Routed(stream, destinations, decoder.apply(record.value()));
            }
        } catch (RuntimeException e) {
            blocked.block(partition, record.offset(), e, CHANGES_WAIT);
            changeLog.seek(partition, record.offset());
            changeLog.pause(List.of(partition));
            return null;
        }
        blocked.passed(partition, record.offset() + 1);
        return new Decoded(partition, record.offset(), head.sequence(), routed);
    }

    /** Puts back a polled batch unprocessed: the next poll returns it again. */
    private void rewind(ConsumerRecords<byte[], byte[]> records) {
        if (records.isEmpty()) {
            return;
        }
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
