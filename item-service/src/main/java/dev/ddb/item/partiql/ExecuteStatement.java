package dev.ddb.item.partiql;

import java.util.List;

import dev.ddb.common.json.Json;
import dev.ddb.common.protocol.Operation;
import dev.ddb.common.protocol.RequestContext;
import dev.ddb.common.table.TableDescription;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * ExecuteStatement: one PartiQL statement. A SELECT answers its page of Items (of a Query, a
 * Scan, or the Queries of a partition key IN list) with a NextToken while there are more; a write
 * answers no Items, or the one its RETURNING clause asks for.
 */
public final class ExecuteStatement implements Operation {

    /** What a page of a Query answers at most; a page of an IN list's Queries ends after the Query that reaches it. */
    private static final long PAGE_BYTES = 1024 * 1024;

    private final PartiQlOperations operations;

    ExecuteStatement(PartiQlOperations operations) {
        this.operations = operations;
    }

    @Override
    public JsonNode invoke(RequestContext context, ObjectNode request) {
        Statement statement = PartiQlOperations.parse(request);
        TableDescription table = operations.table(context, statement);
        if (statement instanceof Statement.Select select) {
            return select(context, select, StatementRequests.select(select, table), request);
        }
        ItemRequest item = PartiQlOperations.write(statement, table);
        PartiQlOperations.copy(request, item.request(), "ReturnValuesOnConditionCheckFailure");
        PartiQlOperations.copy(request, item.request(), "ReturnConsumedCapacity");
        JsonNode answer = operations.run(context, statement, item);
        ObjectNode response = Json.object();
        ArrayNode items = response.putArray("Items");
        if (answer.path("Attributes").size() > 0) {
            items.add(answer.get("Attributes"));
        }
        PartiQlOperations.copy(answer, response, "ConsumedCapacity");
        return response;
    }

    /**
     * Runs a SELECT's reads from where its NextToken says, one after the other, until one stops
     * early (a LastEvaluatedKey), Limit items are evaluated, or a page's worth of items is read.
     */
    private JsonNode select(RequestContext context, Statement.Select select, List<ItemRequest> reads, ObjectNode request) {
        NextTokens from = request.hasNonNull("NextToken")
                ? NextTokens.of(request.get("NextToken").asString(), reads.size()) : NextTokens.FIRST;
        Integer limit = request.hasNonNull("Limit") ? request.get("Limit").asInt() : null;
        ObjectNode response = Json.object();
        ArrayNode items = response.putArray("Items");
        CapacityTotals capacity = new CapacityTotals();
        long evaluated = 0;
        long bytes = 0;
        NextTokens next = null;
        for (int i = from.read(); i < reads.size() && next == null; i++) {
            ObjectNode read = reads.get(i).request();
            PartiQlOperations.copy(request, read, "ConsistentRead");
            PartiQlOperations.copy(request, read, "ReturnConsumedCapacity");
            if (i == from.read() && from.startKey() != null) {
                read.set("ExclusiveStartKey", from.startKey());
            }
            if (limit != null) {
                read.put("Limit", limit - evaluated);
            }
            JsonNode answer = operations.run(context, select, reads.get(i));
            boolean moreReads = i + 1 < reads.size();
            for (JsonNode found : answer.path("Items")) {
                JsonNode item = SelectedItems.of(select, found);
                items.add(item);
                if (moreReads) {
                    bytes += Json.write(item).length; // measured only where the page may go on to another Query
                }
            }
            evaluated += answer.path("ScannedCount").asLong();
            capacity.add(answer.get("ConsumedCapacity"));
            if (answer.hasNonNull("LastEvaluatedKey")) {
                next = new NextTokens(i, answer.get("LastEvaluatedKey"));
                response.set("LastEvaluatedKey", answer.get("LastEvaluatedKey"));
            } else if (moreReads && ((limit != null && evaluated >= limit) || bytes >= PAGE_BYTES)) {
                next = new NextTokens(i + 1, null);
            }
        }
        if (next != null) {
            response.put("NextToken", next.text());
        }
        if (!capacity.isEmpty()) {
            response.set("ConsumedCapacity", capacity.toJson().get(0));
        }
        return response;
    }
}
