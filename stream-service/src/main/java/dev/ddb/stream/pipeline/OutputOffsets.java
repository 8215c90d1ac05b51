package dev.ddb.stream.pipeline;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.TopicPartition;

import dev.ddb.stream.kafka.StreamTopics;

/**
 * Knows the offset each stream record will get before it is sent, so that its SequenceNumber can
 * be derived from its own offset. This works because this producer is the only writer of the
 * stream topics: within a transaction records take consecutive offsets, and each committed
 * transaction adds one commit marker to every partition it wrote. A partition is first asked for
 * its end offset once the producer's initTransactions has settled any earlier transaction. The
 * publisher checks every prediction against the offset Kafka assigned before committing.
 */
final class OutputOffsets {

    private final StreamTopics topics;
    private final Map<TopicPartition, Long> next = new HashMap<>();
    private final Set<TopicPartition> inTransaction = new HashSet<>();

    OutputOffsets(StreamTopics topics) {
        this.topics = topics;
    }

    /** The offset the next record sent to the partition gets. */
    long reserve(TopicPartition partition) {
        long offset = next.computeIfAbsent(partition, topics::endOffset);
        next.put(partition, offset + 1);
        inTransaction.add(partition);
        return offset;
    }

    /** The transaction committed: each partition it wrote got a commit marker. */
    void committed() {
        inTransaction.forEach(partition -> next.merge(partition, 1L, Long::sum));
        inTransaction.clear();
    }
}
