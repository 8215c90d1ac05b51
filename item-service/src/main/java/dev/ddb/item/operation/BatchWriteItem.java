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
import dev.ddb.common.protocol.RequestContext;
import dev.ddb.common.table.TableDescription;
import dev.ddb.item.capacity.CapacityLimits;
import dev.ddb.item.capacity.CapacityUse;
import dev.ddb.item.capacity.ConsumedCapacity;
import dev.ddb.item.capacity.ReturnConsumedCapacity;
import dev.ddb.item.capacity.WriteCapacity;
import dev.ddb.item.key.PrimaryKeys;
import dev.ddb.item.request.RequestParameters;
import dev.ddb.item.storage.ItemStore;
import dev.ddb.item.write.IndexKeyRules;
import dev.ddb.item.write.Write;
import dev.ddb.item.write.WriteOutcome;
import dev.ddb.item.write.WritePath;
import dev.ddb.item.write.WriteSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * BatchWriteItem: up to 25 puts and deletes over several tables. The whole request is checked
 * before any table is looked up, then every table and key, and only then is anything written;
 * the batch is one write set of independent writes (each atomic on its own, as in DynamoDB), applied
 * in one commit and acknowledged after one durability wait.
 */
public final class BatchWriteItem implements Operation {

    private static final int MAX_REQUESTS = 25;

    private final ItemStore store;
    private final WritePath writes;
    private final CapacityLimits limits;

    public BatchWriteItem(ItemStore store, WritePath writes, CapacityLimits limits) {
        this.store = store;
        this.writes = writes;
        this.limits = limits;
    }

    /** One put (item != null) or delete (key != null), as checked before the table is looked up. */
    private record WriteRequest(String tableName, Map<String, AttributeValue> item, Map<String, AttributeValue> key,
                                JsonNode json) {
    }

    @Override
    public JsonNode invoke(RequestContext context, ObjectNode request) {
        List<WriteRequest> requests = read(request);
        ReturnConsumedCapacity capacity = ReturnConsumedCapacity.of(request);
        List<Write> resolved = resolve(context, requests);
        // Each write asks for capacity in turn, charged an estimate (its item's size) at once so that the
        // next one sees it; the writes out of capacity come back in UnprocessedItems.
        List<Write> batch = new ArrayList<>();
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        Map<String, CapacityUse> estimates = new LinkedHashMap<>();
        ObjectNode unprocessed = Json.object();
        for (int i = 0; i < resolved.size(); i++) {
            WriteRequest write = requests.get(i);
            TableDescription table = resolved.get(i).table();
            if (!limits.canWrite(table)) {
                unprocessed.withArray(write.tableName()).add(write.json().deepCopy());
                continue;
            }
            CapacityUse estimate = CapacityUse.ofTable(table.tableName(),
                    write.item() == null ? 1 : ConsumedCapacity.writeUnits(ItemSize.of(write.item())));
            limits.reserve(table, estimate, true);
            estimates.merge(table.tableName(), estimate, CapacityUse::plus);
            batch.add(resolved.get(i));
            keys.add(write.item() != null ? PrimaryKeys.attributesOf(table.keySchema(), write.item()) : write.key());
        }
        if (batch.isEmpty()) {
            // DynamoDB fails the call only when it could write none of the items
            throw limits.exceeded(resolved.get(0).table(), true);
        }
        boolean collectionMetrics = ItemCollectionMetrics.wanted(request);

        Map<String, CapacityUse> units = new LinkedHashMap<>();
        Map<String, TableDescription> tables = new LinkedHashMap<>();
        Map<String, ArrayNode> metrics = new LinkedHashMap<>();
        List<WriteOutcome> outcomes = writes.apply(WriteSet.independent(batch));
        for (int i = 0; i < outcomes.size(); i++) {
            WriteOutcome outcome = outcomes.get(i);
            if (outcome.failed()) {
                throw outcome.failure(); // the table went away meanwhile: nothing else can fail after the checks
            }
            CapacityUse use = WriteCapacity.of(outcome.written());
            units.merge(use.tableName(), use, CapacityUse::plus);
            tables.putIfAbsent(use.tableName(), batch.get(i).table());
            if (collectionMetrics) {
                ObjectNode itemMetrics = ItemCollectionMetrics.of(store, outcome.written().table(), keys.get(i));
                if (itemMetrics != null) {
                    metrics.computeIfAbsent(use.tableName(), name -> Json.array()).add(itemMetrics);
                }
            }
        }
        // what the writes consumed, less the estimates charged before
        units.forEach((tableName, use) -> limits.settle(tables.get(tableName), use, estimates.get(tableName), true));
        ObjectNode response = Json.object();
        response.set("UnprocessedItems", unprocessed);
        if (collectionMetrics) {
            ObjectNode collections = response.putObject("ItemCollectionMetrics");
            metrics.forEach(collections::set);
        }
        if (capacity.wanted()) {
            ArrayNode consumed = response.putArray("ConsumedCapacity");
            units.values().forEach(use -> consumed.add(ConsumedCapacity.of(capacity, use)));
        }
        return response;
    }

    /** Everything DynamoDB checks before it looks at the tables. */
    private static List<WriteRequest> read(ObjectNode request) {
        // Presence and sizes of RequestItems and of each table's list are the API model's constraints, checked already.
        JsonNode requestItems = request.get("RequestItems");
        int total = 0;
        for (Map.Entry<String, JsonNode> entry : requestItems.properties()) {
            if (entry.getValue().isNull()) {
                // the API model lets a null list through (only an empty one breaks its length constraint)
                throw DynamoDbException.validation("The batch write request list for a table cannot be null or empty: "
                        + entry.getKey());
            }
            total += entry.getValue().size();
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
            Map<String, AttributeValue> item = RequestParameters.newItem(put.get("Item"));
            if (ItemSize.of(item) > ItemSize.MAX_ITEM_BYTES) {
                throw DynamoDbException.validation("Item size has exceeded the maximum allowed size");
            }
            return new WriteRequest(tableName, item, null, writeRequest);
        }
        return new WriteRequest(tableName, null, AttributeValueJson.readItem(delete.get("Key")), writeRequest);
    }

    /** Every table and key, before the first write. */
    private List<Write> resolve(RequestContext context, List<WriteRequest> requests) {
        Map<String, TableDescription> tables = new LinkedHashMap<>();
        Map<String, Set<String>> seen = new LinkedHashMap<>();
        List<Write> batch = new ArrayList<>();
        for (WriteRequest request : requests) {
            TableDescription table = tables.computeIfAbsent(request.tableName(), name -> Tables.require(store, context, name));
            byte[] key;
            if (request.item() != null) {
                key = PrimaryKeys.ofBatchItem(table.keySchema(), request.item());
                IndexKeyRules.check(table, request.item());
            } else {
                key = PrimaryKeys.ofKey(table.keySchema(), request.key());
            }
            if (!seen.computeIfAbsent(table.tableName(), name -> new HashSet<>()).add(Base64.getEncoder().encodeToString(key))) {
                throw DynamoDbException.validation("Provided list of item keys contains duplicates");
            }
            Map<String, AttributeValue> item = request.item();
            batch.add(new Write(table, key, old -> item));
        }
        return batch;
    }
}
