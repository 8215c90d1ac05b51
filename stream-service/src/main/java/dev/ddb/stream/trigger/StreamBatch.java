package dev.ddb.stream.trigger;

import java.util.List;

import tools.jackson.databind.node.ObjectNode;

/**
 * Records of one shard handed to a function together, in order, and the offset after the last
 * record the batch accounts for (records filtered out count as processed with it).
 *
 * @param endOffset the offset to commit once the batch is done
 */
public record StreamBatch(int shard, List<Entry> records, long endOffset) {

    /**
     * One stream record as Lambda sends it, and where it lies in the shard's topic partition.
     *
     * @param arrivalMillis when the record reached the stream (its Kafka timestamp)
     */
    public record Entry(long offset, long arrivalMillis, String sequenceNumber, ObjectNode record) {
    }

    public StreamBatch {
        records = List.copyOf(records);
    }

    public int size() {
        return records.size();
    }

    /** Records {@code from} (inclusive) to {@code to} (exclusive); it ends where the next record starts, or where this one ends. */
    public StreamBatch slice(int from, int to) {
        long end = to < records.size() ? records.get(to).offset() : endOffset;
        return new StreamBatch(shard, records.subList(from, to), end);
    }

    public int indexOf(String sequenceNumber) {
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).sequenceNumber().equals(sequenceNumber)) {
                return i;
            }
        }
        return -1;
    }
}
