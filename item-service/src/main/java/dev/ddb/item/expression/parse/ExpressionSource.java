package dev.ddb.item.expression.parse;

import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;

import dev.ddb.common.attribute.ItemSize;
import dev.ddb.item.expression.grammar.DynamoDbExpressionLexer;
import dev.ddb.item.expression.grammar.DynamoDbExpressionParser;

/** The text of one expression, checked for DynamoDB's size rules and ready to parse. */
final class ExpressionSource {

    /** DynamoDB's limit on any expression string, in UTF-8 bytes. */
    static final int MAX_BYTES = 4096;

    private ExpressionSource() {
    }

    /** A parser over the text that throws DynamoDB's syntax error on the first mistake. */
    static DynamoDbExpressionParser parser(String text, String kind) {
        if (text == null || text.isBlank()) {
            throw InvalidExpression.of(kind, "The expression can not be empty;");
        }
        int size = ItemSize.utf8Length(text);
        if (size > MAX_BYTES) {
            throw InvalidExpression.of(kind, "Expression size has exceeded the maximum allowed size; expression size: " + size);
        }
        DynamoDbExpressionLexer lexer = new DynamoDbExpressionLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners(); // the catch-all UNKNOWN token means the lexer never fails
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill(); // the syntax error names the token after the offending one
        DynamoDbExpressionParser parser = new DynamoDbExpressionParser(tokens);
        parser.removeErrorListeners();
        parser.addErrorListener(new SyntaxErrorListener(kind));
        return parser;
    }
}
