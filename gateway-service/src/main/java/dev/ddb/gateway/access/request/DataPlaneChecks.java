package dev.ddb.gateway.access.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

import dev.ddb.gateway.access.policy.EvaluationContext;

/**
 * The checks of item operations, Query, Scan, batches and transactions. Batches need
 * {@code dynamodb:BatchGetItem}/{@code dynamodb:BatchWriteItem} on each table; transactions need
 * each entry's own action ({@code dynamodb:PutItem}, {@code UpdateItem}, {@code DeleteItem},
 * {@code ConditionCheckItem}, {@code GetItem}), as DynamoDB requires. Every entry is its own check,
 * with its own leading key and attributes, so one foreign entry denies the whole request.
 */
final class DataPlaneChecks {

    private final DynamoDbArns arns;
    private final PartitionKeys partitionKeys;
    private final EvaluationContext base;

    DataPlaneChecks(DynamoDbArns arns, PartitionKeys partitionKeys, EvaluationContext base) {
        this.arns = arns;
        this.partitionKeys = partitionKeys;
        this.base = base;
    }

    List<AccessCheck> getItem(JsonNode request) {
        return List.of(read("dynamodb:GetItem", request, text(request, "TableName"), request.path("Key")).build());
    }

    List<AccessCheck> putItem(JsonNode request) {
        return List.of(put("dynamodb:PutItem", request, request)
                .parameter(ItemAccess.RETURN_VALUES, request.get("ReturnValues"), "NONE").build());
    }

    List<AccessCheck> updateItem(JsonNode request) {
        return List.of(update("dynamodb:UpdateItem", request, request)
                .parameter(ItemAccess.RETURN_VALUES, request.get("ReturnValues"), "NONE").build());
    }

    List<AccessCheck> deleteItem(JsonNode request) {
        return List.of(keyed("dynamodb:DeleteItem", request, request)
                .parameter(ItemAccess.RETURN_VALUES, request.get("ReturnValues"), "NONE").build());
    }

    List<AccessCheck> query(JsonNode request) {
        String table = text(request, "TableName");
        String index = text(request, "IndexName");
        ItemAccess access = search("dynamodb:Query", request, table, index)
                .expression(request, "KeyConditionExpression")
                .attributeNamesOf(request.get("KeyConditions"))
                .attributeNamesOf(request.get("QueryFilter"));
        PartitionKeys.Found partitionKey = partitionKeys.of(table, index);
        if (partitionKey.tracked()) {
            access.leadingKey(partitionKeyValue(request, partitionKey.name()), partitionKey);
        }
        return List.of(access.build());
    }

    /** A Scan reads every partition: dynamodb:LeadingKeys does not apply to it, as in DynamoDB. */
    List<AccessCheck> scan(JsonNode request) {
        return List.of(search("dynamodb:Scan", request, text(request, "TableName"), text(request, "IndexName"))
                .attributeNamesOf(request.get("ScanFilter")).build());
    }

    List<AccessCheck> batchGetItem(JsonNode request) {
        List<AccessCheck> checks = new ArrayList<>();
        for (Map.Entry<String, JsonNode> table : request.path("RequestItems").properties()) {
            JsonNode keysAndAttributes = table.getValue();
            for (JsonNode key : keysAndAttributes.path("Keys")) {
                checks.add(read("dynamodb:BatchGetItem", keysAndAttributes, table.getKey(), key)
                        .parameter(ItemAccess.RETURN_CONSUMED_CAPACITY, request.get("ReturnConsumedCapacity"), "NONE")
                        .build());
            }
        }
        return checks;
    }

    List<AccessCheck> batchWriteItem(JsonNode request) {
        List<AccessCheck> checks = new ArrayList<>();
        for (Map.Entry<String, JsonNode> table : request.path("RequestItems").properties()) {
            PartitionKeys.Found partitionKey = partitionKeys.of(table.getKey(), null);
            for (JsonNode writeRequest : table.getValue()) {
                JsonNode keyOrItem = writeRequest.has("PutRequest") ? writeRequest.path("PutRequest").path("Item")
                        : writeRequest.path("DeleteRequest").path("Key");
                checks.add(new ItemAccess("dynamodb:BatchWriteItem", arns.table(table.getKey()), base)
                        .leadingKeyOf(keyOrItem, partitionKey)
                        .attributeNamesOf(keyOrItem)
                        .parameter(ItemAccess.RETURN_CONSUMED_CAPACITY, request.get("ReturnConsumedCapacity"), "NONE")
                        .build());
            }
        }
        return checks;
    }

