package dev.ddb.item.operation;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.protocol.Operation;
import dev.ddb.common.protocol.RequestContext;
import dev.ddb.common.table.KeySchema;
import dev.ddb.common.table.TableDescription;
import dev.ddb.item.capacity.CapacityLimits;
import dev.ddb.item.capacity.ReturnConsumedCapacity;
import dev.ddb.item.expression.Condition;
import dev.ddb.item.expression.ConditionPaths;
import dev.ddb.item.expression.DocumentPath;
import dev.ddb.item.expression.KeyCondition;
import dev.ddb.item.expression.Projection;
import dev.ddb.item.expression.legacy.ParameterMixing;
import dev.ddb.item.expression.parse.KeyConditionTerms;
import dev.ddb.item.key.PrimaryKeys;
import dev.ddb.item.read.ExclusiveStartKey;
import dev.ddb.item.read.KeyRanges;
import dev.ddb.item.read.ReadPage;
import dev.ddb.item.read.ReadResponse;
import dev.ddb.item.read.ReadTarget;
import dev.ddb.item.read.Select;
import dev.ddb.item.request.RequestParameters;
import dev.ddb.item.storage.ItemStore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Query: the items of one partition of the table or of an index (IndexName) in sort key order
 * (a range scan of the encoded keys), filtered and paged. As in DynamoDB, the request is checked
 * completely before the table is looked up; only the checks against the key schema come after.
 */
public final class Query implements Operation {

    private final ItemStore store;
    private final CapacityLimits limits;

    public Query(ItemStore store, CapacityLimits limits) {
        this.store = store;
        this.limits = limits;
    }

    @Override
    public JsonNode invoke(RequestContext context, ObjectNode request) {
        String tableName = RequestParameters.tableName(request);
        RequestExpressions expressions = RequestExpressions.of(request, ParameterMixing.QUERY);
        ExclusiveStartKey startKey = ExclusiveStartKey.read(request);
        if (!request.hasNonNull("KeyConditions") && !request.hasNonNull("KeyConditionExpression")) {
            throw DynamoDbException.validation("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
        }
        KeyConditionTerms keyConditions = expressions.keyConditionTerms();
        Condition filter = expressions.filter("QueryFilter");
        Projection projection = expressions.projection();
        expressions.assertAllUsed();
        String indexName = RequestParameters.optionalString(request, "IndexName");
        Select select = Select.of(request, projection, indexName != null);
        Integer limit = RequestParameters.optionalInt(request, "Limit");
        boolean forward = RequestParameters.flag(request, "ScanIndexForward", true);
        boolean consistentRead = RequestParameters.flag(request, "ConsistentRead");
        ReturnConsumedCapacity capacity = ReturnConsumedCapacity.of(request);

        TableDescription table = Tables.require(store, context, tableName);
        ReadTarget target = ReadTarget.of(table, indexName);
        target.checkRead(consistentRead, select);
        KeySchema schema = target.keySchema();
        KeyCondition keyCondition = resolve(keyConditions, startKey, target);
        if (projection != null) {
            ScalarKeyPaths.check(projection.paths(), schema);
        }
        rejectKeyAttributesIn(filter, schema, request.hasNonNull("FilterExpression"));

        limits.checkRead(table, target.globalIndex() ? target.index().indexName() : null);
        boolean fetchItems = target.fetchesItems(select, projection == null ? List.of()
                : projection.paths().stream().map(DocumentPath::topLevelName).toList());
        ReadPage page = ReadPage.read(target.read(store.snapshot(table), KeyRanges.of(keyCondition), forward,
                        startKey == null ? null : startKey.encoded(target), fetchItems),
                limit, filter, null, target::lastEvaluatedKey);
        return ReadResponse.of(capacity, target, page, select, projection, consistentRead, fetchItems, limits);
    }

    /** DynamoDB checks the ExclusiveStartKey and the key condition together, key attribute by key attribute. */
    private static KeyCondition resolve(KeyConditionTerms keyConditions, ExclusiveStartKey startKey, ReadTarget target) {
        KeySchema schema = target.keySchema();
        if (startKey == null) {
            return keyConditions.resolve(schema);
        }
        startKey.checkQueryKeyCount(target);
        KeyCondition keyCondition = keyConditions.resolve(schema, attribute -> startKey.checkQueryKeyAttribute(schema, attribute));
        if (target.onIndex()) {
            startKey.checkTableKey(target);
        }
        startKey.checkWithin(keyCondition);
        return keyCondition;
    }

    /** DynamoDB filters only what the key condition does not already decide; it names the first key attribute in schema order. */
    private static void rejectKeyAttributesIn(Condition filter, KeySchema schema, boolean expression) {
        if (filter == null) {
            return;
        }
        Set<String> read = ConditionPaths.of(filter).stream().map(DocumentPath::topLevelName).collect(Collectors.toSet());
        for (String key : PrimaryKeys.attributeNames(schema)) {
            if (read.contains(key)) {
                throw DynamoDbException.validation((expression ? "Filter Expression" : "QueryFilter")
                        + " can only contain non-primary key attributes: Primary key attribute: " + key);
            }
        }
    }
}
