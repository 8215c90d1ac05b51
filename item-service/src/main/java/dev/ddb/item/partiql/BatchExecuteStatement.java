package dev.ddb.item.partiql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.json.Json;
import dev.ddb.common.protocol.Operation;
import dev.ddb.common.protocol.RequestContext;
import dev.ddb.common.table.TableDescription;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * BatchExecuteStatement: up to 25 statements, all reads (each a SELECT of one item by its whole
 * key) or all writes, each carried out on its own: a statement that fails gets its Error in its
 * place of Responses and the others go on, as in DynamoDB.
 */
public final class BatchExecuteStatement implements Operation {

    /** DynamoDB's BatchStatementError codes, by the exception each stands for. */
    private static final Map<String, String> ERROR_CODES = Map.ofEntries(
            Map.entry("ConditionalCheckFailedException", "ConditionalCheckFailed"),
            Map.entry("DuplicateItemException", "DuplicateItem"),
            Map.entry("ValidationException", "ValidationError"),
            Map.entry("ResourceNotFoundException", "ResourceNotFound"),
            Map.entry("ProvisionedThroughputExceededException", "ProvisionedThroughputExceeded"),
            Map.entry("ThrottlingException", "ThrottlingError"),
            Map.entry("TransactionConflictException", "TransactionConflict"),
            Map.entry("ItemCollectionSizeLimitExceededException", "ItemCollectionSizeLimitExceeded"),
            Map.entry("RequestLimitExceeded", "RequestLimitExceeded"),
            Map.entry("AccessDeniedException", "AccessDenied"));

    private final PartiQlOperations operations;

    BatchExecuteStatement(PartiQlOperations operations) {
        this.operations = operations;
    }

    @Override
    public JsonNode invoke(RequestContext context, ObjectNode request) {
        List<JsonNode> members = new ArrayList<>();
        request.path("Statements").forEach(members::add);
        List<Object> parsed = new ArrayList<>(); // a Statement, or the DynamoDbException that parsing it threw
        boolean reads = false;
        boolean writes = false;
        for (JsonNode member : members) {
            try {
                Statement statement = PartiQlOperations.parse(member);
                parsed.add(statement);
                reads |= statement.isRead();
                writes |= !statement.isRead();
            } catch (DynamoDbException e) {
                parsed.add(e);
            }
        }
        if (reads && writes) {
            throw DynamoDbException.validation("Read and write requests together in the same batch is not supported.");
        }
        CapacityTotals capacity = new CapacityTotals();
        ArrayNode responses = Json.array();
        for (int i = 0; i < members.size(); i++) {
            ObjectNode response = responses.addObject();
            try {
                if (parsed.get(i) instanceof DynamoDbException e) {
                    throw e;
                }
                Statement statement = (Statement) parsed.get(i);
                response.put("TableName", statement.tableName());
                TableDescription table = operations.table(context, statement);
                JsonNode answer = statement instanceof Statement.Select select
                        ? read(context, select, table, members.get(i), request)
                        : write(context, statement, table, request);
                if (answer.hasNonNull("Item")) {
                    response.set("Item", SelectedItems.of((Statement.Select) statement, answer.get("Item")));
                }
                capacity.add(answer.get("ConsumedCapacity"));
            } catch (DynamoDbException e) {
                String code = ERROR_CODES.getOrDefault(e.code(), e.status() >= 500 ? "InternalServerError" : "ValidationError");
                response.putObject("Error").put("Code", code).put("Message", e.getMessage());
            }
        }
        ObjectNode result = Json.object();
        result.set("Responses", responses);
        if (!capacity.isEmpty()) {
            result.set("ConsumedCapacity", capacity.toJson());
        }
        return result;
    }

    private JsonNode read(RequestContext context, Statement.Select select, TableDescription table, JsonNode member,
                          JsonNode request) {
        ItemRequest item = StatementRequests.getItem(select, table);
        if (item == null) {
            throw DynamoDbException.validation("Select statements within BatchExecuteStatement must specify the primary key in the where clause.");
        }
        PartiQlOperations.copy(member, item.request(), "ConsistentRead");
        PartiQlOperations.copy(request, item.request(), "ReturnConsumedCapacity");
        return operations.run(context, select, item);
    }

    private JsonNode write(RequestContext context, Statement statement, TableDescription table, JsonNode request) {
        ItemRequest item = PartiQlOperations.write(statement, table);
        item.request().remove("ReturnValues"); // a batch answers no items for its writes
        PartiQlOperations.copy(request, item.request(), "ReturnConsumedCapacity");
        return operations.run(context, statement, item);
    }
}
