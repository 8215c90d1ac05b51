package dev.ddb.item.expression.parse;

import java.util.Set;

/** The function names DynamoDB knows (case-sensitive), by the expressions they belong to. */
final class Functions {

    static final String ATTRIBUTE_EXISTS = "attribute_exists";
    static final String ATTRIBUTE_NOT_EXISTS = "attribute_not_exists";
    static final String ATTRIBUTE_TYPE = "attribute_type";
    static final String BEGINS_WITH = "begins_with";
    static final String CONTAINS = "contains";
    static final String SIZE = "size";
    static final String IF_NOT_EXISTS = "if_not_exists";
    static final String LIST_APPEND = "list_append";

    private static final Set<String> CONDITION = Set.of(ATTRIBUTE_EXISTS, ATTRIBUTE_NOT_EXISTS, ATTRIBUTE_TYPE,
            BEGINS_WITH, CONTAINS, SIZE);
    private static final Set<String> UPDATE = Set.of(IF_NOT_EXISTS, LIST_APPEND);

    private Functions() {
    }

    static boolean isConditionFunction(String name) {
        return CONDITION.contains(name);
    }

    static boolean isUpdateFunction(String name) {
        return UPDATE.contains(name);
    }

    static String notAllowedThisWay(String name) {
        return "The function is not allowed to be used this way in an expression; function: " + name;
    }

    static String invalidName(String name) {
        return "Invalid function name; function: " + name;
    }

    static String operandCount(String name, int count) {
        return "Incorrect number of operands for operator or function; operator or function: " + name
                + ", number of operands: " + count;
    }

    static String operandType(String name, String type) {
        return "Incorrect operand type for operator or function; operator or function: " + name + ", operand type: " + type;
    }

    static String requiresPath(String name) {
        return "Operator or function requires a document path; operator or function: " + name;
    }
}
