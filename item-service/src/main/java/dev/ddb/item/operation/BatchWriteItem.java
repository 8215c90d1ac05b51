package dev.ddb.item.operation;

import java.util.ArrayList;
import java.util.Base64;
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
import dev.ddb.item.key.PrimaryKeys;
import dev.ddb.item.storage.ItemStore;
import dev.ddb.item.table.TableSchema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * BatchWriteItem: up to 25 puts and deletes over several tables. The whole request is checked
 * before any table is looked up, then every table and key, and only then is anything written;
 * each write is then atomic on its own, as in DynamoDB.
 */
public final class BatchWriteItem implements Operation {

    private static final int MAX_REQUESTS = 25;

    private final ItemStore store;
    private final ItemWrites writes;

    public BatchWriteItem(ItemStore store, ItemWrites writes) {
        this.store = store;
        this.writes = writes;
    }

    /** One put (item != null) or delete (key != null), as checked before the table is looked up. */
    private record WriteRequest(String tableName, Map<String, AttributeValue> item, Map<String, AttributeValue> key) {
    }

    /** One write checked against its table: a put (item != null) or a delete. */
    private record Write(TableSchema table, byte[] key, Map<String, AttributeValue> item) {
    }

    @Override
    public JsonNode invoke(ObjectNode request) {
        List<WriteRequest> requests = read(request);
        ReturnConsumedCapacity capacity = ReturnConsumedCapacity.of(request);
        List<Write> batch = resolve(requests);

        Map<String, Double> units = new LinkedHashMap<>();
        for (Write write : batch) {
            ItemWrites.Change change = writes.write(write.table(), write.key(), old -> write.item());
            int size = Math.max(write.item() == null ? 0 : ItemSize.of(write.item()),
                    change.oldItem() == null ? 0 : ItemSize.of(change.oldItem()));
            units.merge(write.table().tableName(), ConsumedCapacity.writeUnits(size), Double::sum);
        }
        ObjectNode response = Json.object();
        response.putObject("UnprocessedItems");
        if (capacity.wanted()) {
            ArrayNode consumed = response.putArray("ConsumedCapacity");
            units.forEach((table, total) -> consumed.add(ConsumedCapacity.of(capacity, table, total)));
        }
        return response;
    }

    /** Everything DynamoDB checks before it looks at the tables. */
    private static List<WriteRequest> read(ObjectNode request) {
        // Presence and sizes of RequestItems and of each table's list are the API model's constraints, checked already.
        JsonNode requestItems = request.get("RequestItems");
        int total = 0;
        for (JsonNode tableWrites : requestItems.values()) {
            total += tableWrites.size();
        }
        if (total > MAX_REQUESTS) {
            throw DynamoDbException.validation("Too many items requested for the BatchWriteItem call");
        }
        List<WriteRequest> requests = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : requestItems.properties()) {
            for (JsonNode writeRequest : entry.getValue()) {
                requests.add(readWrite(entry.getKey(), writeRequest));
            }
        }
        return requests;
    }

    private static WriteRequest readWrite(String tableName, JsonNode writeRequest) {
        JsonNode put = writeRequest.get("PutRequest");
        JsonNode delete = writeRequest.get("DeleteRequest");
        boolean hasPut = put != null && !put.isNull();
        boolean hasDelete = delete != null && !delete.isNull();
        if (hasPut == hasDelete) {
            throw DynamoDbException.validation("WriteRequest must contain exactly one of PutRequest or DeleteRequest");
        }
        if (hasPut) {
            Map<String, AttributeValue> item = AttributeValueJson.readItem(put.get("Item"));
            if (ItemSize.of(item) > ItemSize.MAX_ITEM_BYTES) {
                throw DynamoDbException.validation("Item size has exceeded the maximum allowed size");
            }
            return new WriteRequest(tableName, item, null);
        }
        return new WriteRequest(tableName, null, AttributeValueJson.readItem(delete.get("Key")));
    }

    /** Every table and key, before the first write. */
    private List<Write> resolve(List<WriteRequest> requests) {
        Map<String, TableSchema> tables = new LinkedHashMap<>();
        Map<String, Set<String>> seen = new LinkedHashMap<>();
        List<Write> batch = new ArrayList<>();
        for (WriteRequest request : requests) {
            TableSchema table = tables.computeIfAbsent(request.tableName(), name -> Tables.require(store, name));
            byte[] key = request.item() != null
                    ? PrimaryKeys.ofBatchItem(table.keySchema(), request.item())
                    : PrimaryKeys.ofKey(table.keySchema(), request.key());
            if (!seen.computeIfAbsent(table.tableName(), name -> new HashSet<>()).add(Base64.getEncoder().encodeToString(key))) {
                throw DynamoDbException.validation("Provided list of item keys contains duplicates");
            }
            batch.add(new Write(table, key, request.item()));
        }
        return batch;
    }
}
