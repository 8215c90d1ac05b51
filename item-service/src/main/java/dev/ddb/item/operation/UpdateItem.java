package dev.ddb.item.operation;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.attribute.AttributeValueJson;
import dev.ddb.common.attribute.ItemSize;
import dev.ddb.common.attribute.Items;
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
import dev.ddb.item.expression.DocumentPath;
import dev.ddb.item.expression.Projection;
import dev.ddb.item.expression.UpdateExpression;
import dev.ddb.item.expression.legacy.ParameterMixing;
import dev.ddb.item.key.PrimaryKeys;
import dev.ddb.item.request.RequestParameters;
import dev.ddb.item.storage.ItemStore;
import dev.ddb.item.write.ItemUpdate;
import dev.ddb.item.write.Write;
import dev.ddb.item.write.WritePath;
import dev.ddb.item.write.WrittenItem;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * UpdateItem: changes attributes of one item, creating it when missing (unless the update only
 * removes attributes), atomically with its condition (the item is locked from read to write, so
 * concurrent ADDs all count). Checked completely before the table is looked up, the key after.
 */
public final class UpdateItem implements Operation {

    private final ItemStore store;
    private final WritePath writes;
    private final CapacityLimits limits;

    public UpdateItem(ItemStore store, WritePath writes, CapacityLimits limits) {
        this.store = store;
        this.writes = writes;
        this.limits = limits;
    }

    @Override
    public JsonNode invoke(RequestContext context, ObjectNode request) {
        String tableName = RequestParameters.tableName(request);
        RequestExpressions expressions = RequestExpressions.of(request, ParameterMixing.UPDATE_ITEM);
        Map<String, AttributeValue> keyAttributes = RequestParameters.attributeMap(request, "Key");
        ReturnValues returnValues = ReturnValues.of(request);
        UpdateExpression update = expressions.update();
        ConditionCheck check = ConditionCheck.of(expressions.condition(), request);
        expressions.assertAllUsed();
        ReturnConsumedCapacity capacity = ReturnConsumedCapacity.of(request);

        TableDescription table = Tables.require(store, context, tableName);
        byte[] key = PrimaryKeys.ofKey(table.keySchema(), keyAttributes);
        rejectKeyUpdates(update, table);
        boolean collectionMetrics = ItemCollectionMetrics.wanted(request);

        limits.checkWrite(table);
        WrittenItem change = write(table, new Write(table, key, update(check, update, keyAttributes)));

        ObjectNode response = Json.object();
        Map<String, AttributeValue> attributes = returned(returnValues, update, change);
        if (attributes != null && !attributes.isEmpty()) {
            response.set("Attributes", AttributeValueJson.writeItem(attributes));
        }
        CapacityUse use = WriteCapacity.of(change);
        limits.charge(table, use, true);
        ConsumedCapacity.report(capacity, response, use);
        if (collectionMetrics) {
            ObjectNode metrics = ItemCollectionMetrics.of(store, change.table(), keyAttributes);
            if (metrics != null) {
                response.set("ItemCollectionMetrics", metrics);
            }
        }
        return response;
    }

    /** What an update does to its item (a transaction's Update too): applies the update expression, if the condition holds. */
    static ItemUpdate update(ConditionCheck check, UpdateExpression update, Map<String, AttributeValue> keyAttributes) {
        return old -> {
            check.verify(old);
            if (old == null && update != null && update.onlyRemoves()) {
                return null; // nothing to remove from: DynamoDB creates no item (and no stream record)
            }
            Map<String, AttributeValue> base = old != null ? old : new LinkedHashMap<>(keyAttributes);
            Map<String, AttributeValue> updated = update == null ? base : update.apply(base);
            if (ItemSize.of(updated) > ItemSize.MAX_ITEM_BYTES) {
                throw DynamoDbException.validation("Item size to update has exceeded the maximum allowed size");
            }
            // each value was within the limit when read, but a SET of a nested path stacks the path's levels on its value's
            if (update != null && Items.nestingDepth(updated) > AttributeValueJson.MAX_NESTING_DEPTH) {
                throw DynamoDbException.validation(AttributeValueJson.NESTING_TOO_DEEP);
            }
            return updated;
        };
    }

    static void rejectKeyUpdates(UpdateExpression update, TableDescription table) {
        if (update == null) {
            return;
        }
        for (DocumentPath path : update.paths()) {
            if (table.keySchema().isKeyAttribute(path.topLevelName())) {
                throw DynamoDbException.invalidParameter("Cannot update attribute " + path.topLevelName()
                        + ". This attribute is part of the key");
            }
        }
    }

    private static Map<String, AttributeValue> returned(ReturnValues returnValues, UpdateExpression update,
                                                        WrittenItem change) {
        switch (returnValues) {
            case ALL_OLD:
                return change.oldItem();
            case ALL_NEW:
                return change.newItem();
            case UPDATED_OLD:
                return change.oldItem() == null || update == null ? null : updated(update).project(change.oldItem());
            case UPDATED_NEW:
                return change.newItem() == null || update == null ? null : updated(update).project(change.newItem());
            default:
                return null;
        }
    }

    private static Projection updated(UpdateExpression update) {
        return new Projection(update.paths());
    }

    /** Writes, charging a failed condition's write as DynamoDB does. */
    private WrittenItem write(TableDescription table, Write write) {
        try {
            return writes.write(write);
        } catch (DynamoDbException e) {
            if ("ConditionalCheckFailedException".equals(e.code())) {
                limits.charge(table, CapacityUse.ofTable(table.tableName(), 1), true);
            }
            throw e;
        }
    }

}
