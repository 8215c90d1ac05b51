package dev.ddb.item.read;

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
import dev.ddb.item.key.IndexKeys;
import dev.ddb.item.key.PrimaryKeys;
import tools.jackson.databind.node.ObjectNode;

/**
 * The ExclusiveStartKey of a Query or Scan, with DynamoDB's checks: its values when the request
 * is read, then against the key schema (Query and Scan word it differently), then against what
 * the read covers (a Query's key condition, a parallel Scan's segment).
 */
public record ExclusiveStartKey(Map<String, AttributeValue> attributes) {

    private static final String INVALID = "The provided starting key is invalid";

    /** Null when the request has none. */
    public static ExclusiveStartKey read(ObjectNode request) {
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
    public void checkQueryKeyCount(ReadTarget target) {
        if (attributes.size() != target.keyAttributes().size()) {
            throw DynamoDbException.validation(INVALID);
        }
    }

    /** A Query's check of one key attribute, made just before the key condition's on the same attribute. */
    public void checkQueryKeyAttribute(KeySchema schema, String attribute) {
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
    public void checkWithin(KeyCondition condition) {
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

    /** On an index, a Query's key must also hold the table's key attributes, of their types. */
    public void checkTableKey(ReadTarget target) {
        KeySchema tableKey = target.table().keySchema();
        for (String name : PrimaryKeys.attributeNames(tableKey)) {
            ScalarAttributeType type = name.equals(tableKey.hashKey()) ? tableKey.hashKeyType() : tableKey.rangeKeyType();
            if (!PrimaryKeys.hasType(attributes.get(name), type)) {
                throw DynamoDbException.validation(INVALID);
            }
        }
    }

    /** A Scan words every problem with the key as an invalid starting key. */
    public byte[] encodedForScan(ReadTarget target) {
        try {
            byte[] tableKey = PrimaryKeys.ofKey(target.table().keySchema(),
                    target.onIndex() ? only(PrimaryKeys.attributeNames(target.table().keySchema())) : attributes);
            if (!target.onIndex()) {
                return tableKey;
            }
            if (attributes.size() != target.keyAttributes().size()) {
                throw PrimaryKeys.mismatch();
            }
            KeySchema indexKey = target.keySchema();
            if (!PrimaryKeys.hasType(attributes.get(indexKey.hashKey()), indexKey.hashKeyType())
                    || (indexKey.hasRangeKey() && !PrimaryKeys.hasType(attributes.get(indexKey.rangeKey()), indexKey.rangeKeyType()))) {
                throw PrimaryKeys.mismatch();
            }
            return encoded(target);
        } catch (DynamoDbException e) {
            throw invalid(e);
        }
    }

    private Map<String, AttributeValue> only(java.util.List<String> names) {
        Map<String, AttributeValue> subset = new java.util.LinkedHashMap<>();
        for (String name : names) {
            if (attributes.containsKey(name)) {
                subset.put(name, attributes.get(name));
            }
        }
        return subset;
    }

    /** A parallel Scan may only resume in its own segment. */
    public void checkIn(ScanSegment segment, KeySchema schema) {
        if (!segment.containsPartition(attributes.get(schema.hashKey()))) {
            throw DynamoDbException.validation(INVALID + ": Invalid ExclusiveStartKey. Please use ExclusiveStartKey "
                    + "with correct Segment. TotalSegments: " + segment.totalSegments() + " Segment: " + segment.segment());
        }
    }

    /** The encoded key to resume after; the key must have passed the checks above. */
    public byte[] encoded(ReadTarget target) {
        KeySchema tableKey = target.table().keySchema();
        AttributeValue tableRange = tableKey.hasRangeKey() ? attributes.get(tableKey.rangeKey()) : null;
        if (!target.onIndex()) {
            return KeyEncoding.encode(attributes.get(tableKey.hashKey()), tableRange);
        }
        KeySchema indexKey = target.keySchema();
        return IndexKeys.encode(attributes.get(indexKey.hashKey()),
                indexKey.hasRangeKey() ? attributes.get(indexKey.rangeKey()) : null, attributes.get(tableKey.hashKey()), tableRange);
    }

    private static DynamoDbException invalid(DynamoDbException cause) {
        return DynamoDbException.validation(INVALID + ": " + cause.getMessage());
    }
}
