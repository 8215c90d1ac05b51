package dev.ddb.item.operation;

import java.util.Map;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.attribute.AttributeValueJson;
import dev.ddb.common.attribute.ItemSize;
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
import tools.jackson.databind.node.ObjectNode;

/**
 * GetItem: one item by its primary key, optionally projected; every read is strongly consistent
 * here. The request is checked completely before the table is looked up, the key (with its size
 * limits, as for a write) after.
 */
public final class GetItem implements Operation {

    private final ItemStore store;
    private final CapacityLimits limits;

    public GetItem(ItemStore store, CapacityLimits limits) {
        this.store = store;
        this.limits = limits;
    }

    @Override
    public JsonNode invoke(RequestContext context, ObjectNode request) {
        String tableName = RequestParameters.tableName(request);
        RequestExpressions expressions = RequestExpressions.of(request, ParameterMixing.GET_ITEM);
        Map<String, AttributeValue> keyAttributes = RequestParameters.attributeMap(request, "Key");
        Projection projection = expressions.projection();
        expressions.assertAllUsed();
        boolean consistentRead = RequestParameters.flag(request, "ConsistentRead");
        ReturnConsumedCapacity capacity = ReturnConsumedCapacity.of(request);

        TableDescription table = Tables.require(store, context, tableName);
        byte[] key = PrimaryKeys.ofKey(table.keySchema(), keyAttributes);
        if (projection != null) {
            ScalarKeyPaths.check(projection.paths(), table.keySchema());
        }

        limits.checkRead(table, null);
        Map<String, AttributeValue> item = store.get(table, key);
        ObjectNode response = Json.object();
        if (item != null) {
            response.set("Item", AttributeValueJson.writeItem(projection == null ? item : projection.project(item)));
        }
        int size = item == null ? 0 : ItemSize.of(item);
        CapacityUse use = CapacityUse.ofTable(table.tableName(), ConsumedCapacity.readUnits(size, consistentRead));
        limits.charge(table, use, false);
        ConsumedCapacity.report(capacity, response, use);
        return response;
    }
}
