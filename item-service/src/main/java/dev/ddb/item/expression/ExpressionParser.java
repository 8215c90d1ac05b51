package dev.ddb.item.expression;

import dev.ddb.common.table.KeySchema;
import dev.ddb.item.expression.parse.ConditionBuilder;
import dev.ddb.item.expression.parse.KeyConditionBuilder;
import dev.ddb.item.expression.parse.KeyConditionTerms;
import dev.ddb.item.expression.parse.ProjectionBuilder;
import dev.ddb.item.expression.parse.UpdateBuilder;

/**
 * Parses DynamoDB expressions into their ASTs, answering mistakes with DynamoDB's
 * ValidationException messages. Parse all expressions of one request with the same
 * {@link ExpressionAttributes}, then call {@link ExpressionAttributes#assertAllUsed()}.
 */
public final class ExpressionParser {

    private ExpressionParser() {
    }

    /** @param kind "ConditionExpression" or "FilterExpression", as DynamoDB names it in errors */
    public static Condition parseCondition(String text, ExpressionAttributes attributes, String kind) {
        return ConditionBuilder.parse(text, orNone(attributes), kind);
    }

    public static UpdateExpression parseUpdate(String text, ExpressionAttributes attributes) {
        return UpdateBuilder.parse(text, orNone(attributes));
    }

    public static Projection parseProjection(String text, ExpressionAttributes attributes) {
        return ProjectionBuilder.parse(text, orNone(attributes));
    }

    /** A KeyConditionExpression as far as it can be checked without the table. */
    public static KeyConditionTerms parseKeyConditionTerms(String text, ExpressionAttributes attributes) {
        return KeyConditionBuilder.parse(text, orNone(attributes));
    }

    /** @param keySchema the key schema of the table or index the Query reads */
    public static KeyCondition parseKeyCondition(String text, ExpressionAttributes attributes, KeySchema keySchema) {
        return parseKeyConditionTerms(text, attributes).resolve(keySchema);
    }

    private static ExpressionAttributes orNone(ExpressionAttributes attributes) {
        return attributes == null ? ExpressionAttributes.none() : attributes;
    }
}
