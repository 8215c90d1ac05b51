package dev.ddb.item.read;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.table.KeySchema;
import dev.ddb.common.table.SecondaryIndex;
import dev.ddb.common.table.TableDescription;
import dev.ddb.item.storage.KeyRange;
import dev.ddb.item.storage.StoredItem;
import dev.ddb.item.storage.TableSnapshot;

/** What a Query or Scan reads: the table, or one of its secondary indexes (IndexName). */
public record ReadTarget(TableDescription table, SecondaryIndex index) {

    /** @param indexName null for the table */
    public static ReadTarget of(TableDescription table, String indexName) {
        if (indexName == null) {
            return new ReadTarget(table, null);
        }
        SecondaryIndex index = table.index(indexName).orElseThrow(() ->
                DynamoDbException.validation("The table does not have the specified index: " + indexName));
        return new ReadTarget(table, index);
    }

    public boolean onIndex() {
        return index != null;
    }

    public boolean globalIndex() {
        return index != null && index.global();
    }

    /** The key schema the read is ordered and conditioned by. */
    public KeySchema keySchema() {
        return index == null ? table.keySchema() : index.keySchema();
    }

    /** The attributes of a LastEvaluatedKey (and ExclusiveStartKey): the table's key, then the index's. */
    public List<String> keyAttributes() {
        List<String> names = new ArrayList<>();
        add(names, table.keySchema());
        if (index != null) {
            add(names, index.keySchema());
        }
        return names;
    }

    public Map<String, AttributeValue> lastEvaluatedKey(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        for (String name : keyAttributes()) {
            key.put(name, item.get(name));
        }
        return key;
    }

    /** Rejects a ConsistentRead on a global secondary index, and ALL_ATTRIBUTES it cannot answer. */
    public void checkRead(boolean consistentRead, Select select) {
        if (consistentRead && globalIndex()) {
            throw DynamoDbException.validation("Consistent reads are not supported on global secondary indexes");
        }
        if (select == Select.ALL_ATTRIBUTES && globalIndex() && !index.projection().all()) {
            throw DynamoDbException.invalidParameter("Select type ALL_ATTRIBUTES is not supported for global secondary index "
                    + index.indexName() + " because its projection type is not ALL");
        }
    }

    /**
     * Whether the read needs the table's items rather than the index entries: a local index
     * answers attributes it does not project from the table, as DynamoDB does (at a table read's cost).
     */
    public boolean fetchesItems(Select select, List<String> projectedNames) {
        if (index == null || index.global() || index.projection().all()) {
            return false;
        }
        if (select == Select.ALL_ATTRIBUTES) {
            return true;
        }
        for (String name : projectedNames) {
            if (!index.projection().projects(name, table.keySchema(), index.keySchema())) {
                return true;
            }
        }
        return false;
    }

    /** The candidates of a read in order: items, or index entries (or the items they point to). */
    public Iterator<StoredItem> read(TableSnapshot snapshot, KeyRange range, boolean forward, byte[] exclusiveStart,
                                     boolean fetchItems) {
        if (index == null) {
            return snapshot.range(range, forward, exclusiveStart);
        }
        Iterator<StoredItem> entries = snapshot.indexRange(index.indexName(), range, forward, exclusiveStart);
        if (!fetchItems) {
            return entries;
        }
        KeySchema tableKey = table.keySchema();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return entries.hasNext();
            }

            @Override
            public StoredItem next() {
                StoredItem entry = entries.next();
                Map<String, AttributeValue> item = snapshot.get(dev.ddb.common.key.KeyEncoding.encode(
                        entry.item().get(tableKey.hashKey()), tableKey.hasRangeKey() ? entry.item().get(tableKey.rangeKey()) : null));
                return new StoredItem(entry.key(), item == null ? entry.item() : item);
            }
        };
    }

    private static void add(List<String> names, KeySchema key) {
        if (!names.contains(key.hashKey())) {
            names.add(key.hashKey());
        }
        if (key.hasRangeKey() && !names.contains(key.rangeKey())) {
            names.add(key.rangeKey());
        }
    }
}
