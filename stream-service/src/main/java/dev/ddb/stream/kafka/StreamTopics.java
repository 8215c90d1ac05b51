package dev.ddb.stream.kafka;

import java.util.List;

import org.apache.kafka.common.TopicPartition;

/** The {@code ddb.stream.<TableName>} topics: one per table, one partition per shard. */
public interface StreamTopics {

    /**
     * Creates the table's topic unless it exists and returns the end offset of each partition, in
     * partition order: a new stream's records start there. Empty when Kafka cannot have the topic
     * (a table name too long for a topic name); such a stream gets no records.
     *
     * @param tableKey the table's {@link dev.ddb.common.region.Regions#tableKey(String, String) key}: its name
     *                 in the default region
     */
    List<Long> prepare(String tableKey);

    /** The offset the next record appended to the partition gets. */
    long endOffset(TopicPartition partition);
}
