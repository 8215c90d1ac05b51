package dev.ddb.item.write;

import java.util.List;

import dev.ddb.item.storage.ClientRequestToken;

/**
 * Writes that go through the write path together: locked together, applied in one commit,
 * acknowledged after one durability wait.
 *
 * @param allOrNothing true: when any write fails (its condition, an index key), none is applied
 *                     (a transaction; a single write); false: each write stands alone and the
 *                     others are applied (a batch)
 * @param token        a transaction's ClientRequestToken, remembered in the commit of its writes
 *                     (only when they are applied); null when none
 */
public record WriteSet(List<Write> writes, boolean allOrNothing, ClientRequestToken token) {

    public WriteSet {
        writes = List.copyOf(writes);
    }

    public WriteSet(List<Write> writes, boolean allOrNothing) {
        this(writes, allOrNothing, null);
    }

    public static WriteSet of(Write write) {
        return new WriteSet(List.of(write), true);
    }

    public static WriteSet independent(List<Write> writes) {
        return new WriteSet(writes, false);
    }

    /** TransactWriteItems: all or nothing, with its token. */
    public static WriteSet transaction(List<Write> writes, ClientRequestToken token) {
        return new WriteSet(writes, true, token);
    }
}
