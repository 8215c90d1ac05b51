package dev.ddb.item.operation;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
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
import dev.ddb.item.capacity.Throttle;
import dev.ddb.item.expression.Projection;
import dev.ddb.item.expression.legacy.ParameterMixing;
import dev.ddb.item.key.KeySchemaMismatch;
import dev.ddb.item.key.PrimaryKeys;
import dev.ddb.item.request.RequestParameters;
import dev.ddb.item.storage.ItemStore;
import dev.ddb.item.storage.TableSnapshot;
import dev.ddb.item.transaction.CancellationReasons;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * TransactGetItems: up to 100 Gets over several tables, read from one snapshot of all of them
 * taken at once, so the answer holds all of a concurrent transaction's writes or none. Checked
 * completely before any table is looked up, then every table and key.
 */
public final class TransactGetItems implements Operation {

    private final ItemStore store;
    private final CapacityLimits limits;

    public TransactGetItems(ItemStore store, CapacityLimits limits) {
        this.store = store;
        this.limits = limits;
    }

    /** One Get as checked before its table is looked up. */
    private record GetRequest(String tableName, Map<String, AttributeValue> key, Projection projection) {
    }

    /** One Get with its table and encoded key. */
    private record ResolvedGet(GetRequest request, TableDescription table, byte[] key) {
    }

    @Override
    public JsonNode invoke(RequestContext context, ObjectNode request) {
        // Presence and the 1..100 length of TransactItems, and each item's Get, are the API model's constraints.
        List<GetRequest> requests = new ArrayList<>();
        for (JsonNode transactItem : request.get("TransactItems")) {
            requests.add(read((ObjectNode) transactItem.get("Get")));
        }
        ReturnConsumedCapacity capacity = ReturnConsumedCapacity.of(request);
        List<ResolvedGet> gets = resolve(context, requests);

        Map<String, TableDescription> tables = new LinkedHashMap<>();
        gets.forEach(get -> tables.putIfAbsent(get.table().tableName(), get.table()));
        Map<String, Throttle> throttles = new HashMap<>();
        tables.forEach((tableName, table) -> limits.readThrottle(table, null).ifPresent(t -> throttles.put(tableName, t)));
        if (!throttles.isEmpty()) {
            // cancelled as a whole: the Gets of a table out of read capacity say why, the others None
            throw CancellationReasons.throttled(gets.stream().map(get -> throttles.get(get.table().tableName())).toList());
        }
        List<TableSnapshot> taken = store.snapshots(new ArrayList<>(tables.values()));
        Map<String, TableSnapshot> snapshots = new LinkedHashMap<>();
        int i = 0;
        for (String tableName : tables.keySet()) {
            snapshots.put(tableName, taken.get(i++));
        }

        ObjectNode response = Json.object();
        ArrayNode responses = response.putArray("Responses");
        Map<String, CapacityUse> units = new LinkedHashMap<>();
        for (ResolvedGet get : gets) {
            Map<String, AttributeValue> item = snapshots.get(get.table().tableName()).get(get.key());
            ObjectNode itemResponse = responses.addObject();
            if (item != null) {
                Projection projection = get.request().projection();
                itemResponse.set("Item", AttributeValueJson.writeItem(projection == null ? item : projection.project(item)));
            }
            // A transactional read costs two strongly consistent reads; a missing item costs one too.
            double read = 2 * ConsumedCapacity.readUnits(item == null ? 0 : ItemSize.of(item), true);
            units.merge(get.table().tableName(), CapacityUse.ofTable(get.table().tableName(), read), CapacityUse::plus);
        }
        units.forEach((tableName, use) -> limits.charge(tables.get(tableName), use, false));
        if (capacity.wanted()) {
            ArrayNode consumed = response.putArray("ConsumedCapacity");
            units.values().forEach(use -> consumed.add(ConsumedCapacity.of(capacity, use)));
        }
        return response;
    }

    private static GetRequest read(ObjectNode get) {
        RequestExpressions expressions = RequestExpressions.of(get, ParameterMixing.GET_ITEM);
        Map<String, AttributeValue> key = RequestParameters.attributeMap(get, "Key");
        Projection projection = expressions.projection();
        expressions.assertAllUsed();
        return new GetRequest(RequestParameters.tableName(get), key, projection);
    }

    private List<ResolvedGet> resolve(RequestContext context, List<GetRequest> requests) {
        Map<String, TableDescription> tables = new LinkedHashMap<>();
        Set<String> items = new HashSet<>();
        List<ResolvedGet> gets = new ArrayList<>();
        List<DynamoDbException> mismatches = new ArrayList<>();
        for (GetRequest request : requests) {
            TableDescription table = tables.computeIfAbsent(request.tableName(), name -> Tables.require(store, context, name));
            byte[] key;
            try {
                key = PrimaryKeys.ofKey(table.keySchema(), request.key());
            } catch (KeySchemaMismatch e) {
                // as in TransactWriteItems: the transaction is cancelled with a ValidationError for this Get
                mismatches.add(e);
                continue;
            }
            mismatches.add(null);
            if (request.projection() != null) {
                ScalarKeyPaths.check(request.projection().paths(), table.keySchema());
            }
            if (!items.add(table.tableName() + '/' + Base64.getEncoder().encodeToString(key))) {
                throw DynamoDbException.validation("Transaction request cannot include multiple operations on one item");
            }
            gets.add(new ResolvedGet(request, table, key));
        }
        if (gets.size() < requests.size()) {
            throw CancellationReasons.failed(mismatches);
        }
        return gets;
    }
}
