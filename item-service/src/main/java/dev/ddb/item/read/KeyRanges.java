package dev.ddb.item.read;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.key.KeyEncoding;
import dev.ddb.item.expression.KeyCondition;
import dev.ddb.item.expression.SortKeyCondition;
import dev.ddb.item.storage.KeyRange;

/**
 * A Query's key condition as the range of encoded keys it reads: one partition, narrowed by the
 * sort key condition. Each bound covers every key that starts with the encoded (partition, sort)
 * value: a table's key is exactly that, an index key continues with the table's key.
 */
public final class KeyRanges {

    private KeyRanges() {
    }

    public static KeyRange of(KeyCondition condition) {
        AttributeValue partitionKey = condition.partitionKey();
        byte[] partition = KeyEncoding.partitionPrefix(partitionKey);
        if (condition.sortKey().isEmpty()) {
            return KeyRange.withPrefix(partition);
        }
        SortKeyCondition sortKey = condition.sortKey().get();
        byte[] value = KeyEncoding.encode(partitionKey, sortKey.value());
        byte[] afterValue = KeyRange.prefixEnd(value);
        switch (sortKey.op()) {
            case EQ:
                return KeyRange.withPrefix(value);
            case LT:
                return new KeyRange(partition, null, true, value, false);
            case LE:
                return new KeyRange(partition, null, true, afterValue, false);
            case GT:
                return new KeyRange(partition, afterValue, true, null, true);
            case GE:
                return new KeyRange(partition, value, true, null, true);
            case BETWEEN:
                return new KeyRange(partition, value, true,
                        KeyRange.prefixEnd(KeyEncoding.encode(partitionKey, sortKey.upper())), false);
            case BEGINS_WITH:
                return KeyRange.withPrefix(KeyEncoding.sortKeyPrefix(partitionKey, sortKey.value()));
            default:
                throw new IllegalArgumentException(sortKey.op().name());
        }
    }
}
