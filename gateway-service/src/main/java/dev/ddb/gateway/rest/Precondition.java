package dev.ddb.gateway.rest;

import org.springframework.http.HttpHeaders;

/**
 * A conditional write's precondition, from HTTP's {@code If-Match: *} (the item must exist) or
 * {@code If-None-Match: *} (it must not). Items carry no entity tags, so {@code *} is the only
 * value; a write whose precondition fails is DynamoDB's ConditionalCheckFailedException, 409.
 */
enum Precondition {
    NONE(null),
    EXISTS("attribute_exists(#key)"),
    NOT_EXISTS("attribute_not_exists(#key)");

    /** The ConditionExpression, with {@code #key} standing for the partition key. */
    final String conditionExpression;

    Precondition(String conditionExpression) {
        this.conditionExpression = conditionExpression;
    }

    static Precondition of(HttpHeaders headers) {
        String ifMatch = headers.getFirst(HttpHeaders.IF_MATCH);
        String ifNoneMatch = headers.getFirst(HttpHeaders.IF_NONE_MATCH);
        if (ifMatch != null && ifNoneMatch != null) {
            throw RestProblem.badRequest("Send If-Match or If-None-Match, not both");
        }
        if (ifMatch != null) {
            return star(HttpHeaders.IF_MATCH, ifMatch, EXISTS);
        }
        if (ifNoneMatch != null) {
            return star(HttpHeaders.IF_NONE_MATCH, ifNoneMatch, NOT_EXISTS);
        }
        return NONE;
    }

    private static Precondition star(String header, String value, Precondition precondition) {
        if (!value.trim().equals("*")) {
            throw RestProblem.badRequest(header + " must be * (items have no entity tags): " + value);
        }
        return precondition;
    }
}
