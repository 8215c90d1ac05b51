package dev.ddb.item.key;

import java.io.ByteArrayOutputStream;
import java.util.Map;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.key.KeyEncoding;
import dev.ddb.common.table.KeySchema;
import dev.ddb.common.table.SecondaryIndex;

/**
 * The key of an item's entry in an index: the order-preserving encoding of the index's partition
 * and sort key, then of the table's primary key, so entries with equal index keys stay ordered
 * by table key and every entry is unique.
 */
public final class IndexKeys {

    private IndexKeys() {
    }

    /** Null when the item is not in the index (sparse): an index key attribute is missing or of another type. */
    public static byte[] of(SecondaryIndex index, KeySchema tableKey, Map<String, AttributeValue> item) {
        KeySchema key = index.keySchema();
        AttributeValue hash = item.get(key.hashKey());
        AttributeValue range = key.hasRangeKey() ? item.get(key.rangeKey()) : null;
        if (!PrimaryKeys.hasType(hash, key.hashKeyType()) || (key.hasRangeKey() && !PrimaryKeys.hasType(range, key.rangeKeyType()))) {
            return null;
        }
        return encode(hash, range, item.get(tableKey.hashKey()), tableKey.hasRangeKey() ? item.get(tableKey.rangeKey()) : null);
    }

    /** An index key from its parts (an ExclusiveStartKey's); the sort keys may be null. */
    public static byte[] encode(AttributeValue indexHash, AttributeValue indexRange, AttributeValue tableHash,
                                AttributeValue tableRange) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        out.writeBytes(KeyEncoding.encode(indexHash, indexRange));
        out.writeBytes(KeyEncoding.encode(tableHash, tableRange));
        return out.toByteArray();
    }
}
