package dev.ddb.stream.pipeline;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.utils.Utils;

import dev.ddb.common.event.ItemChange;
import dev.ddb.common.json.Json;
import dev.ddb.stream.kafka.StreamTopics;
import dev.ddb.stream.record.SequenceNumbers;
import dev.ddb.stream.record.StreamRecords;
import dev.ddb.stream.registry.Stream;
import dev.ddb.stream.registry.StreamRegistry;

/**
 * Writes stream records in Kafka transactions together with the change-log offsets they came
 * from: a transaction's records and its consumed offsets become visible together or not at all.
 * Records are keyed by the item's partition key and go to the partition Kafka's default
 * partitioner would pick for that key.
 */
final class StreamRecordPublisher implements AutoCloseable {

    private final Producer<byte[], byte[]> producer;
    private final OutputOffsets offsets;
    private final StreamRegistry registry;
    private final List<Sent> sent = new ArrayList<>();
    private boolean inTransaction;

    private record Sent(String streamArn, int shard, long predictedOffset, Future<RecordMetadata> ack) {
    }

    /** Thrown when Kafka placed a record elsewhere than predicted: someone else wrote to a stream topic. */
    static final class UnexpectedOffsetException extends IllegalStateException {
        UnexpectedOffsetException(String message) {
            super(message);
        }
    }

    /** Takes over the transactional id: initTransactions fences an earlier instance and settles its open transaction. */
    StreamRecordPublisher(Producer<byte[], byte[]> producer, StreamTopics topics, StreamRegistry registry) {
        this.producer = producer;
        this.offsets = new OutputOffsets(topics);
        this.registry = registry;
        producer.initTransactions();
    }

    void begin() {
        producer.beginTransaction();
        inTransaction = true;
    }

    void publish(Stream stream, ItemChange change) {
        if (stream.shardCount() == 0) {
            return; // no topic possible for this table (see StreamTopics#prepare)
        }
        byte[] key = StreamRecords.partitionKey(stream, change);
        int shard = Utils.toPositive(Utils.murmur2(key)) % stream.shardCount();
        long offset = offsets.reserve(new TopicPartition(stream.topic(), shard));
        byte[] value = Json.write(StreamRecords.record(stream, change, SequenceNumbers.of(shard, offset)));
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(stream.topic(), shard, key, value,
                List.of(new RecordHeader(StreamRecords.STREAM_ARN_HEADER, stream.streamArn().getBytes(StandardCharsets.UTF_8))));
        sent.add(new Sent(stream.streamArn(), shard, offset, producer.send(record)));
    }

    /**
     * A record for a Kinesis streaming destination, in the same transaction: its partition is the
     * one Kafka's default partitioner picks for the key; no offset is predicted or recorded (nothing
     * reads these topics by sequence number).
     */
    void publishKinesis(String topic, byte[] key, byte[] value) {
        producer.send(new ProducerRecord<>(topic, key, value));
    }

    /** Checks the predicted offsets, then commits the records with the consumed change-log offsets. */
    void commit(Map<TopicPartition, OffsetAndMetadata> consumed, ConsumerGroupMetadata group)
            throws ExecutionException, InterruptedException {
        producer.flush();
        Map<String, Map<Integer, Long>> lastOffsets = new HashMap<>();
        for (Sent record : sent) {
            long offset = record.ack().get().offset();
            if (offset != record.predictedOffset()) {
                throw new UnexpectedOffsetException("Stream record of " + record.streamArn() + " landed at offset " + offset
                        + " of shard " + record.shard() + " instead of " + record.predictedOffset()
                        + "; does something else write to its topic?");
            }
            lastOffsets.computeIfAbsent(record.streamArn(), arn -> new HashMap<>()).merge(record.shard(), offset, Math::max);
        }
        if (!lastOffsets.isEmpty()) {
            registry.recordLastOffsets(lastOffsets);
        }
        producer.sendOffsetsToTransaction(consumed, group);
        producer.commitTransaction();
        inTransaction = false;
        sent.clear();
        offsets.committed();
    }

    /** An open transaction is aborted (nothing of it becomes visible) unless this producer was fenced. */
    @Override
    public void close() {
        try {
            if (inTransaction) {
                producer.abortTransaction();
            }
        } catch (RuntimeException e) {
            // fenced or broker gone: the next instance's initTransactions aborts it
        } finally {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
