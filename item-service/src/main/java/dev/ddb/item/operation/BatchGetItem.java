package dev.ddb.item.operation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.attribute.AttributeValueJson;
import dev.ddb.common.attribute.ItemSize;
import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.json.Json;
import dev.ddb.common.protocol.Operation;
import dev.ddb.item.expression.Projection;
import dev.ddb.item.expression.legacy.ParameterMixing;
import dev.ddb.item.key.PrimaryKeys;
import dev.ddb.item.storage.ItemStore;
import dev.ddb.item.table.TableSchema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * BatchGetItem: up to 100 keys over several tables. Keys whose items would take the response past
 * 16 MB come back in UnprocessedKeys for the client to ask again.
 */
public final class BatchGetItem implements Operation {

    private static final int MAX_KEYS = 100;
    private static final long MAX_RESPONSE_BYTES = 16L * 1024 * 1024;

    private final ItemStore store;

    public BatchGetItem(ItemStore store) {
        this.store = store;
    }

    /** One table's part of the request, validated. */
    private record TableRead(TableSchema table, JsonNode request, List<Map<String, AttributeValue>> keys,
                             Projection projection, boolean consistentRead) {
    }

    @Override
    public JsonNode invoke(ObjectNode request) {
        List<TableRead> reads = validate(request);
        ObjectNode response = Json.object();
        ObjectNode responses = response.putObject("Responses");
        ObjectNode unprocessed = response.putObject("UnprocessedKeys");
        ArrayNode capacity = Json.array();
        long responseBytes = 0;
        for (TableRead read : reads) {
            ArrayNode items = responses.putArray(read.table().tableName());
            List<Map<String, AttributeValue>> left = new ArrayList<>();
            long tableBytes = 0;
            for (Map<String, AttributeValue> key : read.keys()) {
                if (responseBytes >= MAX_RESPONSE_BYTES) {
                    left.add(key);
                    continue;
                }
                Map<String, AttributeValue> item = store.get(read.table(), PrimaryKeys.ofKey(read.table().keySchema(), key));
                if (item != null) {
                    int size = ItemSize.of(item);
                    responseBytes += size;
                    tableBytes += size;
                    items.add(AttributeValueJson.writeItem(read.projection() == null ? item : read.projection().project(item)));
                }
            }
            if (!left.isEmpty()) {
                ObjectNode again = ((ObjectNode) read.request()).deepCopy();
                ArrayNode keys = again.putArray("Keys");
                left.forEach(k -> keys.add(AttributeValueJson.writeItem(k)));
                unprocessed.set(read.table().tableName(), again);
            }
            ObjectNode units = Json.object();
            units.put("TableName", read.table().tableName());
            units.put("CapacityUnits", ConsumedCapacity.readUnits((int) tableBytes, read.consistentRead()));
            capacity.add(units);
        }
        if (wantsCapacity(request)) {
            response.set("ConsumedCapacity", capacity);
        }
        return response;
    }

    private List<TableRead> validate(ObjectNode request) {
        JsonNode requestItems = request.get("RequestItems");
        if (requestItems == null || requestItems.isNull()) {
            throw DynamoDbException.validation("1 validation error detected: Value null at 'requestItems' failed to satisfy constraint: Member must not be null");
        }
        if (requestItems.isEmpty()) {
            throw DynamoDbException.validation("1 validation error detected: Value '{}' at 'requestItems' failed to satisfy constraint: Member must have length greater than or equal to 1");
        }
        List<TableRead> reads = new ArrayList<>();
        int total = 0;
        for (Map.Entry<String, JsonNode> entry : requestItems.properties()) {
            JsonNode tableRequest = entry.getValue();
            JsonNode keys = tableRequest.path("Keys");
            total += keys.size();
            if (total > MAX_KEYS) {
                throw DynamoDbException.validation("Too many items requested for the BatchGetItem call");
            }
            TableSchema table = Tables.require(store, entry.getKey());
            RequestExpressions expressions = RequestExpressions.of((ObjectNode) tableRequest, ParameterMixing.GET_ITEM);
            Projection projection = expressions.projection();
            expressions.assertAllUsed();
            if (keys.isEmpty()) {
                throw DynamoDbException.validation("1 validation error detected: Value '[]' at 'requestItems." + entry.getKey()
                        + ".member.keys' failed to satisfy constraint: Member must have length greater than or equal to 1");
            }
            List<Map<String, AttributeValue>> parsed = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (JsonNode key : keys) {
                Map<String, AttributeValue> attributes = new LinkedHashMap<>(AttributeValueJson.readItem(key));
                byte[] encoded = PrimaryKeys.ofKey(table.keySchema(), attributes);
                if (!seen.add(java.util.Base64.getEncoder().encodeToString(encoded))) {
                    throw DynamoDbException.validation("Provided list of item keys contains duplicates");
                }
                parsed.add(attributes);
            }
            reads.add(new TableRead(table, tableRequest, parsed, projection, tableRequest.path("ConsistentRead").asBoolean(false)));
        }
        return reads;
    }

    private static boolean wantsCapacity(ObjectNode request) {
        String mode = request.path("ReturnConsumedCapacity").asString("NONE");
        return mode.equals("TOTAL") || mode.equals("INDEXES");
    }
}
