package dev.ddb.item.expression;

import java.util.Map;
import java.util.Optional;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.table.KeySchema;

/**
 * A Query's key condition: the partition key value, and optionally a condition on the sort key,
 * for the key schema (of the table or index) it was checked against.
 */
public record KeyCondition(KeySchema keySchema, AttributeValue partitionKey, SortKeyCondition sortKeyCondition) {

    public Optional<SortKeyCondition> sortKey() {
        return Optional.ofNullable(sortKeyCondition);
    }

    /** Whether an item (or index entry) has this partition key and a sort key satisfying the condition. */
    public boolean test(Map<String, AttributeValue> item) {
        if (item == null || !AttributeValues.equal(item.get(keySchema.hashKey()), partitionKey)) {
            return false;
        }
        return sortKeyCondition == null || sortKeyCondition.test(item.get(keySchema.rangeKey()));
    }
}
