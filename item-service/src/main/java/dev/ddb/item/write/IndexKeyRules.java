package dev.ddb.item.write;

import java.util.Map;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.table.KeySchema;
import dev.ddb.common.table.ScalarAttributeType;
import dev.ddb.common.table.SecondaryIndex;
import dev.ddb.common.table.TableDescription;
import dev.ddb.item.key.PrimaryKeys;

/**
 * DynamoDB's checks of an item's index key attributes: an item may lack them (it is then not in
 * the index), but one it has must be of the type AttributeDefinitions gives, not empty, and
 * within the key size limits.
 */
public final class IndexKeyRules {

    private IndexKeyRules() {
    }

    public static void check(TableDescription table, Map<String, AttributeValue> item) {
        for (SecondaryIndex index : table.secondaryIndexes()) {
            KeySchema key = index.keySchema();
            check(index, key.hashKey(), key.hashKeyType(), item.get(key.hashKey()), true);
            if (key.hasRangeKey()) {
                check(index, key.rangeKey(), key.rangeKeyType(), item.get(key.rangeKey()), false);
            }
        }
    }

    private static void check(SecondaryIndex index, String name, ScalarAttributeType type, AttributeValue value,
                              boolean partitionKey) {
        if (value == null) {
            return;
        }
        if (!PrimaryKeys.hasType(value, type)) {
            throw DynamoDbException.invalidParameter("Type mismatch for Index Key " + name + " Expected: " + type
                    + " Actual: " + value.type() + " IndexName: " + index.indexName());
        }
        boolean emptyString = value instanceof AttributeValue.S s && s.value().isEmpty();
        boolean emptyBinary = value instanceof AttributeValue.B b && b.value().length == 0;
        if (emptyString || emptyBinary) {
            throw DynamoDbException.validation("One or more parameter values are not valid. A value specified for a "
                    + "secondary index key is not supported. The AttributeValue for a key attribute cannot contain an empty "
                    + (emptyString ? "string" : "binary") + " value. IndexName: " + index.indexName() + ", IndexKey: " + name);
        }
        if (partitionKey) {
            PrimaryKeys.checkPartitionKeySize(value);
        } else {
            PrimaryKeys.checkSortKeySize(value);
        }
    }
}
