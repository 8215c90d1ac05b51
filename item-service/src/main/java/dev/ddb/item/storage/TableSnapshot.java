package dev.ddb.item.storage;

import java.util.Iterator;
import java.util.Map;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.RootReference;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.error.DynamoDbException;

/**
 * A table's items and index entries as of one moment: taken while no write set is half applied,
 * so a reader never sees an item without its index entries or the other way round.
 */
public final class TableSnapshot {

    private final MVMap<byte[], byte[]> items;
    private final RootReference<byte[], byte[]> itemsRoot;
    private final Map<String, MVMap<byte[], byte[]>> indexes;
    private final Map<String, RootReference<byte[], byte[]>> indexRoots;

    TableSnapshot(MVMap<byte[], byte[]> items, Map<String, MVMap<byte[], byte[]>> indexes) {
        this.items = items;
        this.itemsRoot = items.flushAndGetRoot();
        this.indexes = indexes;
        this.indexRoots = new java.util.HashMap<>();
        indexes.forEach((name, map) -> indexRoots.put(name, map.flushAndGetRoot()));
    }

    public Map<String, AttributeValue> get(byte[] key) {
        byte[] bytes = items.get(itemsRoot.root, key);
        return bytes == null ? null : ItemCodec.decode(bytes);
    }

    /** The items of a key range in key order (or reverse), resuming after exclusiveStart when given. */
    public Iterator<StoredItem> range(KeyRange range, boolean forward, byte[] exclusiveStart) {
        return new KeyRangeCursor(items, itemsRoot, range, forward, exclusiveStart);
    }

    /** The entries of an index in index key order (or reverse). */
    public Iterator<StoredItem> indexRange(String indexName, KeyRange range, boolean forward, byte[] exclusiveStart) {
        MVMap<byte[], byte[]> index = indexes.get(indexName);
        if (index == null) {
            // dropped between the request's look-up and this snapshot
            throw DynamoDbException.validation("The table does not have the specified index: " + indexName);
        }
        return new KeyRangeCursor(index, indexRoots.get(indexName), range, forward, exclusiveStart);
    }
}
