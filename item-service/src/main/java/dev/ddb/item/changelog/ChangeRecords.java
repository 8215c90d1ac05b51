package dev.ddb.item.changelog;

import java.util.Map;
import java.util.function.LongFunction;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.attribute.ItemSize;
import dev.ddb.common.event.ItemChange;
import dev.ddb.common.key.KeyEncoding;
import dev.ddb.common.table.TableDescription;
import dev.ddb.item.key.PrimaryKeys;

/** The change record (and its Kafka key) of one item change, as the outbox keeps it: one per item changed. */
public final class ChangeRecords {

    private ChangeRecords() {
    }

    /** The Kafka key: table and partition key, so changes of one item stay in order. */
    public static String kafkaKey(TableDescription table, Map<String, AttributeValue> keys) {
        return ItemChange.kafkaKey(table.tableId(), KeyEncoding.partitionPrefix(keys.get(table.keySchema().hashKey())));
    }

    /** The record, once the write's sequence number is known. */
    public static LongFunction<ItemChange> of(TableDescription table, Map<String, AttributeValue> oldItem,
                                              Map<String, AttributeValue> newItem, String userIdentity) {
        Map<String, AttributeValue> keys = keysOf(table, oldItem, newItem);
        long time = System.currentTimeMillis();
        return sequence -> new ItemChange(table.tableName(), table.tableId(), sequence, eventName(oldItem, newItem), keys,
                oldItem, newItem, time, recordSize(keys, oldItem, newItem), userIdentity);
    }

    public static Map<String, AttributeValue> keysOf(TableDescription table, Map<String, AttributeValue> oldItem,
                                                     Map<String, AttributeValue> newItem) {
        return PrimaryKeys.attributesOf(table.keySchema(), newItem != null ? newItem : oldItem);
    }

    private static String eventName(Map<String, AttributeValue> oldItem, Map<String, AttributeValue> newItem) {
        return oldItem == null ? "INSERT" : newItem == null ? "REMOVE" : "MODIFY";
    }

    private static long recordSize(Map<String, AttributeValue> keys, Map<String, AttributeValue> oldItem,
                                   Map<String, AttributeValue> newItem) {
        return ItemSize.of(keys) + (oldItem == null ? 0 : ItemSize.of(oldItem)) + (newItem == null ? 0 : ItemSize.of(newItem));
    }
}
