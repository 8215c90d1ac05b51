package dev.ddb.item.storage;

import java.util.Map;

import dev.ddb.common.attribute.AttributeValue;

/**
 * A change of one index entry: remove the entry under oldKey (when not null), put newEntry under
 * newKey (when not null). Keys are index keys: the index's key, then the table's. The old entry
 * is kept for what the change costs.
 */
public record IndexEntryWrite(String indexName, byte[] oldKey, Map<String, AttributeValue> oldEntry,
                              byte[] newKey, Map<String, AttributeValue> newEntry) {

    /** The index key changed: the old entry goes and a new one comes (DynamoDB counts two writes). */
    public boolean keyChanged() {
        return oldKey != null && newKey != null && !java.util.Arrays.equals(oldKey, newKey);
    }
}
