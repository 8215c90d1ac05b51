package dev.ddb.item.expression.parse;

import dev.ddb.common.error.DynamoDbException;

/** DynamoDB's "Invalid &lt;Kind&gt;: ..." validation errors, named after the request member. */
public final class InvalidExpression {

    private InvalidExpression() {
    }

    /** @param kind the request member, e.g. "ConditionExpression" or "UpdateExpression" */
    public static DynamoDbException of(String kind, String detail) {
        return DynamoDbException.validation("Invalid " + kind + ": " + detail);
    }
}