    List<AccessCheck> transactGetItems(JsonNode request) {
        List<AccessCheck> checks = new ArrayList<>();
        for (JsonNode item : request.path("TransactItems")) {
            JsonNode get = item.path("Get");
            checks.add(read("dynamodb:GetItem", get, text(get, "TableName"), get.path("Key"))
                    .parameter(ItemAccess.RETURN_CONSUMED_CAPACITY, request.get("ReturnConsumedCapacity"), "NONE")
                    .parameter(ItemAccess.ENCLOSING_OPERATION, null, "TransactGetItems")
                    .build());
        }
        return checks;
    }

    List<AccessCheck> transactWriteItems(JsonNode request) {
        List<AccessCheck> checks = new ArrayList<>();
        for (JsonNode item : request.path("TransactItems")) {
            ItemAccess access;
            if (item.has("Put")) {
                access = put("dynamodb:PutItem", item.get("Put"), request);
            } else if (item.has("Update")) {
                access = update("dynamodb:UpdateItem", item.get("Update"), request);
            } else if (item.has("Delete")) {
                access = keyed("dynamodb:DeleteItem", item.get("Delete"), request);
            } else {
                access = keyed("dynamodb:ConditionCheckItem", item.path("ConditionCheck"), request);
            }
            checks.add(access.parameter(ItemAccess.ENCLOSING_OPERATION, null, "TransactWriteItems").build());
        }
        return checks;
    }

    /** GetItem, a BatchGetItem key, a TransactGetItems Get: one key, a projection. */
    private ItemAccess read(String action, JsonNode entry, String table, JsonNode key) {
        return new ItemAccess(action, arns.table(table), base)
                .leadingKeyOf(key, partitionKeys.of(table, null))
                .attributeNamesOf(key)
                .expression(entry, "ProjectionExpression")
                .names(entry.get("AttributesToGet"))
                .select(entry, false)
                .parameter(ItemAccess.RETURN_CONSUMED_CAPACITY, entry.get("ReturnConsumedCapacity"), "NONE");
    }

    /** PutItem or a transaction's Put: the whole item is written. */
    private ItemAccess put(String action, JsonNode entry, JsonNode request) {
        String table = text(entry, "TableName");
        JsonNode item = entry.path("Item");
        return conditional(new ItemAccess(action, arns.table(table), base)
                .leadingKeyOf(item, partitionKeys.of(table, null))
                .attributeNamesOf(item), entry, request);
    }

    /** UpdateItem or a transaction's Update: the key, the updated paths and what the update reads. */
    private ItemAccess update(String action, JsonNode entry, JsonNode request) {
        return keyed(action, entry, request)
                .expression(entry, "UpdateExpression")
                .attributeNamesOf(entry.get("AttributeUpdates"));
    }

    /** Any access to one item by its Key, with its condition. */
    private ItemAccess keyed(String action, JsonNode entry, JsonNode request) {
        String table = text(entry, "TableName");
        JsonNode key = entry.path("Key");
        return conditional(new ItemAccess(action, arns.table(table), base)
                .leadingKeyOf(key, partitionKeys.of(table, null))
                .attributeNamesOf(key), entry, request);
    }

    private static ItemAccess conditional(ItemAccess access, JsonNode entry, JsonNode request) {
        return access.expression(entry, "ConditionExpression")
                .attributeNamesOf(entry.get("Expected"))
                .parameter(ItemAccess.RETURN_CONSUMED_CAPACITY, request.get("ReturnConsumedCapacity"), "NONE");
    }

    /** Query and Scan: a table or an index, a projection, a filter. */
    private ItemAccess search(String action, JsonNode request, String table, String index) {
        String resource = index == null ? arns.table(table) : arns.index(table, index);
        return new ItemAccess(action, resource, base)
                .expression(request, "ProjectionExpression")
                .names(request.get("AttributesToGet"))
                .expression(request, "FilterExpression")
                .select(request, index != null)
                .parameter(ItemAccess.RETURN_CONSUMED_CAPACITY, request.get("ReturnConsumedCapacity"), "NONE");
    }

    /** The partition key value of a Query: its key condition's equality, or the legacy KeyConditions EQ. */
    private static JsonNode partitionKeyValue(JsonNode request, String partitionKey) {
        if (partitionKey == null) {
            return null;
        }
        JsonNode expression = request.get("KeyConditionExpression");
        if (expression != null && expression.isString()) {
            Optional<String> placeholder = ExpressionNames.equalityValue(expression.stringValue(),
                    request.get("ExpressionAttributeNames"), partitionKey);
            return placeholder.map(p -> request.path("ExpressionAttributeValues").get(p)).orElse(null);
        }
        JsonNode condition = request.path("KeyConditions").path(partitionKey);
        if ("EQ".equals(condition.path("ComparisonOperator").asString(null))) {
            return condition.path("AttributeValueList").get(0);
        }
        return null;
    }

    static String text(JsonNode request, String field) {
        JsonNode value = request.get(field);
        return value != null && value.isString() ? value.stringValue() : null;
    }
}
