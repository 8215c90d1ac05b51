package dev.ddb.item.operation;

import java.util.Map;

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
import dev.ddb.item.expression.legacy.ParameterMixing;
import dev.ddb.item.key.PrimaryKeys;
import dev.ddb.item.request.RequestParameters;
import dev.ddb.item.storage.ItemStore;
import dev.ddb.item.write.IndexKeyRules;
import dev.ddb.item.write.ItemUpdate;
import dev.ddb.item.write.Write;
import dev.ddb.item.write.WritePath;
import dev.ddb.item.write.WrittenItem;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * PutItem: creates or replaces a whole item, optionally only if a condition holds. Every
 * parameter is checked before the table is looked up, the item's key against the table after;
 * nothing is written until all of it passed.
 */
public final class PutItem implements Operation {

    private final ItemStore store;
    private final WritePath writes;
    private final CapacityLimits limits;

    public PutItem(ItemStore store, WritePath writes, CapacityLimits limits) {
        this.store = store;
        this.writes = writes;
        this.limits = limits;
    }

    @Override
    public JsonNode invoke(RequestContext context, ObjectNode request) {
        String tableName = RequestParameters.tableName(request);
        RequestExpressions expressions = RequestExpressions.of(request, ParameterMixing.PUT_ITEM);
        Map<String, AttributeValue> item = RequestParameters.newItem(request.get("Item"));
        ReturnValues returnValues = ReturnValues.ofPutOrDelete(request);
        int size = ItemSize.of(item);
        if (size > ItemSize.MAX_ITEM_BYTES) {
            throw DynamoDbException.validation("Item size has exceeded the maximum allowed size");
        }
        ConditionCheck check = ConditionCheck.of(expressions.condition(), request);
        expressions.assertAllUsed();
        ReturnConsumedCapacity capacity = ReturnConsumedCapacity.of(request);

        TableDescription table = Tables.require(store, context, tableName);
        byte[] key = PrimaryKeys.ofItem(table.keySchema(), item);
        IndexKeyRules.check(table, item);
        boolean collectionMetrics = ItemCollectionMetrics.wanted(request);

        limits.checkWrite(table);
        WrittenItem change = write(table, new Write(table, key, update(check, item)), size);
        ObjectNode response = Json.object();
        if (returnValues == ReturnValues.ALL_OLD && change.oldItem() != null) {
            response.set("Attributes", AttributeValueJson.writeItem(change.oldItem()));
        }
        CapacityUse use = WriteCapacity.of(change);
        limits.charge(table, use, true);
        ConsumedCapacity.report(capacity, response, use);
        if (collectionMetrics) {
            ObjectNode metrics = ItemCollectionMetrics.of(store, change.table(), PrimaryKeys.attributesOf(table.keySchema(), item));
            if (metrics != null) {
                response.set("ItemCollectionMetrics", metrics);
            }
        }
        return response;
    }

    /** What a put does to its item: replaces it, if its condition holds (a transaction's Put too). */
    static ItemUpdate update(ConditionCheck check, Map<String, AttributeValue> item) {
        return old -> {
            check.verify(old);
            return item;
        };
    }

    /** Writes, charging a failed condition's write as DynamoDB does. */
    private WrittenItem write(TableDescription table, Write write, int size) {
        try {
            return writes.write(write);
        } catch (DynamoDbException e) {
            if ("ConditionalCheckFailedException".equals(e.code())) {
                limits.charge(table, CapacityUse.ofTable(table.tableName(), ConsumedCapacity.writeUnits(size)), true);
            }
            throw e;
        }
    }

}
