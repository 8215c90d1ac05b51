package dev.ddb.stream.pipeline;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;

/**
 * Drops the outbox relay's repeats. On one partition of {@code ddb.item-changes} sequences only
 * grow, so a change whose sequence is not above the last one applied there was applied already.
 * The last applied sequence travels as the metadata of the offset committed inside the same
 * transaction as the records it produced, so it is exactly as durable as they are.
 */
final class SequenceDeduplicator {

    private static final String PREFIX = "lastSequence=";

    private final Map<Integer, Long> lastSequence = new HashMap<>();

    /** Picks up where the last committed transaction left a partition. */
    void restore(int partition, OffsetAndMetadata committed) {
        lastSequence.remove(partition);
        if (committed != null && committed.metadata() != null && committed.metadata().startsWith(PREFIX)) {
            lastSequence.put(partition, Long.parseLong(committed.metadata().substring(PREFIX.length())));
        }
    }

    /** True the first time a sequence shows up on the partition, and then remembers it. */
    boolean firstTime(int partition, long sequence) {
        Long last = lastSequence.get(partition);
        if (last != null && sequence <= last) {
            return false;
        }
        lastSequence.put(partition, sequence);
        return true;
    }

    /** The metadata to commit with the partition's next offset. */
    String metadata(int partition) {
        Long last = lastSequence.get(partition);
        return last == null ? "" : PREFIX + last;
    }
}
