package dev.ddb.item.operation;

import java.util.Map;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.attribute.AttributeValueJson;
import dev.ddb.common.attribute.ItemSize;
import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.json.Json;
import dev.ddb.common.protocol.Operation;
import dev.ddb.item.expression.legacy.ParameterMixing;
import dev.ddb.item.key.PrimaryKeys;
import dev.ddb.item.storage.ItemStore;
import dev.ddb.item.table.TableSchema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** PutItem: creates or replaces a whole item, optionally only if a condition holds. */
public final class PutItem implements Operation {

    private final ItemStore store;
    private final ItemWrites writes;

    public PutItem(ItemStore store, ItemWrites writes) {
        this.store = store;
        this.writes = writes;
    }

    @Override
    public JsonNode invoke(ObjectNode request) {
        TableSchema table = Tables.require(store, RequestParameters.tableName(request));
        Map<String, AttributeValue> item = RequestParameters.attributeMap(request, "Item");
        ReturnValues returnValues = ReturnValues.ofPutOrDelete(request);
        RequestExpressions expressions = RequestExpressions.of(request, ParameterMixing.PUT_ITEM);
        ConditionCheck check = ConditionCheck.of(expressions.condition(), request);
        expressions.assertAllUsed();
        byte[] key = PrimaryKeys.ofItem(table.keySchema(), item);
        int size = ItemSize.of(item);
        if (size > ItemSize.MAX_ITEM_BYTES) {
            throw DynamoDbException.validation("Item size has exceeded the maximum allowed size");
        }
        ItemWrites.Change change = writes.write(table, key, old -> {
            check.verify(old);
            return item;
        });

        ObjectNode response = Json.object();
        if (returnValues == ReturnValues.ALL_OLD && change.oldItem() != null) {
            response.set("Attributes", AttributeValueJson.writeItem(change.oldItem()));
        }
        int written = Math.max(size, change.oldItem() == null ? 0 : ItemSize.of(change.oldItem()));
        ConsumedCapacity.report(request, response, table.tableName(), ConsumedCapacity.writeUnits(written));
        return response;
    }
}
