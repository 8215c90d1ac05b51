package dev.ddb.item.partiql;

import java.util.ArrayList;
import java.util.List;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.json.Json;
import dev.ddb.common.protocol.Operation;
import dev.ddb.common.protocol.RequestContext;
import dev.ddb.common.table.TableDescription;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * ExecuteTransaction: up to 100 statements, all reads or all writes, carried out as one
 * TransactGetItems or TransactWriteItems (all or nothing, the ClientRequestToken kept as there).
 * Reads answer one Response per statement; writes answer none. A write transaction's
 * {@code EXISTS(SELECT ...)} is a ConditionCheck.
 */
public final class ExecuteTransaction implements Operation {

    private final PartiQlOperations operations;

    ExecuteTransaction(PartiQlOperations operations) {
        this.operations = operations;
    }

    @Override
    public JsonNode invoke(RequestContext context, ObjectNode request) {
        List<Statement> statements = new ArrayList<>();
        List<JsonNode> members = new ArrayList<>();
        for (JsonNode member : request.path("TransactStatements")) {
            members.add(member);
            statements.add(PartiQlOperations.parse(member));
        }
        boolean reads = statements.stream().anyMatch(Statement::isRead);
        if (reads && !statements.stream().allMatch(Statement::isRead)) {
            throw DynamoDbException.validation("ExecuteTransaction API does not support both read and write operations in the same request.");
        }
        ArrayNode actions = Json.array();
        for (int i = 0; i < statements.size(); i++) {
            Statement statement = statements.get(i);
            TableDescription table = operations.table(context, statement);
            ItemRequest item = reads ? read((Statement.Select) statement, table, i) : write(statement, table, i);
            PartiQlOperations.copy(members.get(i), item.request(), "ReturnValuesOnConditionCheckFailure");
            actions.addObject().set(reads ? "Get" : item.operation().replace("Item", ""), item.request());
        }
        ObjectNode transaction = Json.object();
        transaction.set("TransactItems", actions);
        PartiQlOperations.copy(request, transaction, "ReturnConsumedCapacity");
        ObjectNode response = Json.object();
        if (reads) {
            JsonNode answer = operations.invoke("TransactGetItems", context, transaction);
            ArrayNode responses = response.putArray("Responses");
            for (int i = 0; i < statements.size(); i++) {
                JsonNode found = answer.path("Responses").path(i).get("Item");
                ObjectNode itemResponse = responses.addObject();
                if (found != null) {
                    itemResponse.set("Item", SelectedItems.of((Statement.Select) statements.get(i), found));
                }
            }
            PartiQlOperations.copy(answer, response, "ConsumedCapacity");
            return response;
        }
        PartiQlOperations.copy(request, transaction, "ClientRequestToken");
        JsonNode answer;
        try {
            answer = operations.invoke("TransactWriteItems", context, transaction);
        } catch (DynamoDbException e) {
            throw duplicateItems(e, statements);
        }
        response.putArray("Responses");
        PartiQlOperations.copy(answer, response, "ConsumedCapacity");
        return response;
    }

    private static ItemRequest read(Statement.Select select, TableDescription table, int index) {
        if (select.indexName() != null) {
            throw invalid(index, "Reads on indices are not supported within transactions.");
        }
        ItemRequest item = StatementRequests.getItem(select, table);
        if (item == null) {
            throw invalid(index, "Select statements within ExecuteTransaction must specify the primary key in the where clause.");
        }
        return item;
    }

    private static ItemRequest write(Statement statement, TableDescription table, int index) {
        if (statement instanceof Statement.Exists exists) {
            if (exists.select().indexName() != null) {
                throw invalid(index, "Operations on indices are not supported in transactions");
            }
            ItemRequest check;
            try {
                check = StatementRequests.conditionCheck(exists, table);
            } catch (DynamoDbException e) {
                throw invalid(index, e.getMessage()); // no whole key: named by its place, as the other EXISTS errors
            }
            if (check == null) {
                throw invalid(index, "EXISTS() must contain a single item read with additional condition");
            }
            return check;
        }
        ItemRequest item = PartiQlOperations.write(statement, table);
        if (item.request().has("ReturnValues")) {
            throw invalid(index, "RETURNING clause is not supported in ExecuteTransaction.");
        }
        return item;
    }

    private static DynamoDbException invalid(int index, String message) {
        return DynamoDbException.validation("Validation failed in TransactStatements[" + index + "]: " + message);
    }

    /** A cancelled transaction's INSERTs whose item existed: DuplicateItem, as DynamoDB reports them. */
    private static DynamoDbException duplicateItems(DynamoDbException e, List<Statement> statements) {
        JsonNode reasons = e.members().get("CancellationReasons");
        if (reasons == null || !reasons.isArray()) {
            return e;
        }
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < reasons.size(); i++) {
            if (i < statements.size() && statements.get(i) instanceof Statement.Insert
                    && reasons.get(i).path("Code").asString().equals("ConditionalCheckFailed")) {
                ((ObjectNode) reasons.get(i)).put("Code", "DuplicateItem")
                        .put("Message", PartiQlOperations.duplicateItem().getMessage());
            }
            codes.add(reasons.get(i).path("Code").asString());
        }
        DynamoDbException renamed = DynamoDbException.transactionCanceled(
                "Transaction cancelled, please refer cancellation reasons for specific reasons " + codes);
        e.members().forEach(renamed::withMember);
        return renamed;
    }
}
