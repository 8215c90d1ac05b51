package dev.ddb.item.operation;

import java.util.Map;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.attribute.AttributeValueJson;
import dev.ddb.common.attribute.ItemSize;
import dev.ddb.common.json.Json;
import dev.ddb.common.protocol.Operation;
import dev.ddb.item.expression.Projection;
import dev.ddb.item.expression.legacy.ParameterMixing;
import dev.ddb.item.key.PrimaryKeys;
import dev.ddb.item.storage.ItemStore;
import dev.ddb.item.table.TableSchema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** GetItem: one item by its primary key, optionally projected; every read is strongly consistent here. */
public final class GetItem implements Operation {

    private final ItemStore store;

    public GetItem(ItemStore store) {
        this.store = store;
    }

    @Override
    public JsonNode invoke(ObjectNode request) {
        TableSchema table = Tables.require(store, RequestParameters.tableName(request));
        Map<String, AttributeValue> keyAttributes = RequestParameters.attributeMap(request, "Key");
        boolean consistentRead = RequestParameters.flag(request, "ConsistentRead");
        RequestExpressions expressions = RequestExpressions.of(request, ParameterMixing.GET_ITEM);
        Projection projection = expressions.projection();
        expressions.assertAllUsed();
        byte[] key = PrimaryKeys.ofKey(table.keySchema(), keyAttributes);
        Map<String, AttributeValue> item = store.get(table, key);

        ObjectNode response = Json.object();
        if (item != null) {
            response.set("Item", AttributeValueJson.writeItem(projection == null ? item : projection.project(item)));
        }
        int size = item == null ? 0 : ItemSize.of(item);
        ConsumedCapacity.report(request, response, table.tableName(), ConsumedCapacity.readUnits(size, consistentRead));
        return response;
    }
}
