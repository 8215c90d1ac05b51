package dev.ddb.item.capacity;

import dev.ddb.common.table.TableDescription;

/** Told what requests consume and when they are throttled (metrics); called on the request's thread, must be cheap. */
public interface CapacityObserver {

    CapacityObserver NONE = new CapacityObserver() {
        @Override
        public void consumed(TableDescription table, CapacityUse use, boolean write) {
        }

        @Override
        public void throttled(TableDescription table, String globalIndexName, boolean write) {
        }
    };

    /** What one request (or one part of a batch) consumed on the table and its indexes. */
    void consumed(TableDescription table, CapacityUse use, boolean write);

    /** A read or write event was throttled on the table (globalIndexName null) or one of its global indexes. */
    void throttled(TableDescription table, String globalIndexName, boolean write);
}
