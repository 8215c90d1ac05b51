package dev.ddb.item.partiql;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.json.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes PartiQL terms as DynamoDB expressions of one request: every name becomes a {@code #n}
 * and every value a {@code :v} placeholder, so the expressions need no quoting and the request's
 * own validation (types, sizes, functions) applies to them as to any other request's.
 */
final class ExpressionText {

    /** PartiQL's functions that DynamoDB's expressions have under the same name, with their numbers of operands. */
    private static final Map<String, Integer> FUNCTIONS = Map.of("begins_with", 2, "contains", 2, "attribute_type", 2,
            "size", 1, "attribute_exists", 1, "attribute_not_exists", 1, "list_append", 2, "if_not_exists", 2);

    /** The functions that are conditions, which PartiQL may compare with true or false. */
    private static final List<String> TESTS = List.of("attribute_exists", "attribute_not_exists", "attribute_type",
            "begins_with", "contains");

    private final ObjectNode names = Json.object();
    private final ObjectNode values = Json.object();
    private final Map<String, String> nameRefs = new HashMap<>();

    String path(Term.Path path) {
        StringBuilder text = new StringBuilder();
        for (Object step : path.steps()) {
            if (step instanceof Integer index) {
                text.append('[').append(index).append(']');
            } else {
                if (!text.isEmpty()) {
                    text.append('.');
                }
                text.append(name((String) step));
            }
        }
        return text.toString();
    }

    String name(String name) {
        return nameRefs.computeIfAbsent(name, n -> {
            String ref = "#n" + nameRefs.size();
            names.put(ref, n);
            return ref;
        });
    }

    String value(Term.Literal literal) {
        String ref = ":v" + values.size();
        values.set(ref, literal.value());
        return ref;
    }

    /** A condition, parenthesized wherever precedence could differ. */
    String condition(Term term) {
        if (term instanceof Term.And and) {
            return joined(and.terms(), " AND ");
        }
        if (term instanceof Term.Or or) {
            return joined(or.terms(), " OR ");
        }
        if (term instanceof Term.Not not) {
            return "NOT (" + condition(not.operand()) + ")";
        }
        if (term instanceof Term.Comparison comparison) {
            String test = booleanTest(comparison);
            return test != null ? test : operand(comparison.left()) + " " + comparison.operator() + " " + operand(comparison.right());
        }
        if (term instanceof Term.Between between) {
            return operand(between.operand()) + " BETWEEN " + operand(between.low()) + " AND " + operand(between.high());
        }
        if (term instanceof Term.In in) {
            return operand(in.operand()) + " IN (" + in.candidates().stream().map(this::operand).collect(Collectors.joining(", ")) + ")";
        }
        if (term instanceof Term.Is is) {
            if (is.missing()) {
                return (is.not() ? "attribute_exists(" : "attribute_not_exists(") + path(is.path()) + ")";
            }
            String isType = "attribute_type(" + path(is.path()) + ", "
                    + value(new Term.Literal(Json.object().put("S", is.attributeType()))) + ")";
            return is.not() ? "NOT " + isType : isType;
        }
        if (term instanceof Term.Function function) {
            return function(function);
        }
        throw unsupported("a value is not a condition");
    }

    private String joined(List<Term> terms, String operator) {
        return terms.stream().map(term -> "(" + condition(term) + ")").collect(Collectors.joining(operator));
    }

    /**
     * {@code attribute_exists(a) = true} and the like: PartiQL compares a test with a boolean,
     * where DynamoDB's expressions take the test alone (or negated); null for any other comparison.
     */
    private String booleanTest(Term.Comparison comparison) {
        if (!comparison.operator().equals("=") && !comparison.operator().equals("<>")) {
            return null;
        }
        Term function = comparison.left() instanceof Term.Function ? comparison.left() : comparison.right();
        Term other = function == comparison.left() ? comparison.right() : comparison.left();
        if (!(function instanceof Term.Function test) || !TESTS.contains(test.name())
                || !(other instanceof Term.Literal literal) || !literal.value().has("BOOL")) {
            return null;
        }
        boolean holds = literal.value().get("BOOL").asBoolean() == comparison.operator().equals("=");
        return holds ? function(test) : "NOT " + function(test);
    }

    String operand(Term term) {
        if (term instanceof Term.Path path) {
            return path(path);
        }
        if (term instanceof Term.Literal literal) {
            return value(literal);
        }
        if (term instanceof Term.Arithmetic arithmetic) {
            return operand(arithmetic.left()) + " " + arithmetic.operator() + " " + operand(arithmetic.right());
        }
        if (term instanceof Term.Function function) {
            return function(function);
        }
        throw unsupported("a condition is not a value");
    }

    private String function(Term.Function function) {
        Integer operands = FUNCTIONS.get(function.name());
        if (operands == null) {
            throw DynamoDbException.validation("Unrecognized function: " + function.name() + " at " + function.at());
        }
        if (function.arguments().size() != operands) {
            throw DynamoDbException.validation("Incorrect number of operands for operator or function; operator or function: "
                    + function.name() + ", number of operands: " + function.arguments().size());
        }
        return function.name() + "(" + function.arguments().stream().map(this::operand).collect(Collectors.joining(", ")) + ")";
    }

    /** Puts the names and values used into {@code request}, as ExpressionAttributeNames/Values. */
    void addTo(ObjectNode request) {
        if (!names.isEmpty()) {
            request.set("ExpressionAttributeNames", names);
        }
        if (!values.isEmpty()) {
            request.set("ExpressionAttributeValues", values);
        }
    }

    static DynamoDbException unsupported(String what) {
        return DynamoDbException.validation("Unsupported operation: " + what);
    }
}
