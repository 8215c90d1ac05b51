package dev.ddb.stream.trigger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ddb.common.json.Json;
import dev.ddb.stream.record.ShardIds;
import dev.ddb.stream.registry.Stream;
import dev.ddb.stream.trigger.FunctionInvoker.InvokeResult;

/**
 * Runs one enabled mapping on its own thread: reads the stream's topic (every shard's partition,
 * assigned) with the mapping's consumer, builds batches per shard, delivers them one at a time
 * ({@link BatchDelivery}) and commits the shard's offset right after each part is done, so that a
 * restart neither repeats nor skips a finished batch. Shards of one mapping take turns on the thread:
 * each stays in order; a batch being retried holds up the mapping's other shards too.
 */
final class MappingRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MappingRunner.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final int MAX_BUFFERED_PER_SHARD = 10_000;

    private final EventSourceMapping mapping;
    private final Stream stream;
    private final Consumer<byte[], byte[]> consumer;
    private final Producer<byte[], byte[]> failures;
    private final String failureTopic;
    private final ShardBatches batches;
    private final BatchDelivery delivery;
    private final Thread thread;
    private final CountDownLatch positioned = new CountDownLatch(1);
    private volatile boolean running = true;
    static final String NO_RECORDS_PROCESSED = "No records processed";

    private volatile String lastProcessingResult;

    MappingRunner(EventSourceMapping mapping, Stream stream, Consumer<byte[], byte[]> consumer,
                  Producer<byte[], byte[]> failures, FunctionInvoker function, Duration backoff,
                  String lastProcessingResult) {
        this.mapping = mapping;
        this.lastProcessingResult = lastProcessingResult;
        this.stream = stream;
        this.consumer = consumer;
        this.failures = failures;
        this.failureTopic = FailureDestinations.topicOf(mapping.onFailureDestination()).orElse(null);
        this.batches = new ShardBatches(mapping.eventSourceArn(), mapping.batchSize(), ShardBatches.patterns(mapping));
        this.delivery = new BatchDelivery(BatchDelivery.Policy.of(mapping, backoff), function,
                System::currentTimeMillis, Thread::sleep);
        this.thread = new Thread(this::run, "event-source-mapping-" + mapping.uuid());
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Waits until the mapping's starting positions are fixed (committed), so that LATEST means "after this call". */
    boolean awaitPositioned(Duration timeout) throws InterruptedException {
        return positioned.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    String lastProcessingResult() {
        return lastProcessingResult;
    }

    private List<TopicPartition> partitions() {
        List<TopicPartition> partitions = new ArrayList<>();
        for (int shard = 0; shard < stream.shardCount(); shard++) {
            partitions.add(new TopicPartition(stream.topic(), shard));
        }
        return partitions;
    }

    private void run() {
        try {
            if (stream.shardCount() == 0) {
                positioned.countDown();
                return; // the table has no topic: nothing will ever arrive
            }
            while (running && !position()) {
                Thread.sleep(1000);
            }
            positioned.countDown();
            Map<Integer, Deque<ConsumerRecord<byte[], byte[]>>> read = new HashMap<>();
            Map<Integer, Long> firstReadAt = new HashMap<>();
            long windowMillis = mapping.maximumBatchingWindowInSeconds() * 1000L;
            while (running) {
                try {
                    poll(read, firstReadAt);
                    for (int shard = 0; shard < stream.shardCount() && running; shard++) {
                        Deque<ConsumerRecord<byte[], byte[]>> records = read.get(shard);
                        if (records == null || records.isEmpty()) {
                            continue;
                        }
                        boolean full = records.size() >= mapping.batchSize();
                        if (!full && System.currentTimeMillis() - firstReadAt.get(shard) < windowMillis) {
                            continue;
                        }
                        deliver(batches.next(shard, records));
                        if (records.isEmpty()) {
                            firstReadAt.remove(shard);
                        }
                    }
                    flowControl(read);
                } catch (WakeupException | InterruptException e) {
                    return;
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    if (!running) {
                        return;
                    }
                    LOG.warn("Event source mapping {}: {}; going on from its last committed positions", mapping.uuid(), e.toString());
                    lastProcessingResult = "PROBLEM: " + e.getMessage();
                    read.clear();
                    firstReadAt.clear();
                    do {
                        Thread.sleep(1000);
                    } while (running && !rewind());
                }
            }
        } catch (InterruptedException | WakeupException | InterruptException e) {
            // stopping
        } catch (RuntimeException e) {
            LOG.error("Event source mapping {} stopped", mapping.uuid(), e);
        } finally {
            positioned.countDown();
            try {
                consumer.close(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                // closing anyway
            }
        }
    }

    private void poll(Map<Integer, Deque<ConsumerRecord<byte[], byte[]>>> read, Map<Integer, Long> firstReadAt) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
            read.computeIfAbsent(record.partition(), shard -> new ArrayDeque<>()).add(record);
            firstReadAt.putIfAbsent(record.partition(), System.currentTimeMillis());
        }
    }

    /** Stops reading a shard whose records pile up (a batch being retried), and reads it again once they are taken. */
    private void flowControl(Map<Integer, Deque<ConsumerRecord<byte[], byte[]>>> read) {
        Set<TopicPartition> pause = new HashSet<>();
        Set<TopicPartition> resume = new HashSet<>();
        for (TopicPartition partition : partitions()) {
            Deque<ConsumerRecord<byte[], byte[]>> records = read.get(partition.partition());
            (records != null && records.size() >= MAX_BUFFERED_PER_SHARD ? pause : resume).add(partition);
        }
        consumer.pause(pause);
        consumer.resume(resume);
    }

    private void deliver(StreamBatch batch) throws InterruptedException {
        if (batch.size() == 0) {
            commit(batch.shard(), batch.endOffset()); // all filtered out: processed
            return;
        }
        delivery.deliver(batch, new BatchDelivery.Listener() {
            @Override
            public void done(long nextOffset) {
                commit(batch.shard(), nextOffset);
            }

            @Override
            public void discarded(StreamBatch part, String condition, int invokeCount, InvokeResult last) {
                sendToFailureDestination(part, condition, invokeCount, last);
            }

            @Override
            public void invoked(InvokeResult result) {
                lastProcessingResult = result.success() ? "OK" : "PROBLEM: " + result.error();
            }
        });
    }

    private void sendToFailureDestination(StreamBatch part, String condition, int invokeCount, InvokeResult last) {
        String shardId = ShardIds.of(stream, part.shard());
        LOG.info("Event source mapping {}: {} records of {} discarded ({})", mapping.uuid(), part.size(), shardId, condition);
        if (failureTopic == null) {
            return;
        }
        byte[] value = Json.write(FailureRecords.of(mapping, shardId, part, condition, invokeCount, last, Instant.now()));
        try {
            failures.send(new ProducerRecord<>(failureTopic, shardId.getBytes(StandardCharsets.UTF_8), value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Cannot write to the on-failure destination " + failureTopic + ": " + e.getCause(), e);
        }
    }

    private void commit(int shard, long nextOffset) {
        consumer.commitSync(Map.of(new TopicPartition(stream.topic(), shard), new OffsetAndMetadata(nextOffset)));
    }

    /** Seeks every shard to its committed offset, fixing (and committing) the starting position of those without one. */
    private boolean position() {
        try {
            List<TopicPartition> partitions = partitions();
            consumer.assign(partitions);
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions));
            List<TopicPartition> fresh = partitions.stream().filter(p -> committed.get(p) == null).toList();
            Map<TopicPartition, OffsetAndMetadata> starts = new HashMap<>();
            if (!fresh.isEmpty()) {
                boolean latest = StartingPositions.LATEST.equals(mapping.startingPosition());
                Map<TopicPartition, Long> ends = consumer.endOffsets(fresh);
                Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(fresh);
                for (TopicPartition partition : fresh) {
                    long offset = latest ? ends.get(partition)
                            : Math.max(beginnings.get(partition), stream.startOffsets().get(partition.partition()));
                    starts.put(partition, new OffsetAndMetadata(offset));
                }
                consumer.commitSync(starts);
            }
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata at = committed.get(partition) != null ? committed.get(partition) : starts.get(partition);
                consumer.seek(partition, at.offset());
            }
            return true;
        } catch (WakeupException | InterruptException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.warn("Event source mapping {} cannot read {} yet: {}", mapping.uuid(), stream.topic(), e.toString());
            return false;
        }
    }

    /** @return whether every shard is back at its committed offset (false: Kafka cannot say now, try again) */
    private boolean rewind() {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions()));
            committed.forEach((partition, offset) -> {
                if (offset != null) {
                    consumer.seek(partition, offset.offset());
                }
            });
            return true;
        } catch (WakeupException | InterruptException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.warn("Event source mapping {}: cannot read its committed offsets yet: {}", mapping.uuid(), e.toString());
            return false;
        }
    }

    @Override
    public void close() {
        // No wakeup(): it would also break the commit of a batch just delivered. The loop polls briefly
        // and sees the flag; a batch still being retried after a few seconds is interrupted.
        running = false;
        try {
            thread.join(5_000);
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(10_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
