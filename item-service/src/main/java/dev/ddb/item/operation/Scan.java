package dev.ddb.item.operation;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Predicate;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.key.KeyEncoding;
import dev.ddb.common.protocol.Operation;
import dev.ddb.item.expression.Condition;
import dev.ddb.item.expression.Projection;
import dev.ddb.item.expression.legacy.ParameterMixing;
import dev.ddb.item.key.PrimaryKeys;
import dev.ddb.item.storage.ItemStore;
import dev.ddb.item.storage.KeyRange;
import dev.ddb.item.table.TableSchema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Scan: every item of the table in key order, filtered and paged. A parallel scan's segment is
 * the set of partitions whose key hashes to it, so each item belongs to exactly one segment.
 */
public final class Scan implements Operation {

    private static final int MAX_TOTAL_SEGMENTS = 1_000_000;

    private final ItemStore store;

    public Scan(ItemStore store) {
        this.store = store;
    }

    @Override
    public JsonNode invoke(ObjectNode request) {
        TableSchema table = Tables.require(store, RequestParameters.tableName(request));
        if (request.hasNonNull("IndexName")) {
            throw DynamoDbException.validation("The table does not have the specified index: " + request.get("IndexName").asString());
        }
        RequestExpressions expressions = RequestExpressions.of(request, ParameterMixing.SCAN);
        Condition filter = expressions.filter("ScanFilter");
        Projection projection = expressions.projection();
        expressions.assertAllUsed();
        Select select = Select.of(request, projection, false);
        Integer limit = RequestParameters.positiveInt(request, "Limit");
        Map<String, AttributeValue> startKey = RequestParameters.optionalAttributeMap(request, "ExclusiveStartKey");
        byte[] exclusiveStart = startKey == null ? null : PrimaryKeys.ofKey(table.keySchema(), startKey);
        Predicate<Map<String, AttributeValue>> segment = segment(request, table);

        ReadPage page = ReadPage.read(store.range(table, KeyRange.all(), true, exclusiveStart),
                limit, filter, segment, table.keySchema());
        return ReadResponse.of(request, table.tableName(), page, select, projection,
                RequestParameters.flag(request, "ConsistentRead"));
    }

    private static Predicate<Map<String, AttributeValue>> segment(ObjectNode request, TableSchema table) {
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
        String hashKey = table.keySchema().hashKey();
        return item -> Math.floorMod(Arrays.hashCode(KeyEncoding.partitionPrefix(item.get(hashKey))), total) == segment;
    }
}
