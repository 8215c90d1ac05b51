package dev.ddb.item.expression.parse;

import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;

/** Turns ANTLR's first syntax error into DynamoDB's ValidationException; parsing stops there. */
final class SyntaxErrorListener extends BaseErrorListener {

    private final String kind;

    SyntaxErrorListener(String kind) {
        this.kind = kind;
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
                            String msg, RecognitionException e) {
        Parser parser = (Parser) recognizer;
        throw SyntaxErrors.at((Token) offendingSymbol, parser.getInputStream(), kind);
    }
}
