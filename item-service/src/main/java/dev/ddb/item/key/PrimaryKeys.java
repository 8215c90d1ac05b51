package dev.ddb.item.key;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.key.KeyEncoding;
import dev.ddb.common.table.KeySchema;
import dev.ddb.common.table.ScalarAttributeType;

/** Takes the primary key out of an item or a Key parameter, with DynamoDB's checks and messages. */
public final class PrimaryKeys {

    public static final int MAX_PARTITION_KEY_BYTES = 2048;
    public static final int MAX_SORT_KEY_BYTES = 1024;

    private PrimaryKeys() {
    }

    /** The encoded key of an item being written (PutItem): key attributes must be present and typed right. */
    public static byte[] ofItem(KeySchema schema, Map<String, AttributeValue> item) {
        AttributeValue hash = itemKeyAttribute(item, schema.hashKey(), schema.hashKeyType());
        checkSize(schema.hashKey(), hash, MAX_PARTITION_KEY_BYTES,
                "Size of hashkey has exceeded the maximum size limit of 2048 bytes");
        AttributeValue range = null;
        if (schema.hasRangeKey()) {
            range = itemKeyAttribute(item, schema.rangeKey(), schema.rangeKeyType());
            checkSize(schema.rangeKey(), range, MAX_SORT_KEY_BYTES,
                    "Aggregated size of all range keys has exceeded the size limit of 1024 bytes");
        }
        return KeyEncoding.encode(hash, range);
    }

    /** The encoded key of a Key parameter (GetItem, DeleteItem, ...): exactly the key attributes. */
    public static byte[] ofKey(KeySchema schema, Map<String, AttributeValue> key) {
        if (key.size() != schema.keyCount()) {
            throw mismatch();
        }
        AttributeValue hash = keyAttribute(key, schema.hashKey(), schema.hashKeyType());
        AttributeValue range = schema.hasRangeKey() ? keyAttribute(key, schema.rangeKey(), schema.rangeKeyType()) : null;
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

    private static AttributeValue itemKeyAttribute(Map<String, AttributeValue> item, String name, ScalarAttributeType type) {
        AttributeValue value = item.get(name);
        if (value == null) {
            throw DynamoDbException.invalidParameter("Missing the key " + name + " in the item");
        }
        if (!value.type().equals(type.name())) {
            throw DynamoDbException.invalidParameter(
                    "Type mismatch for key " + name + " expected: " + type + " actual: " + value.type());
        }
        rejectEmpty(name, value);
        return value;
    }

    private static AttributeValue keyAttribute(Map<String, AttributeValue> key, String name, ScalarAttributeType type) {
        AttributeValue value = key.get(name);
        if (value == null || !value.type().equals(type.name())) {
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

    private static void checkSize(String name, AttributeValue value, int limit, String message) {
        int size;
        if (value instanceof AttributeValue.S s) {
            size = s.value().getBytes(StandardCharsets.UTF_8).length;
        } else if (value instanceof AttributeValue.B b) {
            size = b.value().length;
        } else {
            return; // numbers are at most 38 digits
        }
        if (size > limit) {
            throw DynamoDbException.invalidParameter(message);
        }
    }

    private static DynamoDbException mismatch() {
        return DynamoDbException.validation("The provided key element does not match the schema");
    }
}
