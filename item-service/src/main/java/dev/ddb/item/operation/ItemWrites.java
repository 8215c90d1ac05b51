package dev.ddb.item.operation;

import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.item.storage.ItemLocks;
import dev.ddb.item.storage.ItemStore;
import dev.ddb.item.table.TableSchema;

/**
 * The one way an item is changed: lock the item, read it, let the operation decide the new item
 * (null removes it; throwing leaves it unchanged, e.g. a failed condition), write, then wait for
 * durability before the caller acknowledges.
 */
public final class ItemWrites {

    private final ItemStore store;
    private final ItemLocks locks;

    public ItemWrites(ItemStore store, ItemLocks locks) {
        this.store = store;
        this.locks = locks;
    }

    /** The item before and after one write. */
    public record Change(Map<String, AttributeValue> oldItem, Map<String, AttributeValue> newItem) {
    }

    public Change write(TableSchema table, byte[] key, UnaryOperator<Map<String, AttributeValue>> update) {
        Change change;
        ReentrantLock lock = locks.lockFor(table.tableId(), key);
        lock.lock();
        try {
            Map<String, AttributeValue> oldItem = store.get(table, key);
            Map<String, AttributeValue> newItem = update.apply(oldItem);
            if (oldItem != null || newItem != null) {
                store.write(table, key, newItem);
            }
            change = new Change(oldItem, newItem);
        } finally {
            lock.unlock();
        }
        store.awaitDurable();
        return change;
    }
}
