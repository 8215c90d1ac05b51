package dev.ddb.item.write;

import java.util.List;

/**
 * Writes that go through the write path together: locked together, applied in one commit,
 * acknowledged after one durability wait.
 *
 * @param allOrNothing true: when any write fails (its condition, an index key), none is applied
 *                     (a transaction; a single write); false: each write stands alone and the
 *                     others are applied (a batch)
 */
public record WriteSet(List<Write> writes, boolean allOrNothing) {

    public WriteSet {
        writes = List.copyOf(writes);
    }

    public static WriteSet of(Write write) {
        return new WriteSet(List.of(write), true);
    }

    public static WriteSet independent(List<Write> writes) {
        return new WriteSet(writes, false);
    }
}
