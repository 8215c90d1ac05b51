package dev.ddb.gateway.rest;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.util.MultiValueMap;

/**
 * {@code GET /v1/tables/{table}/items?...}: a Query by partition key.
 *
 * <pre>
 * partitionKey=V          required: the partition key's value (of the table, or of the index)
 * sk_eq=V  sk_lt=V  sk_le=V  sk_gt=V  sk_ge=V  sk_begins_with=V
 * sk_between=LOW&amp;sk_between=HIGH   at most one sort-key condition
 * index=NAME              query a secondary index
 * limit=N                 at most N items per page (DynamoDB's Limit)
 * next=TOKEN              the page after the one whose answer gave this token
 * order=asc|desc          sort-key order (default asc)
 * consistent=true         a strongly consistent read
 * </pre>
 *
 * @param sortKeyOperator the KeyConditionExpression comparator ({@code =}, {@code <}, ...,
 *                        {@code begins_with}, {@code BETWEEN}); null without a sort-key condition
 */
record ItemQuery(String partitionKey, String sortKeyOperator, List<String> sortKeyValues, String index,
                 Integer limit, String next, boolean descending, boolean consistent) {

    /** Parameter to KeyConditionExpression operator. */
    static final Map<String, String> SORT_KEY_CONDITIONS = Map.of("sk_eq", "=", "sk_lt", "<", "sk_le", "<=",
            "sk_gt", ">", "sk_ge", ">=", "sk_begins_with", "begins_with", "sk_between", "BETWEEN");

    private static final Set<String> OTHER_PARAMETERS = Set.of("partitionKey", "index", "limit", "next", "order",
            "consistent");

    static ItemQuery of(MultiValueMap<String, String> parameters) {
        String operator = null;
        List<String> values = List.of();
        for (String name : parameters.keySet()) {
            if (SORT_KEY_CONDITIONS.containsKey(name)) {
                if (operator != null) {
                    throw RestProblem.badRequest("At most one sort-key condition (sk_...) per query");
                }
                operator = SORT_KEY_CONDITIONS.get(name);
                values = parameters.get(name);
                int expected = name.equals("sk_between") ? 2 : 1;
                if (values.size() != expected) {
                    throw RestProblem.badRequest(name + " takes " + (expected == 2
                            ? "two values: " + name + "=LOW&" + name + "=HIGH" : "one value"));
                }
            } else if (!OTHER_PARAMETERS.contains(name) && !name.startsWith("X-Amz-")) { // a presigned call's
                throw RestProblem.badRequest("Unknown query parameter: " + name);
            }
        }
        String partitionKey = single(parameters, "partitionKey");
        if (partitionKey == null) {
            throw RestProblem.badRequest("partitionKey is required: a query reads one partition");
        }
        String order = single(parameters, "order");
        if (order != null && !order.equals("asc") && !order.equals("desc")) {
            throw RestProblem.badRequest("order must be asc or desc: " + order);
        }
        return new ItemQuery(partitionKey, operator, values, single(parameters, "index"),
                integer(single(parameters, "limit"), "limit"), single(parameters, "next"), "desc".equals(order),
                bool(single(parameters, "consistent"), "consistent"));
    }

    static String single(MultiValueMap<String, String> parameters, String name) {
        List<String> values = parameters.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw RestProblem.badRequest(name + " is given more than once");
        }
        return values.get(0);
    }

    static Integer integer(String value, String name) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw RestProblem.badRequest(name + " must be an integer: " + value);
        }
    }

    static boolean bool(String value, String name) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw RestProblem.badRequest(name + " must be true or false: " + value);
    }
}
