package dev.ddb.item.partiql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.ddb.common.attribute.AttributeValueJson;
import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.protocol.Operation;
import dev.ddb.common.protocol.RequestContext;
import dev.ddb.common.table.TableDescription;
import dev.ddb.item.operation.Tables;
import dev.ddb.item.storage.ItemStore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the three PartiQL operations share: parsing a statement with its parameters, finding its
 * table, and running the item operation it becomes (so a statement is checked, charged, indexed
 * and streamed exactly as that operation is).
 */
public final class PartiQlOperations {

    private static final Pattern EXPRESSION_PREFIX = Pattern.compile("Invalid (?:Filter|Condition|KeyCondition|Update|Projection)Expression: ");
    private static final Pattern VALUE_WRAPPER = Pattern.compile("(?s)ExpressionAttributeValues contains invalid value: (.*) for key :v[0-9]+");

    private final ItemStore store;
    private final Map<String, Operation> itemOperations;

    /** @param itemOperations the item operations by name: GetItem, Query, Scan, PutItem, ... */
    PartiQlOperations(ItemStore store, Map<String, Operation> itemOperations) {
        this.store = store;
        this.itemOperations = Map.copyOf(itemOperations);
    }

    /** ExecuteStatement, BatchExecuteStatement and ExecuteTransaction, by name, over the item operations given. */
    public static Map<String, Operation> all(ItemStore store, Map<String, Operation> itemOperations) {
        PartiQlOperations operations = new PartiQlOperations(store, itemOperations);
        return Map.of("ExecuteStatement", new ExecuteStatement(operations),
                "BatchExecuteStatement", new BatchExecuteStatement(operations),
                "ExecuteTransaction", new ExecuteTransaction(operations));
    }

    /** The statement of {@code request} (a request or a batch or transaction member) with its Parameters. */
    static Statement parse(JsonNode request) {
        List<JsonNode> parameters = new ArrayList<>();
        for (JsonNode parameter : request.path("Parameters")) {
            PartiQlNumbers.checkParameter(parameter, 1);
            // then checked as any AttributeValue, and written back without the null members an SDK may send
            parameters.add(AttributeValueJson.write(AttributeValueJson.read(parameter)));
        }
        return StatementParser.parse(request.path("Statement").asString(), parameters);
    }

    TableDescription table(RequestContext context, Statement statement) {
        return Tables.require(store, context, statement.tableName());
    }

    /** The item operation a write statement becomes (an EXISTS only in a transaction, which asks for it itself). */
    static ItemRequest write(Statement statement, TableDescription table) {
        if (statement instanceof Statement.Exists) {
            throw DynamoDbException.validation("EXISTS can only be used in ExecuteTransaction write requests.");
        }
        if (statement instanceof Statement.Insert insert) {
            return StatementRequests.insert(insert, table);
        }
        if (statement instanceof Statement.Update update) {
            return StatementRequests.update(update, table);
        }
        return StatementRequests.delete((Statement.Delete) statement, table);
    }

    /** Runs the item operation; a duplicate INSERT is DynamoDB's DuplicateItemException. */
    JsonNode run(RequestContext context, Statement statement, ItemRequest request) {
        try {
            return invoke(request.operation(), context, request.request());
        } catch (DynamoDbException e) {
            if (statement instanceof Statement.Insert && e.code().equals("ConditionalCheckFailedException")) {
                throw duplicateItem();
            }
            throw e;
        }
    }

    /** Runs an item operation, its errors worded as for the statement (not for the expressions it was written as). */
    JsonNode invoke(String operation, RequestContext context, ObjectNode request) {
        try {
            return itemOperations.get(operation).invoke(context, request);
        } catch (DynamoDbException e) {
            throw unwrapped(e);
        }
    }

    /**
     * The error without what the statement's expressions added to it: "Invalid FilterExpression: "
     * before, "ExpressionAttributeValues contains invalid value: ... for key :v0" around.
     */
    static DynamoDbException unwrapped(DynamoDbException e) {
        if (!e.code().equals("ValidationException")) {
            return e;
        }
        String message = e.getMessage();
        Matcher prefix = EXPRESSION_PREFIX.matcher(message);
        if (prefix.lookingAt()) {
            message = message.substring(prefix.end());
        }
        Matcher value = VALUE_WRAPPER.matcher(message);
        if (value.matches()) {
            message = value.group(1);
        }
        if (message.equals(e.getMessage())) {
            return e;
        }
        DynamoDbException unwrapped = new DynamoDbException(e.type(), message, e.status());
        e.members().forEach(unwrapped::withMember);
        return unwrapped;
    }

    static DynamoDbException duplicateItem() {
        return DynamoDbException.duplicateItem("Duplicate primary key exists in table");
    }

    static void copy(JsonNode from, ObjectNode to, String member) {
        if (from.hasNonNull(member)) {
            to.set(member, from.get(member));
        }
    }
}
