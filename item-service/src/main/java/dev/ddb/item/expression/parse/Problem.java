package dev.ddb.item.expression.parse;

import java.util.List;

/**
 * The kinds of semantic mistakes in an expression. DynamoDB reports only one, chosen by kind in
 * a fixed order per expression type (e.g. a reserved word before an undefined value), not by
 * position, so the builders collect them all and report the first in that order.
 */
enum Problem {
    REDUNDANT_PARENTHESES,
    UNKNOWN_FUNCTION,
    MISUSED_FUNCTION,
    RESERVED_WORD,
    SECTION_REPEATED,
    PATH_TOO_DEEP,
    UNDEFINED_NAME,
    UNDEFINED_VALUE,
    PATH_OVERLAP,
    PATH_CONFLICT,
    ACTION_OPERAND_TYPE,
    TOO_MANY_OPERATORS,
    OPERAND_COUNT,
    OPERAND_NOT_DISTINCT,
    OPERAND_TYPE;

    static final List<Problem> CONDITION_ORDER = List.of(REDUNDANT_PARENTHESES, UNKNOWN_FUNCTION, MISUSED_FUNCTION,
            RESERVED_WORD, PATH_TOO_DEEP, TOO_MANY_OPERATORS, UNDEFINED_NAME, UNDEFINED_VALUE, OPERAND_COUNT,
            OPERAND_NOT_DISTINCT, OPERAND_TYPE);

    static final List<Problem> UPDATE_ORDER = List.of(REDUNDANT_PARENTHESES, RESERVED_WORD, UNKNOWN_FUNCTION, MISUSED_FUNCTION,
            SECTION_REPEATED, PATH_TOO_DEEP, TOO_MANY_OPERATORS, UNDEFINED_NAME, UNDEFINED_VALUE, PATH_OVERLAP,
            PATH_CONFLICT, ACTION_OPERAND_TYPE, OPERAND_COUNT, OPERAND_TYPE);

    static final List<Problem> PROJECTION_ORDER = List.of(RESERVED_WORD, PATH_TOO_DEEP, UNDEFINED_NAME,
            PATH_OVERLAP, PATH_CONFLICT);
}
