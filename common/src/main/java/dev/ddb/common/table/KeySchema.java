package dev.ddb.common.table;

/**
 * A table's (or index's) primary key: the partition (HASH) key and an optional sort (RANGE) key,
 * with their scalar types.
 */
public record KeySchema(String hashKey, ScalarAttributeType hashKeyType,
                        String rangeKey, ScalarAttributeType rangeKeyType) {

    public static KeySchema hashOnly(String hashKey, ScalarAttributeType type) {
        return new KeySchema(hashKey, type, null, null);
    }

    public boolean hasRangeKey() {
        return rangeKey != null;
    }

    public boolean isKeyAttribute(String name) {
        return name.equals(hashKey) || name.equals(rangeKey);
    }

    public int keyCount() {
        return hasRangeKey() ? 2 : 1;
    }
}
