package dev.ddb.item.expression.parse;

import java.util.List;

import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.item.expression.ExpressionAttributes;

/** What the builders of one expression share: its kind, the request's attributes, the problems found. */
final class ParseSession {

    /** DynamoDB's limit on operators and functions in one expression. */
    static final int MAX_OPERATORS = 300;

    private final String kind;
    private final ExpressionAttributes attributes;
    private final TokenStream tokens;
    private final Problems problems;
    private int operators;

    /** @param tokens the expression's tokens, which syntax errors found while building quote */
    ParseSession(String kind, ExpressionAttributes attributes, TokenStream tokens, List<Problem> order) {
        this.kind = kind;
        this.attributes = attributes;
        this.tokens = tokens;
        this.problems = new Problems(kind, order);
    }

    String kind() {
        return kind;
    }

    ExpressionAttributes attributes() {
        return attributes;
    }

    void report(Problem problem, String detail) {
        problems.report(problem, detail);
    }

    /** Counts one operator or function against DynamoDB's limit. */
    void countOperator() {
        operators++;
        if (operators > MAX_OPERATORS) {
            report(Problem.TOO_MANY_OPERATORS, "The expression contains too many operators; operator count: " + operators);
        }
    }

    /** For text the grammar accepts but DynamoDB's parser would not, e.g. a keyword used as a name. */
    DynamoDbException syntaxError(Token token) {
        return SyntaxErrors.at(token, tokens, kind);
    }

    void throwFirstProblem() {
        problems.throwFirst();
    }
}
