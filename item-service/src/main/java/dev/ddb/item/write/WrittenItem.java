package dev.ddb.item.write;

import java.util.List;
import java.util.Map;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.table.TableDescription;
import dev.ddb.item.storage.IndexEntryWrite;

/** One item before and after its write, and what the write did to the table's index entries. */
public record WrittenItem(TableDescription table, Map<String, AttributeValue> oldItem, Map<String, AttributeValue> newItem,
                          List<IndexEntryWrite> indexWrites) {

    public WrittenItem {
        indexWrites = List.copyOf(indexWrites);
    }
}
