package dev.ddb.item.operation;

import java.util.Map;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.attribute.AttributeValueJson;
import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.key.KeyEncoding;
import dev.ddb.common.table.KeySchema;
import dev.ddb.common.table.ScalarAttributeType;
import dev.ddb.item.expression.AttributeValues;
import dev.ddb.item.expression.KeyCondition;
import dev.ddb.item.expression.SortKeyCondition;
import dev.ddb.item.key.PrimaryKeys;
import tools.jackson.databind.node.ObjectNode;

/**
 * The ExclusiveStartKey of a Query or Scan, with DynamoDB's checks: its values when the request
 * is read, then against the key schema (Query and Scan word it differently), then against what
 * the read covers (a Query's key condition, a parallel Scan's segment).
 */
record ExclusiveStartKey(Map<String, AttributeValue> attributes) {

    private static final String INVALID = "The provided starting key is invalid";

    /** Null when the request has none. */
    static ExclusiveStartKey read(ObjectNode request) {
        if (!request.hasNonNull("ExclusiveStartKey")) {
            return null;
        }
        try {
            return new ExclusiveStartKey(AttributeValueJson.readItem(request.get("ExclusiveStartKey")));
        } catch (DynamoDbException e) {
            throw "ValidationException".equals(e.code()) ? invalid(e) : e;
        }
    }

    /** A Query checks the key's size before the key attributes one by one ({@link #checkQueryKeyAttribute}). */
    void checkQueryKeyCount(KeySchema schema) {
        if (attributes.size() != schema.keyCount()) {
            throw DynamoDbException.validation(INVALID);
        }
    }

    /** A Query's check of one key attribute, made just before the key condition's on the same attribute. */
    void checkQueryKeyAttribute(KeySchema schema, String attribute) {
        AttributeValue value = attributes.get(attribute);
        if (value == null) {
            throw DynamoDbException.validation(INVALID);
        }
        boolean partitionKey = attribute.equals(schema.hashKey());
        ScalarAttributeType type = partitionKey ? schema.hashKeyType() : schema.rangeKeyType();
        if (!PrimaryKeys.hasType(value, type)) {
            throw PrimaryKeys.mismatch();
        }
        if (partitionKey) {
            PrimaryKeys.checkPartitionKeySize(value);
        } else {
            PrimaryKeys.checkSortKeySize(value);
        }
    }

    /** A Query may only resume inside what its key condition reads. */
    void checkWithin(KeyCondition condition) {
        KeySchema schema = condition.keySchema();
        boolean samePartition = AttributeValues.equal(attributes.get(schema.hashKey()), condition.partitionKey());
        SortKeyCondition sortKey = condition.sortKeyCondition();
        if (sortKey == null) {
            if (!samePartition) {
                throw DynamoDbException.validation(
                        "The provided starting key is outside query boundaries based on provided conditions");
            }
            return;
        }
        if (!sortKey.test(attributes.get(schema.rangeKey()))) {
            throw DynamoDbException.validation("The provided starting key does not match the range key predicate");
        }
        if (!samePartition) {
            throw DynamoDbException.validation("The query can return at most one row and cannot be restarted");
        }
    }

    /** A Scan words every problem with the key as an invalid starting key. */
    byte[] encodedForScan(KeySchema schema) {
        try {
            return PrimaryKeys.ofKey(schema, attributes);
        } catch (DynamoDbException e) {
            throw invalid(e);
        }
    }

    /** A parallel Scan may only resume in its own segment. */
    void checkIn(ScanSegment segment, KeySchema schema) {
        if (!segment.containsPartition(attributes.get(schema.hashKey()))) {
            throw DynamoDbException.validation(INVALID + ": Invalid ExclusiveStartKey. Please use ExclusiveStartKey "
                    + "with correct Segment. TotalSegments: " + segment.totalSegments() + " Segment: " + segment.segment());
        }
    }

    /** The encoded key to resume after; the key must have passed the checks above. */
    byte[] encoded(KeySchema schema) {
        return KeyEncoding.encode(attributes.get(schema.hashKey()),
                schema.hasRangeKey() ? attributes.get(schema.rangeKey()) : null);
    }

    private static DynamoDbException invalid(DynamoDbException cause) {
        return DynamoDbException.validation(INVALID + ": " + cause.getMessage());
    }
}
