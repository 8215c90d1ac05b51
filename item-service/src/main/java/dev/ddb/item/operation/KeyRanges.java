package dev.ddb.item.operation;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.key.KeyEncoding;
import dev.ddb.item.expression.KeyCondition;
import dev.ddb.item.expression.SortKeyCondition;
import dev.ddb.item.storage.KeyRange;

/** A Query's key condition as the range of encoded keys it reads: one partition, narrowed by the sort key condition. */
final class KeyRanges {

    private KeyRanges() {
    }

    static KeyRange of(KeyCondition condition) {
        AttributeValue partitionKey = condition.partitionKey();
        byte[] partition = KeyEncoding.partitionPrefix(partitionKey);
        if (condition.sortKey().isEmpty()) {
            return KeyRange.withPrefix(partition);
        }
        SortKeyCondition sortKey = condition.sortKey().get();
        byte[] value = KeyEncoding.encode(partitionKey, sortKey.value());
        switch (sortKey.op()) {
            case EQ:
                return new KeyRange(partition, value, true, value, true);
            case LT:
                return new KeyRange(partition, null, true, value, false);
            case LE:
                return new KeyRange(partition, null, true, value, true);
            case GT:
                return new KeyRange(partition, value, false, null, true);
            case GE:
                return new KeyRange(partition, value, true, null, true);
            case BETWEEN:
                return new KeyRange(partition, value, true, KeyEncoding.encode(partitionKey, sortKey.upper()), true);
            case BEGINS_WITH:
                return KeyRange.withPrefix(KeyEncoding.sortKeyPrefix(partitionKey, sortKey.value()));
            default:
                throw new IllegalArgumentException(sortKey.op().name());
        }
    }
}
