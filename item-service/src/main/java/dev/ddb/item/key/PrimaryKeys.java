package dev.ddb.item.key;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.attribute.ItemSize;
import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.key.KeyEncoding;
import dev.ddb.common.table.KeySchema;
import dev.ddb.common.table.ScalarAttributeType;

/**
 * Takes the primary key out of an item or a Key parameter, with DynamoDB's checks and messages.
 * Reads check key values as writes do: a key DynamoDB could never store is an error, not a miss.
 */
public final class PrimaryKeys {

    public static final int MAX_PARTITION_KEY_BYTES = 2048;
    public static final int MAX_SORT_KEY_BYTES = 1024;

    private PrimaryKeys() {
    }

    /** The encoded key of an item being written (PutItem): key attributes must be present and typed right. */
    public static byte[] ofItem(KeySchema schema, Map<String, AttributeValue> item) {
        AttributeValue hash = itemKeyAttribute(item, schema.hashKey(), schema.hashKeyType());
        checkPartitionKeySize(hash);
        AttributeValue range = null;
        if (schema.hasRangeKey()) {
            range = itemKeyAttribute(item, schema.rangeKey(), schema.rangeKeyType());
            checkSortKeySize(range);
        }
        return KeyEncoding.encode(hash, range);
    }

    /** A BatchWriteItem PutRequest's key: DynamoDB words a missing or mistyped key attribute there as a key mismatch. */
    public static byte[] ofBatchItem(KeySchema schema, Map<String, AttributeValue> item) {
        if (!hasType(item.get(schema.hashKey()), schema.hashKeyType())
                || (schema.hasRangeKey() && !hasType(item.get(schema.rangeKey()), schema.rangeKeyType()))) {
            throw mismatch();
        }
        return ofItem(schema, item);
    }

    /** The encoded key of a Key parameter (GetItem, DeleteItem, ...): exactly the key attributes. */
    public static byte[] ofKey(KeySchema schema, Map<String, AttributeValue> key) {
        if (key.size() != schema.keyCount()) {
            throw mismatch();
        }
        AttributeValue hash = keyAttribute(key, schema.hashKey(), schema.hashKeyType());
        checkPartitionKeySize(hash);
        AttributeValue range = null;
        if (schema.hasRangeKey()) {
            range = keyAttribute(key, schema.rangeKey(), schema.rangeKeyType());
            checkSortKeySize(range);
        }
        return KeyEncoding.encode(hash, range);
    }

    /** The key attributes of a stored item (a LastEvaluatedKey, a change record's Keys). */
    public static Map<String, AttributeValue> attributesOf(KeySchema schema, Map<String, AttributeValue> item) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        key.put(schema.hashKey(), item.get(schema.hashKey()));
        if (schema.hasRangeKey()) {
            key.put(schema.rangeKey(), item.get(schema.rangeKey()));
        }
        return key;
    }

    /** The key attribute names in key schema order, the order DynamoDB checks and reports them in. */
    public static List<String> attributeNames(KeySchema schema) {
        return schema.hasRangeKey() ? List.of(schema.hashKey(), schema.rangeKey()) : List.of(schema.hashKey());
    }

    /** A partition key value over 2048 bytes (the message's missing space is DynamoDB's). */
    public static void checkPartitionKeySize(AttributeValue value) {
        if (bytes(value) > MAX_PARTITION_KEY_BYTES) {
            throw DynamoDbException.invalidParameter("Size of hashkey has exceeded the maximum size limit of2048 bytes");
        }
    }

    public static void checkSortKeySize(AttributeValue value) {
        if (bytes(value) > MAX_SORT_KEY_BYTES) {
            throw DynamoDbException.invalidParameter(
                    "Aggregated size of all range keys has exceeded the size limit of 1024 bytes");
        }
    }

    /** Whether a value can be the key attribute of the given type (numbers are at most 38 digits, always small). */
    public static boolean hasType(AttributeValue value, ScalarAttributeType type) {
        return value != null && value.type().equals(type.name());
    }

    public static DynamoDbException mismatch() {
        return new KeySchemaMismatch("The provided key element does not match the schema");
    }

    private static AttributeValue itemKeyAttribute(Map<String, AttributeValue> item, String name, ScalarAttributeType type) {
        AttributeValue value = item.get(name);
        if (value == null) {
            throw DynamoDbException.invalidParameter("Missing the key " + name + " in the item");
        }
        if (!hasType(value, type)) {
            throw new KeySchemaMismatch("One or more parameter values were invalid: Type mismatch for key " + name
                    + " expected: " + type + " actual: " + value.type());
        }
        rejectEmpty(name, value);
        return value;
    }

    private static AttributeValue keyAttribute(Map<String, AttributeValue> key, String name, ScalarAttributeType type) {
        AttributeValue value = key.get(name);
        if (!hasType(value, type)) {
            throw mismatch();
        }
        rejectEmpty(name, value);
        return value;
    }

    private static void rejectEmpty(String name, AttributeValue value) {
        if (value instanceof AttributeValue.S s && s.value().isEmpty()) {
            throw DynamoDbException.validation("One or more parameter values are not valid. The AttributeValue for a key "
                    + "attribute cannot contain an empty string value. Key: " + name);
        }
        if (value instanceof AttributeValue.B b && b.value().length == 0) {
            throw DynamoDbException.validation("One or more parameter values are not valid. The AttributeValue for a key "
                    + "attribute cannot contain an empty binary value. Key: " + name);
        }
    }

    private static int bytes(AttributeValue value) {
        if (value instanceof AttributeValue.S s) {
            return ItemSize.utf8Length(s.value());
        }
        if (value instanceof AttributeValue.B b) {
            return b.value().length;
        }
        return 0; // numbers are at most 38 digits
    }
}
