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

/**
 * PutItem: creates or replaces a whole item, optionally only if a condition holds. Every
 * parameter is checked before the table is looked up, the item's key against the table after;
 * nothing is written until all of it passed.
 */
public final class PutItem implements Operation {

    private final ItemStore store;
    private final ItemWrites writes;

    public PutItem(ItemStore store, ItemWrites writes) {
        this.store = store;
        this.writes = writes;
    }

    @Override
    public JsonNode invoke(ObjectNode request) {
        String tableName = RequestParameters.tableName(request);
        RequestExpressions expressions = RequestExpressions.of(request, ParameterMixing.PUT_ITEM);
        Map<String, AttributeValue> item = RequestParameters.attributeMap(request, "Item");
        ReturnValues returnValues = ReturnValues.ofPutOrDelete(request);
        int size = ItemSize.of(item);
        if (size > ItemSize.MAX_ITEM_BYTES) {
            throw DynamoDbException.validation("Item size has exceeded the maximum allowed size");
        }
        ConditionCheck check = ConditionCheck.of(expressions.condition(), request);
        expressions.assertAllUsed();
        ReturnConsumedCapacity capacity = ReturnConsumedCapacity.of(request);

        TableSchema table = Tables.require(store, tableName);
        byte[] key = PrimaryKeys.ofItem(table.keySchema(), item);

        ItemWrites.Change change = writes.write(table, key, old -> {
            check.verify(old);
            return item;
        });
        ObjectNode response = Json.object();
        if (returnValues == ReturnValues.ALL_OLD && change.oldItem() != null) {
            response.set("Attributes", AttributeValueJson.writeItem(change.oldItem()));
        }
        int written = Math.max(size, change.oldItem() == null ? 0 : ItemSize.of(change.oldItem()));
        ConsumedCapacity.report(capacity, response, table.tableName(), ConsumedCapacity.writeUnits(written));
        return response;
    }
}
