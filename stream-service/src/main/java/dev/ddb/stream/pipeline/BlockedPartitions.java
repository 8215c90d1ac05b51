package dev.ddb.stream.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * The input partitions held at a record that cannot be decoded. Skipping such a record would lose
 * what it says for good, so its partition stops there and the record is tried again every
 * {@link #RETRY_INTERVAL}: once a fixed version can read it, the partition goes on by itself.
 * Outlives processing sessions, so that a restart does not report the same record again.
 *
 * <p>Each record is reported once: an ERROR naming it and the cause, one count on
 * {@value #UNDECODABLE_RECORDS}, and {@value #BLOCKED_PARTITIONS} at 1 until it is read (both
 * tagged with topic and partition).
 */
final class BlockedPartitions {

    /** Gauge: 1 while the partition is held at an undecodable record, 0 once it goes on. */
    static final String BLOCKED_PARTITIONS = "ddb.stream.blocked.partitions";
    /** Counter: records found undecodable (each once, however often it is retried). */
    static final String UNDECODABLE_RECORDS = "ddb.stream.undecodable.records";
    /** Decoding one record again is cheap; every few seconds keeps the delay after a fix short. */
    static final Duration RETRY_INTERVAL = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(BlockedPartitions.class);

    private record Block(long offset, long retryAtMillis) {
    }

    private final MeterRegistry meters;
    private final Clock clock;
    /** Touched by the processing thread only. */
    private final Map<TopicPartition, Block> blocked = new HashMap<>();
    /** Strong references: a Micrometer gauge only holds its value weakly. */
    private final Map<TopicPartition, AtomicInteger> gauges = new HashMap<>();

    BlockedPartitions(MeterRegistry meters, Clock clock) {
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * The record at {@code offset} cannot be decoded: the partition is held there until
     * {@link #retryDue} says to try it again.
     *
     * @param waiting what waits for it, for the log
     */
    void block(TopicPartition partition, long offset, RuntimeException cause, String waiting) {
        Block previous = blocked.put(partition, new Block(offset, clock.millis() + RETRY_INTERVAL.toMillis()));
        if (previous != null && previous.offset() == offset) {
            return; // a retry that failed again: reported already
        }
        LOG.error("Cannot decode the record at {}-{}@{}; it is not skipped: {} until it can be read "
                        + "(tried again every {} s). Cause: {}",
                partition.topic(), partition.partition(), offset, waiting, RETRY_INTERVAL.toSeconds(), cause.toString(), cause);
        Counter.builder(UNDECODABLE_RECORDS).description("Input records stream-service cannot decode (each counted once)")
                .tags(tags(partition)).register(meters).increment();
        gauge(partition).set(1);
    }

    /** The partition was read up to {@code nextOffset}: a block before it is over. */
    void passed(TopicPartition partition, long nextOffset) {
        Block block = blocked.get(partition);
        if (block == null || nextOffset <= block.offset()) {
            return; // e.g. an earlier record read again after a restart: the block still stands
        }
        blocked.remove(partition);
        gauge(partition).set(0);
        LOG.info("The record at {}-{}@{} can be read now; that partition goes on", partition.topic(),
                partition.partition(), block.offset());
    }

    boolean isBlocked(TopicPartition partition) {
        return blocked.containsKey(partition);
    }

    /** Whether a blocked partition's record is to be tried again now. */
    boolean retryDue(TopicPartition partition) {
        Block block = blocked.get(partition);
        return block != null && clock.millis() >= block.retryAtMillis();
    }

    private AtomicInteger gauge(TopicPartition partition) {
        return gauges.computeIfAbsent(partition, p -> {
            AtomicInteger value = new AtomicInteger();
            Gauge.builder(BLOCKED_PARTITIONS, value, AtomicInteger::get)
                    .description("1 while the input partition waits at a record that cannot be decoded")
                    .tags(tags(p)).register(meters);
            return value;
        });
    }

    private static Tags tags(TopicPartition partition) {
        return Tags.of("topic", partition.topic(), "partition", Integer.toString(partition.partition()));
    }
}
