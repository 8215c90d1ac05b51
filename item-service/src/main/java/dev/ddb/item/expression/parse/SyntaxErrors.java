package dev.ddb.item.expression.parse;

import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.misc.Interval;

import dev.ddb.common.error.DynamoDbException;

/**
 * DynamoDB's syntax error: the offending token and, as "near", the source text from the token
 * before it to the token after it, e.g. {@code token: ":", near: "hits : incr"}.
 */
final class SyntaxErrors {

    private SyntaxErrors() {
    }

    static DynamoDbException at(Token offending, TokenStream tokens, String kind) {
        String token = offending.getType() == Token.EOF ? "<EOF>" : offending.getText();
        return InvalidExpression.of(kind, "Syntax error; token: \"" + token + "\", near: \"" + near(offending, tokens) + "\"");
    }

    private static String near(Token offending, TokenStream tokens) {
        int index = offending.getTokenIndex();
        Token first = index > 0 ? tokens.get(index - 1) : offending;
        Token last = offending;
        if (offending.getType() != Token.EOF && index + 1 < tokens.size() && tokens.get(index + 1).getType() != Token.EOF) {
            last = tokens.get(index + 1);
        }
        int stop = last.getType() == Token.EOF ? last.getStartIndex() - 1 : last.getStopIndex();
        if (first.getType() == Token.EOF || stop < first.getStartIndex()) {
            return "";
        }
        return offending.getInputStream().getText(Interval.of(first.getStartIndex(), stop));
    }
}
