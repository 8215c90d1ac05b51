package dev.ddb.item.expression.legacy;

import java.util.ArrayList;
import java.util.List;

import dev.ddb.common.error.DynamoDbException;
import tools.jackson.databind.JsonNode;

/**
 * DynamoDB's rules for mixing the expression parameters with the legacy ones in one request
 * (Developer Guide, "Legacy conditional parameters"), per operation.
 */
public enum ParameterMixing {
    PUT_ITEM(List.of("ConditionExpression"), List.of("Expected", "ConditionalOperator")),
    DELETE_ITEM(List.of("ConditionExpression"), List.of("Expected", "ConditionalOperator")),
    UPDATE_ITEM(List.of("UpdateExpression", "ConditionExpression"),
            List.of("AttributeUpdates", "Expected", "ConditionalOperator")),
    /** Also each table of BatchGetItem. */
    GET_ITEM(List.of("ProjectionExpression"), List.of("AttributesToGet")),
    QUERY(List.of("ProjectionExpression", "FilterExpression", "KeyConditionExpression"),
            List.of("AttributesToGet", "QueryFilter", "ConditionalOperator", "KeyConditions")),
    SCAN(List.of("ProjectionExpression", "FilterExpression"), List.of("AttributesToGet", "ScanFilter", "ConditionalOperator"));

    private final List<String> expressionParameters;
    private final List<String> legacyParameters;

    ParameterMixing(List<String> expressionParameters, List<String> legacyParameters) {
        this.expressionParameters = expressionParameters;
        this.legacyParameters = legacyParameters;
    }

    /**
     * Whether the operation has ExpressionAttributeValues at all: GetItem (and BatchGetItem's and
     * TransactGetItems' gets) has only a projection, which takes no {@code :values}, so the member is
     * not in its API and is ignored as any unknown member is.
     */
    public boolean hasExpressionAttributeValues() {
        return expressionParameters.stream().anyMatch(parameter -> !parameter.equals("ProjectionExpression"));
    }

    /** Throws DynamoDB's error when the request mixes the two kinds or has attributes without expressions. */
    public void check(JsonNode request) {
        List<String> expressions = present(request, expressionParameters);
        if (!expressions.isEmpty()) {
            List<String> legacy = present(request, legacyParameters);
            if (this == QUERY && !has(request, "KeyConditionExpression")) {
                legacy.remove("KeyConditions"); // KeyConditions may go with a FilterExpression
            }
            if (!legacy.isEmpty()) {
                throw DynamoDbException.validation("Can not use both expression and non-expression parameters in the same request: "
                        + "Non-expression parameters: {" + String.join(", ", legacy) + "} "
                        + "Expression parameters: {" + String.join(", ", expressions) + "}");
            }
        }
        if (has(request, "ExpressionAttributeNames") && expressions.isEmpty()) {
            throw DynamoDbException.validation("ExpressionAttributeNames can only be specified when using expressions");
        }
        List<String> valueExpressions = new ArrayList<>(expressionParameters);
        valueExpressions.remove("ProjectionExpression"); // a projection has no :values
        if (has(request, "ExpressionAttributeValues") && !valueExpressions.isEmpty()
                && present(request, valueExpressions).isEmpty()) {
            throw DynamoDbException.validation("ExpressionAttributeValues can only be specified when using expressions: "
                    + String.join(" and ", valueExpressions) + (valueExpressions.size() > 1 ? " are" : " is") + " null");
        }
    }

    private static List<String> present(JsonNode request, List<String> members) {
        List<String> present = new ArrayList<>();
        for (String member : members) {
            if (has(request, member)) {
                present.add(member);
            }
        }
        return present;
    }

    private static boolean has(JsonNode request, String member) {
        return !LegacyParameters.isAbsent(request.get(member));
    }
}
