package dev.ddb.item.operation;

import java.util.Arrays;
import java.util.Map;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.key.KeyEncoding;
import dev.ddb.common.table.KeySchema;
import tools.jackson.databind.node.ObjectNode;

/**
 * A parallel Scan's Segment of TotalSegments: the partitions whose key hashes to it, so each item
 * belongs to exactly one segment and a partition's items stay together.
 */
record ScanSegment(int segment, int totalSegments) {

    private static final int MAX_TOTAL_SEGMENTS = 1_000_000;

    /** Null for a whole-table scan. */
    static ScanSegment of(ObjectNode request) {
        boolean hasSegment = request.hasNonNull("Segment");
        boolean hasTotal = request.hasNonNull("TotalSegments");
        if (!hasSegment && !hasTotal) {
            return null;
        }
        if (!hasTotal) {
            throw DynamoDbException.validation(
                    "The TotalSegments parameter is required but was not present in the request when Segment parameter is present");
        }
        if (!hasSegment) {
            throw DynamoDbException.validation(
                    "The Segment parameter is required but was not present in the request when parameter TotalSegments is present");
        }
        int total = request.get("TotalSegments").asInt();
        int segment = request.get("Segment").asInt();
        if (total < 1 || total > MAX_TOTAL_SEGMENTS) {
            throw DynamoDbException.validation("1 validation error detected: Value '" + total
                    + "' at 'totalSegments' failed to satisfy constraint: Member must have value "
                    + (total < 1 ? "greater than or equal to 1" : "less than or equal to 1000000"));
        }
        if (segment < 0) {
            throw DynamoDbException.validation("1 validation error detected: Value '" + segment
                    + "' at 'segment' failed to satisfy constraint: Member must have value greater than or equal to 0");
        }
        if (segment >= total) {
            throw DynamoDbException.validation("The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: "
                    + segment + " is not less than TotalSegments: " + total);
        }
        return new ScanSegment(segment, total);
    }

    boolean containsPartition(AttributeValue partitionKey) {
        return Math.floorMod(Arrays.hashCode(KeyEncoding.partitionPrefix(partitionKey)), totalSegments) == segment;
    }

    boolean contains(Map<String, AttributeValue> item, KeySchema keySchema) {
        return containsPartition(item.get(keySchema.hashKey()));
    }
}
