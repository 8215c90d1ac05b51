package dev.ddb.item.write;

import dev.ddb.common.error.DynamoDbException;

/**
 * What became of one write of a write set: the written item, or why it failed (a transaction's
 * cancellation reason). In an all-or-nothing set that failed, the writes that would have
 * succeeded still carry their item, but nothing was applied.
 */
public record WriteOutcome(WrittenItem written, DynamoDbException failure) {

    public boolean failed() {
        return failure != null;
    }
}
