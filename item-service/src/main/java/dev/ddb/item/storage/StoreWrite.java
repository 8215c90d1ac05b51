package dev.ddb.item.storage;

import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.event.ItemChange;
import dev.ddb.common.table.TableDescription;

/**
 * One item's part of a write set as the store applies it: the item (null removes it), its index
 * entry changes and its change record.
 *
 * @param change builds the change record from the sequence number the write gets
 */
public record StoreWrite(TableDescription table, byte[] key, Map<String, AttributeValue> item,
                         List<IndexEntryWrite> indexWrites, String kafkaKey, LongFunction<ItemChange> change) {

    public StoreWrite {
        indexWrites = List.copyOf(indexWrites);
    }
}
