package dev.ddb.item.operation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.attribute.AttributeValueJson;
import dev.ddb.common.attribute.ItemSize;
import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.json.Json;
import dev.ddb.common.protocol.Operation;
import dev.ddb.common.protocol.RequestContext;
import dev.ddb.common.table.TableDescription;
import dev.ddb.item.capacity.CapacityLimits;
import dev.ddb.item.capacity.CapacityUse;
import dev.ddb.item.capacity.ConsumedCapacity;
import dev.ddb.item.capacity.ReturnConsumedCapacity;
import dev.ddb.item.expression.Projection;
import dev.ddb.item.expression.legacy.ParameterMixing;
import dev.ddb.item.key.PrimaryKeys;
import dev.ddb.item.request.RequestParameters;
import dev.ddb.item.storage.ItemStore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * BatchGetItem: up to 100 keys over several tables. The whole request is checked before any
 * table is looked up, then every table and key. Once the items would take the response past
 * 16 MB, that key and all after it come back in UnprocessedKeys for the client to ask again.
 */
public final class BatchGetItem implements Operation {

    private static final int MAX_KEYS = 100;
    private static final long MAX_RESPONSE_BYTES = 16L * 1024 * 1024;

    private final ItemStore store;
    private final CapacityLimits limits;

    public BatchGetItem(ItemStore store, CapacityLimits limits) {
        this.store = store;
        this.limits = limits;
    }

    /** One table's part of the request, as checked before the table is looked up. */
    private record TableRequest(String tableName, ObjectNode request, List<Map<String, AttributeValue>> keys,
                                Projection projection, boolean consistentRead) {
    }

    /** One table's keys, checked against its key schema. */
    private record TableRead(TableDescription table, TableRequest request, List<byte[]> keys) {
    }

    @Override
    public JsonNode invoke(RequestContext context, ObjectNode request) {
        List<TableRequest> requests = read(request);
        ReturnConsumedCapacity capacity = ReturnConsumedCapacity.of(request);
        List<TableRead> reads = new ArrayList<>();
        for (TableRequest tableRequest : requests) {
            reads.add(resolve(context, tableRequest));
        }

        ObjectNode response = Json.object();
        ObjectNode responses = response.putObject("Responses");
        ObjectNode unprocessed = response.putObject("UnprocessedKeys");
        ArrayNode consumed = Json.array();
        long responseBytes = 0;
        boolean full = false;
        TableDescription throttled = null;
        boolean processed = false;
        for (TableRead read : reads) {
            ArrayNode items = responses.putArray(read.table().tableName());
            List<Map<String, AttributeValue>> left = new ArrayList<>();
            double units = 0;
            for (int i = 0; i < read.keys().size(); i++) {
                if (!full && !limits.canRead(read.table())) {
                    // out of read capacity: the key comes back unprocessed, as in DynamoDB
                    throttled = throttled == null ? read.table() : throttled;
                    left.add(read.request().keys().get(i));
                    continue;
                }
                Map<String, AttributeValue> item = full ? null : store.get(read.table(), read.keys().get(i));
                Map<String, AttributeValue> returned = item == null || read.request().projection() == null
                        ? item : read.request().projection().project(item);
                int returnedBytes = returned == null ? 0 : ItemSize.of(returned);
                if (full || responseBytes + returnedBytes > MAX_RESPONSE_BYTES) {
                    full = true;
                    left.add(read.request().keys().get(i));
                    continue;
                }
                responseBytes += returnedBytes;
                if (returned != null) {
                    items.add(AttributeValueJson.writeItem(returned));
                }
                // a missing item costs a read as well
                double keyUnits = ConsumedCapacity.readUnits(item == null ? 0 : ItemSize.of(item), read.request().consistentRead());
                limits.charge(read.table(), CapacityUse.ofTable(read.table().tableName(), keyUnits), false);
                units += keyUnits;
                processed = true;
            }
            if (!left.isEmpty()) {
                ObjectNode again = read.request().request().deepCopy();
                ArrayNode keys = again.putArray("Keys");
                left.forEach(key -> keys.add(AttributeValueJson.writeItem(key)));
                unprocessed.set(read.table().tableName(), again);
            }
            consumed.add(ConsumedCapacity.of(capacity, read.table().tableName(), units));
        }
        if (throttled != null && !processed) {
            throw limits.exceeded(throttled, false); // DynamoDB fails the call only when it could read none of the keys
        }
        if (capacity.wanted()) {
            response.set("ConsumedCapacity", consumed);
        }
        return response;
    }

    /** Everything DynamoDB checks before it looks at the tables. */
    private static List<TableRequest> read(ObjectNode request) {
        // Presence and sizes of RequestItems and each Keys list are the API model's constraints, checked already.
        JsonNode requestItems = request.get("RequestItems");
        List<TableRequest> requests = new ArrayList<>();
        int total = 0;
        // one kind of projection for the whole request, as within one table's (DynamoDB refuses the mix across tables too)
        ObjectNode projections = Json.object();
        for (JsonNode tableRequest : requestItems) {
            for (String member : List.of("ProjectionExpression", "AttributesToGet")) {
                JsonNode value = tableRequest.get(member);
                if (value != null && !value.isNull()) {
                    projections.set(member, value);
                }
            }
        }
        ParameterMixing.GET_ITEM.check(projections);
        for (Map.Entry<String, JsonNode> entry : requestItems.properties()) {
            ObjectNode tableRequest = (ObjectNode) entry.getValue();
            RequestExpressions expressions = RequestExpressions.of(tableRequest, ParameterMixing.GET_ITEM);
            JsonNode keys = tableRequest.path("Keys");
            List<Map<String, AttributeValue>> parsed = new ArrayList<>();
            Set<Map<String, AttributeValue>> seen = new HashSet<>();
            for (JsonNode key : keys) {
                Map<String, AttributeValue> attributes = AttributeValueJson.readItem(key);
                if (!seen.add(attributes)) {
                    throw DynamoDbException.validation("Provided list of item keys contains duplicates");
                }
                if (++total > MAX_KEYS) {
                    throw DynamoDbException.validation("Too many items requested for the BatchGetItem call");
                }
                parsed.add(attributes);
            }
            Projection projection = expressions.projection();
            expressions.assertAllUsed();
            requests.add(new TableRequest(entry.getKey(), tableRequest, parsed, projection,
                    RequestParameters.flag(tableRequest, "ConsistentRead")));
        }
        return requests;
    }

    private TableRead resolve(RequestContext context, TableRequest request) {
        TableDescription table = Tables.require(store, context, request.tableName());
        List<byte[]> keys = new ArrayList<>();
        for (Map<String, AttributeValue> key : request.keys()) {
            keys.add(PrimaryKeys.ofKey(table.keySchema(), key));
        }
        if (request.projection() != null) {
            ScalarKeyPaths.check(request.projection().paths(), table.keySchema());
        }
        return new TableRead(table, request, keys);
    }
}
