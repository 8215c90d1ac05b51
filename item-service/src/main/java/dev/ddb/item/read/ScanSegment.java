package dev.ddb.item.read;

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
public record ScanSegment(int segment, int totalSegments) {

    /** Null for a whole-table scan. */
    public static ScanSegment of(ObjectNode request) {
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
        // Their ranges are the API model's constraints, checked already.
        int total = request.get("TotalSegments").intValue();
        int segment = request.get("Segment").intValue();
        if (segment >= total) {
            throw DynamoDbException.validation("The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: "
                    + segment + " is not less than TotalSegments: " + total);
        }
        return new ScanSegment(segment, total);
    }

    public boolean containsPartition(AttributeValue partitionKey) {
        return Math.floorMod(Arrays.hashCode(KeyEncoding.partitionPrefix(partitionKey)), totalSegments) == segment;
    }

    public boolean contains(Map<String, AttributeValue> item, KeySchema keySchema) {
        return containsPartition(item.get(keySchema.hashKey()));
    }
}
