package dev.ddb.stream.read;

import java.util.List;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;

/** The committed records of stream topics, by partition (= shard) and offset. */
public interface ShardLog {

    /** The first offset still kept in each partition: retention trimmed what came before. */
    Map<TopicPartition, Long> beginningOffsets(List<TopicPartition> partitions);

    /** One past the last committed record of each partition. */
    Map<TopicPartition, Long> endOffsets(List<TopicPartition> partitions);

    /**
     * Up to {@code limit} records of one stream from offset {@code from} on and before {@code until},
     * in offset order, skipping records of the table's other streams.
     *
     * @throws TrimmedException when {@code from} is no longer kept
     */
    ShardPage read(TopicPartition partition, long from, long until, int limit, String streamArn);

    /** A stream record as stored: its offset and its JSON. */
    record ShardRecord(long offset, byte[] value) {
    }

    /** What a read found, and the offset to read next. */
    record ShardPage(List<ShardRecord> records, long nextOffset) {
    }

    /** The records asked for were removed by retention. */
    final class TrimmedException extends RuntimeException {
        public TrimmedException(String message) {
            super(message);
        }
    }
}
