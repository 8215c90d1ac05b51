package dev.ddb.stream.read;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetOutOfRangeException;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.springframework.stereotype.Component;

import dev.ddb.stream.StreamServiceProperties;
import dev.ddb.stream.kafka.KafkaClients;
import dev.ddb.stream.record.StreamRecords;

/**
 * Reads shards with a small pool of read_committed Kafka consumers (a consumer is not thread-safe
 * and slow to create, a request borrows one) and asks an admin client for offsets. Reads stop at
 * DynamoDB's 1 MB per GetRecords.
 */
@Component
public class KafkaShardLog implements ShardLog, AutoCloseable {

    private static final int MAX_PAGE_BYTES = 1024 * 1024;
    private static final Duration POLL = Duration.ofMillis(100);
    /** A read returns what it found by then, even if more records may follow. */
    private static final Duration READ_LIMIT = Duration.ofSeconds(2);

    private final KafkaClients clients;
    /** Thread-safe, unlike consumers: answers offset questions without borrowing one. */
    private final Admin admin;
    private final Semaphore permits;
    private final ConcurrentLinkedQueue<Consumer<byte[], byte[]>> idle = new ConcurrentLinkedQueue<>();

    public KafkaShardLog(KafkaClients clients, StreamServiceProperties properties) {
        this.clients = clients;
        this.admin = clients.admin();
        this.permits = new Semaphore(Math.max(1, properties.readers()));
    }

    @Override
    public Map<TopicPartition, Long> beginningOffsets(List<TopicPartition> partitions) {
        return offsets(partitions, OffsetSpec.earliest());
    }

    /** Read committed: the last stable offset. */
    @Override
    public Map<TopicPartition, Long> endOffsets(List<TopicPartition> partitions) {
        return offsets(partitions, OffsetSpec.latest());
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(partition -> request.put(partition, spec));
        try {
            Map<TopicPartition, Long> offsets = new HashMap<>();
            admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get()
                    .forEach((partition, info) -> offsets.put(partition, info.offset()));
            return offsets;
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not read offsets of " + partitions + ": " + e.getCause(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    @Override
    public ShardPage read(TopicPartition partition, long from, long until, int limit, String streamArn) {
        return withConsumer(consumer -> {
            consumer.assign(List.of(partition));
            consumer.seek(partition, from);
            List<ShardRecord> records = new ArrayList<>();
            long next = from;
            int bytes = 0;
            long deadline = System.nanoTime() + READ_LIMIT.toNanos();
            boolean full = false;
            try {
                while (!full && next < until && System.nanoTime() < deadline) {
                    boolean stoppedInBatch = false;
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL).records(partition)) {
                        if (record.offset() >= until) {
                            stoppedInBatch = true;
                            break;
                        }
                        next = record.offset() + 1;
                        if (ofStream(record, streamArn)) {
                            records.add(new ShardRecord(record.offset(), record.value()));
                            bytes += record.value().length;
                            if (records.size() >= limit || bytes >= MAX_PAGE_BYTES) {
                                full = true;
                                stoppedInBatch = true;
                                break;
                            }
                        }
                    }
                    if (!stoppedInBatch) {
                        // past commit markers and aborted records the batch did not show
                        next = Math.max(next, Math.min(consumer.position(partition), until));
                    }
                }
            } catch (OffsetOutOfRangeException e) {
                throw new TrimmedException("Offset " + from + " of " + partition + " is no longer kept");
            }
            return new ShardPage(records, next);
        });
    }

    private static boolean ofStream(ConsumerRecord<byte[], byte[]> record, String streamArn) {
        Header header = record.headers().lastHeader(StreamRecords.STREAM_ARN_HEADER);
        return header != null && streamArn.equals(new String(header.value(), StandardCharsets.UTF_8));
    }

    private <T> T withConsumer(Function<Consumer<byte[], byte[]>, T> work) {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a shard reader", e);
        }
        Consumer<byte[], byte[]> consumer = idle.poll();
        try {
            if (consumer == null) {
                consumer = clients.reader("stream-service-reader");
            }
            T result = work.apply(consumer);
            consumer.assign(List.of());
            idle.add(consumer);
            consumer = null;
            return result;
        } finally {
            if (consumer != null) {
                consumer.close(Duration.ofSeconds(1)); // in an unknown state after a failure
            }
            permits.release();
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
        Consumer<byte[], byte[]> consumer;
        while ((consumer = idle.poll()) != null) {
            consumer.close(Duration.ofSeconds(1));
        }
    }
}
