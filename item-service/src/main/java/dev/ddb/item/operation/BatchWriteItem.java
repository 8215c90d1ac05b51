package dev.ddb.item.operation;

import java.util.ArrayList;
import java.util.Base64;
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
import dev.ddb.item.key.PrimaryKeys;
import dev.ddb.item.storage.ItemStore;
import dev.ddb.item.table.TableSchema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * BatchWriteItem: up to 25 puts and deletes over several tables. The whole request is validated
 * before anything is written; each write is then atomic on its own, as in DynamoDB.
 */
public final class BatchWriteItem implements Operation {

    private static final int MAX_REQUESTS = 25;

    private final ItemStore store;
    private final ItemWrites writes;

    public BatchWriteItem(ItemStore store, ItemWrites writes) {
        this.store = store;
        this.writes = writes;
    }

    /** One validated put (item != null) or delete. */
    private record Write(TableSchema table, byte[] key, Map<String, AttributeValue> item) {
    }

    @Override
    public JsonNode invoke(ObjectNode request) {
        List<Write> batch = validate(request);
        Map<String, Double> units = new java.util.LinkedHashMap<>();
        for (Write write : batch) {
            ItemWrites.Change change = writes.write(write.table(), write.key(), old -> write.item());
            int size = Math.max(write.item() == null ? 0 : ItemSize.of(write.item()),
                    change.oldItem() == null ? 0 : ItemSize.of(change.oldItem()));
            units.merge(write.table().tableName(), ConsumedCapacity.writeUnits(size), Double::sum);
        }
        ObjectNode response = Json.object();
        response.putObject("UnprocessedItems");
        String mode = request.path("ReturnConsumedCapacity").asString("NONE");
        if (mode.equals("TOTAL") || mode.equals("INDEXES")) {
            ArrayNode capacity = response.putArray("ConsumedCapacity");
            units.forEach((table, total) -> capacity.addObject().put("TableName", table).put("CapacityUnits", total));
        }
        return response;
    }

    private List<Write> validate(ObjectNode request) {
        JsonNode requestItems = request.get("RequestItems");
        if (requestItems == null || requestItems.isNull()) {
            throw DynamoDbException.validation("1 validation error detected: Value null at 'requestItems' failed to satisfy constraint: Member must not be null");
        }
        if (requestItems.isEmpty()) {
            throw DynamoDbException.validation("1 validation error detected: Value '{}' at 'requestItems' failed to satisfy constraint: Member must have length greater than or equal to 1");
        }
        int total = 0;
        for (JsonNode writes : requestItems.values()) {
            total += writes.size();
        }
        if (total > MAX_REQUESTS) {
            throw DynamoDbException.validation("Too many items requested for the BatchWriteItem call");
        }
        List<Write> batch = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : requestItems.properties()) {
            TableSchema table = Tables.require(store, entry.getKey());
            Set<String> seen = new HashSet<>();
            if (entry.getValue().isEmpty()) {
                throw DynamoDbException.validation("1 validation error detected: Value '[]' at 'requestItems." + entry.getKey()
                        + "' failed to satisfy constraint: Member must have length greater than or equal to 1");
            }
            for (JsonNode writeRequest : entry.getValue()) {
                Write write = parse(table, writeRequest);
                if (!seen.add(Base64.getEncoder().encodeToString(write.key()))) {
                    throw DynamoDbException.validation("Provided list of item keys contains duplicates");
                }
                batch.add(write);
            }
        }
        return batch;
    }

    private static Write parse(TableSchema table, JsonNode writeRequest) {
        JsonNode put = writeRequest.get("PutRequest");
        JsonNode delete = writeRequest.get("DeleteRequest");
        boolean hasPut = put != null && !put.isNull();
        boolean hasDelete = delete != null && !delete.isNull();
        if (hasPut == hasDelete) {
            throw DynamoDbException.validation("WriteRequest must contain exactly one of PutRequest or DeleteRequest");
        }
        if (hasPut) {
            Map<String, AttributeValue> item = AttributeValueJson.readItem(put.get("Item"));
            byte[] key = PrimaryKeys.ofItem(table.keySchema(), item);
            if (ItemSize.of(item) > ItemSize.MAX_ITEM_BYTES) {
                throw DynamoDbException.validation("Item size has exceeded the maximum allowed size");
            }
            return new Write(table, key, item);
        }
        return new Write(table, PrimaryKeys.ofKey(table.keySchema(), AttributeValueJson.readItem(delete.get("Key"))), null);
    }
}
