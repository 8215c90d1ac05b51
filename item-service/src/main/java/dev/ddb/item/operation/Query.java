package dev.ddb.item.operation;

import java.util.Map;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.protocol.Operation;
import dev.ddb.item.expression.Condition;
import dev.ddb.item.expression.ConditionPaths;
import dev.ddb.item.expression.DocumentPath;
import dev.ddb.item.expression.KeyCondition;
import dev.ddb.item.expression.Projection;
import dev.ddb.item.expression.legacy.ParameterMixing;
import dev.ddb.item.key.PrimaryKeys;
import dev.ddb.item.storage.ItemStore;
import dev.ddb.item.table.TableSchema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Query: the items of one partition in sort key order (a range scan of the encoded keys), filtered and paged. */
public final class Query implements Operation {

    private final ItemStore store;

    public Query(ItemStore store) {
        this.store = store;
    }

    /** DynamoDB filters only what the key condition does not already decide. */
    private static void rejectKeyAttributesIn(Condition filter, TableSchema table, boolean expression) {
        if (filter == null) {
            return;
        }
        for (DocumentPath path : ConditionPaths.of(filter)) {
            if (table.keySchema().isKeyAttribute(path.topLevelName())) {
                throw DynamoDbException.validation(expression
                        ? "Filter Expression can only contain non-primary key attributes: Primary key attribute: " + path.topLevelName()
                        : "QueryFilter can only contain non-key attributes: Primary key attribute: " + path.topLevelName());
            }
        }
    }

    @Override
    public JsonNode invoke(ObjectNode request) {
        TableSchema table = Tables.require(store, RequestParameters.tableName(request));
        if (request.hasNonNull("IndexName")) {
            throw DynamoDbException.validation("The table does not have the specified index: " + request.get("IndexName").asString());
        }
        RequestExpressions expressions = RequestExpressions.of(request, ParameterMixing.QUERY);
        KeyCondition keyCondition = expressions.keyCondition(table.keySchema());
        if (keyCondition == null) {
            throw DynamoDbException.validation("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
        }
        Condition filter = expressions.filter("QueryFilter");
        rejectKeyAttributesIn(filter, table, request.hasNonNull("FilterExpression"));
        Projection projection = expressions.projection();
        expressions.assertAllUsed();
        Select select = Select.of(request, projection, false);
        Integer limit = RequestParameters.positiveInt(request, "Limit");
        boolean forward = RequestParameters.flag(request, "ScanIndexForward", true);
        Map<String, AttributeValue> startKey = RequestParameters.optionalAttributeMap(request, "ExclusiveStartKey");
        byte[] exclusiveStart = startKey == null ? null : PrimaryKeys.ofKey(table.keySchema(), startKey);

        ReadPage page = ReadPage.read(store.range(table, KeyRanges.of(keyCondition), forward, exclusiveStart),
                limit, filter, null, table.keySchema());
        return ReadResponse.of(request, table.tableName(), page, select, projection,
                RequestParameters.flag(request, "ConsistentRead"));
    }
}
