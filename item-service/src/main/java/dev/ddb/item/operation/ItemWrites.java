package dev.ddb.item.operation;

import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.attribute.ItemSize;
import dev.ddb.common.event.ItemChange;
import dev.ddb.common.key.KeyEncoding;
import dev.ddb.item.key.PrimaryKeys;
import dev.ddb.item.storage.ItemLocks;
import dev.ddb.item.storage.ItemStore;
import dev.ddb.item.table.TableSchema;

/**
 * The one way an item is changed: lock the item, read it, let the operation decide the new item
 * (null removes it; throwing leaves it unchanged, e.g. a failed condition), write it together with
 * its change record, then wait for durability before the caller acknowledges. A write that
 * changes nothing writes nothing and records no change, as in DynamoDB Streams.
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
        return write(table, key, update, null);
    }

    /** @param userIdentity the principal recorded on the change (TTL deletes), or null for a user's write */
    public Change write(TableSchema table, byte[] key, UnaryOperator<Map<String, AttributeValue>> update,
                        String userIdentity) {
        Change change;
        ReentrantLock lock = locks.lockFor(table.tableId(), key);
        lock.lock();
        try {
            Map<String, AttributeValue> oldItem = store.get(table, key);
            Map<String, AttributeValue> newItem = update.apply(oldItem);
            change = new Change(oldItem, newItem);
            if (oldItem == null ? newItem == null : oldItem.equals(newItem)) {
                return change; // nothing changed: nothing to write or to stream
            }
            Map<String, AttributeValue> keys = PrimaryKeys.attributesOf(table.keySchema(), newItem != null ? newItem : oldItem);
            long time = System.currentTimeMillis();
            String kafkaKey = ItemChange.kafkaKey(table.tableId(),
                    KeyEncoding.partitionPrefix(keys.get(table.keySchema().hashKey())));
            store.write(table, key, newItem, kafkaKey, sequence -> new ItemChange(table.tableName(), table.tableId(),
                    sequence, eventName(oldItem, newItem), keys, oldItem, newItem, time,
                    recordSize(keys, oldItem, newItem), userIdentity));
        } finally {
            lock.unlock();
        }
        store.awaitDurable();
        return change;
    }

    private static String eventName(Map<String, AttributeValue> oldItem, Map<String, AttributeValue> newItem) {
        return oldItem == null ? "INSERT" : newItem == null ? "REMOVE" : "MODIFY";
    }


    private static long recordSize(Map<String, AttributeValue> keys, Map<String, AttributeValue> oldItem,
                                   Map<String, AttributeValue> newItem) {
        return ItemSize.of(keys) + (oldItem == null ? 0 : ItemSize.of(oldItem)) + (newItem == null ? 0 : ItemSize.of(newItem));
    }
}
