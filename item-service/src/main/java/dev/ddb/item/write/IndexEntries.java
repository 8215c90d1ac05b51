package dev.ddb.item.write;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.table.SecondaryIndex;
import dev.ddb.common.table.TableDescription;
import dev.ddb.item.key.IndexKeys;
import dev.ddb.item.storage.IndexEntryWrite;

/** Index maintenance: how a change of one item changes the entries of the table's indexes. */
public final class IndexEntries {

    private IndexEntries() {
    }

    /** Only the indexes whose entry changes (an index whose entry stays the same costs nothing). */
    public static List<IndexEntryWrite> changes(TableDescription table, Map<String, AttributeValue> oldItem,
                                                Map<String, AttributeValue> newItem) {
        List<IndexEntryWrite> writes = new ArrayList<>();
        for (SecondaryIndex index : table.secondaryIndexes()) {
            IndexEntryWrite write = change(table, index, oldItem, newItem);
            if (write != null) {
                writes.add(write);
            }
        }
        return writes;
    }

    /** The entry an item has in an index; null when it has none. */
    public static IndexEntryWrite entryOf(TableDescription table, SecondaryIndex index, Map<String, AttributeValue> item) {
        return change(table, index, null, item);
    }

    private static IndexEntryWrite change(TableDescription table, SecondaryIndex index, Map<String, AttributeValue> oldItem,
                                          Map<String, AttributeValue> newItem) {
        byte[] oldKey = oldItem == null ? null : IndexKeys.of(index, table.keySchema(), oldItem);
        byte[] newKey = newItem == null ? null : IndexKeys.of(index, table.keySchema(), newItem);
        if (oldKey == null && newKey == null) {
            return null;
        }
        Map<String, AttributeValue> oldEntry = oldKey == null ? null
                : index.projection().project(oldItem, table.keySchema(), index.keySchema());
        Map<String, AttributeValue> newEntry = newKey == null ? null
                : index.projection().project(newItem, table.keySchema(), index.keySchema());
        if (oldKey != null && newKey != null && Arrays.equals(oldKey, newKey) && oldEntry.equals(newEntry)) {
            return null;
        }
        return new IndexEntryWrite(index.indexName(), oldKey, oldEntry, newKey, newEntry);
    }
}
