package dev.ddb.item.expression.parse;

import dev.ddb.item.expression.grammar.DynamoDbExpressionLexer;

/**
 * The three expression grammars differ in which keywords are keywords: AND, OR, NOT, BETWEEN
 * and IN belong to conditions, SET, REMOVE, ADD and DELETE to updates. Elsewhere they are
 * ordinary (mostly reserved) attribute names.
 */
enum Dialect {
    CONDITION, UPDATE, PROJECTION;

    boolean allowsKeywordAsName(int tokenType) {
        return switch (this) {
            case CONDITION -> !isConditionKeyword(tokenType);
            case UPDATE -> isConditionKeyword(tokenType);
            case PROJECTION -> true;
        };
    }

    private static boolean isConditionKeyword(int tokenType) {
        return tokenType == DynamoDbExpressionLexer.AND || tokenType == DynamoDbExpressionLexer.OR
                || tokenType == DynamoDbExpressionLexer.NOT || tokenType == DynamoDbExpressionLexer.BETWEEN
                || tokenType == DynamoDbExpressionLexer.IN;
    }
}
