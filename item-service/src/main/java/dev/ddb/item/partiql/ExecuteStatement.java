package dev.ddb.item.partiql;

import dev.ddb.common.json.Json;
import dev.ddb.common.protocol.Operation;
import dev.ddb.common.protocol.RequestContext;
import dev.ddb.common.table.TableDescription;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * ExecuteStatement: one PartiQL statement. A SELECT answers its page of Items (a Query's or a
 * Scan's) with a NextToken while there are more; a write answers no Items, or the one its
 * RETURNING clause asks for.
 */
public final class ExecuteStatement implements Operation {

    private final PartiQlOperations operations;

    ExecuteStatement(PartiQlOperations operations) {
        this.operations = operations;
    }

    @Override
    public JsonNode invoke(RequestContext context, ObjectNode request) {
        Statement statement = PartiQlOperations.parse(request);
        TableDescription table = operations.table(context, statement);
        ItemRequest item;
        if (statement instanceof Statement.Select select) {
            item = StatementRequests.select(select, table);
            PartiQlOperations.copy(request, item.request(), "ConsistentRead");
            PartiQlOperations.copy(request, item.request(), "Limit");
            if (request.hasNonNull("NextToken")) {
                item.request().set("ExclusiveStartKey", NextTokens.startKey(request.get("NextToken").asString()));
            }
        } else {
            item = PartiQlOperations.write(statement, table);
            PartiQlOperations.copy(request, item.request(), "ReturnValuesOnConditionCheckFailure");
        }
        PartiQlOperations.copy(request, item.request(), "ReturnConsumedCapacity");
        JsonNode answer = operations.run(context, statement, item);

        ObjectNode response = Json.object();
        ArrayNode items = response.putArray("Items");
        if (statement instanceof Statement.Select select) {
            answer.path("Items").forEach(found -> items.add(SelectedItems.of(select, found)));
            if (answer.hasNonNull("LastEvaluatedKey")) {
                response.put("NextToken", NextTokens.of(answer.get("LastEvaluatedKey")));
                response.set("LastEvaluatedKey", answer.get("LastEvaluatedKey"));
            }
        } else if (answer.path("Attributes").size() > 0) {
            items.add(answer.get("Attributes"));
        }
        PartiQlOperations.copy(answer, response, "ConsumedCapacity");
        return response;
    }
}
