package dev.ddb.item.capacity;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.attribute.ItemSize;
import dev.ddb.common.table.SecondaryIndex;
import dev.ddb.item.storage.IndexEntryWrite;
import dev.ddb.item.write.WrittenItem;

/**
 * What a write costs: on the table, the larger of the old and new item; on each index whose entry
 * changed, the entry written or removed, and both when the index key changed (the old entry is
 * deleted and the new one put).
 */
public final class WriteCapacity {

    private WriteCapacity() {
    }

    public static CapacityUse of(WrittenItem written) {
        int size = Math.max(sizeOf(written.oldItem()), sizeOf(written.newItem()));
        Map<String, Double> global = new LinkedHashMap<>();
        Map<String, Double> local = new LinkedHashMap<>();
        for (IndexEntryWrite entry : written.indexWrites()) {
            SecondaryIndex index = written.table().index(entry.indexName()).orElse(null);
            if (index == null) {
                continue;
            }
            double units;
            if (entry.keyChanged() || entry.oldKey() == null || entry.newKey() == null) {
                units = (entry.oldKey() == null ? 0 : ConsumedCapacity.writeUnits(sizeOf(entry.oldEntry())))
                        + (entry.newKey() == null ? 0 : ConsumedCapacity.writeUnits(sizeOf(entry.newEntry())));
            } else {
                units = ConsumedCapacity.writeUnits(Math.max(sizeOf(entry.oldEntry()), sizeOf(entry.newEntry())));
            }
            (index.global() ? global : local).merge(index.indexName(), units, Double::sum);
        }
        return new CapacityUse(written.table().tableName(), ConsumedCapacity.writeUnits(size), global, local);
    }

    private static int sizeOf(Map<String, AttributeValue> item) {
        return item == null ? 0 : ItemSize.of(item);
    }
}
