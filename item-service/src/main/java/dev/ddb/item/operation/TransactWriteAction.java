package dev.ddb.item.operation;

import java.util.Map;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.attribute.ItemSize;
import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.table.TableDescription;
import dev.ddb.item.expression.UpdateExpression;
import dev.ddb.item.expression.legacy.ParameterMixing;
import dev.ddb.item.key.PrimaryKeys;
import dev.ddb.item.request.RequestParameters;
import dev.ddb.item.write.ItemUpdate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One action of a TransactWriteItems request (Put, Update, Delete or ConditionCheck), read and
 * checked before its table is looked up, with the same expression, condition and update code as
 * PutItem, UpdateItem and DeleteItem.
 *
 * @param item   a Put's item, else null
 * @param key    the key of the other actions, else null
 * @param update an Update's update expression, else null
 * @param bytes  what the action adds to the transaction's size
 */
record TransactWriteAction(String tableName, Map<String, AttributeValue> item, Map<String, AttributeValue> key,
                           UpdateExpression update, ItemUpdate itemUpdate, int bytes) {

    static TransactWriteAction read(JsonNode transactItem) {
        ObjectNode put = member(transactItem, "Put");
        ObjectNode update = member(transactItem, "Update");
        ObjectNode delete = member(transactItem, "Delete");
        ObjectNode check = member(transactItem, "ConditionCheck");
        int present = (put != null ? 1 : 0) + (update != null ? 1 : 0) + (delete != null ? 1 : 0) + (check != null ? 1 : 0);
        if (present != 1) {
            throw DynamoDbException.validation("TransactItems can only contain one of Check, Put, Update or Delete");
        }
        if (put != null) {
            return readPut(put);
        } else if (update != null) {
            return readUpdate(update);
        } else if (delete != null) {
            return readDelete(delete);
        }
        return readConditionCheck(check);
    }

    private static TransactWriteAction readPut(ObjectNode request) {
        RequestExpressions expressions = RequestExpressions.of(request, ParameterMixing.PUT_ITEM);
        Map<String, AttributeValue> item = RequestParameters.newItem(request.get("Item"));
        int size = ItemSize.of(item);
        if (size > ItemSize.MAX_ITEM_BYTES) {
            throw DynamoDbException.validation("Item size has exceeded the maximum allowed size");
        }
        ConditionCheck check = ConditionCheck.of(expressions.condition(), request);
        expressions.assertAllUsed();
        return new TransactWriteAction(RequestParameters.tableName(request), item, null, null, PutItem.update(check, item), size);
    }

    private static TransactWriteAction readUpdate(ObjectNode request) {
        RequestExpressions expressions = RequestExpressions.of(request, ParameterMixing.UPDATE_ITEM);
        Map<String, AttributeValue> key = RequestParameters.attributeMap(request, "Key");
        UpdateExpression update = expressions.update();
        ConditionCheck check = ConditionCheck.of(expressions.condition(), request);
        expressions.assertAllUsed();
        return new TransactWriteAction(RequestParameters.tableName(request), null, key, update,
                UpdateItem.update(check, update, key), ItemSize.of(key));
    }

    private static TransactWriteAction readDelete(ObjectNode request) {
        RequestExpressions expressions = RequestExpressions.of(request, ParameterMixing.DELETE_ITEM);
        Map<String, AttributeValue> key = RequestParameters.attributeMap(request, "Key");
        ConditionCheck check = ConditionCheck.of(expressions.condition(), request);
        expressions.assertAllUsed();
        return new TransactWriteAction(RequestParameters.tableName(request), null, key, null, DeleteItem.update(check),
                ItemSize.of(key));
    }

    private static TransactWriteAction readConditionCheck(ObjectNode request) {
        // Only a ConditionExpression, as a DeleteItem's; the API model requires it.
        RequestExpressions expressions = RequestExpressions.of(request, ParameterMixing.DELETE_ITEM);
        Map<String, AttributeValue> key = RequestParameters.attributeMap(request, "Key");
        ConditionCheck check = ConditionCheck.of(expressions.condition(), request);
        expressions.assertAllUsed();
        ItemUpdate unchanged = old -> {
            check.verify(old);
            return old;
        };
        return new TransactWriteAction(RequestParameters.tableName(request), null, key, null, unchanged, ItemSize.of(key));
    }

    /** The item's encoded primary key in the table, checked against its key schema (and an Update's paths against it). */
    byte[] encodedKey(TableDescription table) {
        if (item != null) {
            return PrimaryKeys.ofItem(table.keySchema(), item);
        }
        byte[] encoded = PrimaryKeys.ofKey(table.keySchema(), key);
        UpdateItem.rejectKeyUpdates(update, table);
        return encoded;
    }

    /** The item's key attributes (ItemCollectionMetrics). */
    Map<String, AttributeValue> keyAttributes(TableDescription table) {
        return item != null ? PrimaryKeys.attributesOf(table.keySchema(), item) : key;
    }

    private static ObjectNode member(JsonNode transactItem, String name) {
        JsonNode node = transactItem.get(name);
        return node instanceof ObjectNode object ? object : null;
    }
}
