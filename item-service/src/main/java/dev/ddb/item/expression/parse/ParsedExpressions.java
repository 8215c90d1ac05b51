package dev.ddb.item.expression.parse;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.TokenStream;

import dev.ddb.item.expression.grammar.DynamoDbExpressionParser;

/**
 * Parse trees of expression texts seen before, per grammar rule: an application sends the same few
 * expressions over and over with different values, and lexing and parsing with ANTLR is most of the
 * cost of reading one. Only the tree is kept; the builders still resolve names and values and check
 * DynamoDB's rules for every request (a tree is only read by them, so threads share it). A text that
 * does not parse is not kept: its syntax error is thrown again, with the caller's expression kind.
 */
final class ParsedExpressions<T extends ParserRuleContext> {

    /** Plenty for an application's expressions; a flood of one-off texts only starts the cache over. */
    static final int MAX_ENTRIES = 512;

    static final ParsedExpressions<DynamoDbExpressionParser.ConditionExpressionContext> CONDITIONS =
            new ParsedExpressions<>(DynamoDbExpressionParser::conditionExpression);
    static final ParsedExpressions<DynamoDbExpressionParser.UpdateExpressionContext> UPDATES =
            new ParsedExpressions<>(DynamoDbExpressionParser::updateExpression);
    static final ParsedExpressions<DynamoDbExpressionParser.ProjectionExpressionContext> PROJECTIONS =
            new ParsedExpressions<>(DynamoDbExpressionParser::projectionExpression);

    /** An expression's tree, and its tokens, which syntax errors found while building quote. */
    record Parsed<T>(T tree, TokenStream tokens) {
    }

    private final Function<DynamoDbExpressionParser, T> rule;
    private final Map<String, Parsed<T>> byText = new ConcurrentHashMap<>();

    private ParsedExpressions(Function<DynamoDbExpressionParser, T> rule) {
        this.rule = rule;
    }

    /** @param kind the request member, as DynamoDB names it in errors ("ConditionExpression", ...) */
    Parsed<T> parse(String text, String kind) {
        Parsed<T> parsed = text == null ? null : byText.get(text);
        if (parsed == null) {
            DynamoDbExpressionParser parser = ExpressionSource.parser(text, kind);
            parsed = new Parsed<>(rule.apply(parser), parser.getInputStream());
            if (byText.size() >= MAX_ENTRIES) {
                byText.clear();
            }
            byText.put(text, parsed);
        }
        return parsed;
    }
}
