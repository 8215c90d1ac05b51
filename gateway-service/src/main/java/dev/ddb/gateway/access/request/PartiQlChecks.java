package dev.ddb.gateway.access.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

import tools.jackson.databind.JsonNode;

import dev.ddb.common.partiql.grammar.PartiQlLexer;
import dev.ddb.gateway.access.policy.EvaluationContext;

/**
 * The checks of PartiQL statements (ExecuteStatement, BatchExecuteStatement, ExecuteTransaction):
 * {@code dynamodb:PartiQLSelect}, {@code PartiQLInsert}, {@code PartiQLUpdate} or
 * {@code PartiQLDelete} on the statement's table (or index, for a SELECT from one), as DynamoDB
 * requires. The statement is only read as far as its verb and target, with PartiQL's own lexer; fine-grained keys
 * (LeadingKeys, Attributes) are not derived from PartiQL, so grant the PartiQL actions only to
 * principals meant to reach the whole table.
 */
final class PartiQlChecks {

    /** The tokens the grammar takes as a bare name: identifiers, and keywords that cannot be misread there. */
    private static final Set<Integer> NAMES = Set.of(PartiQlLexer.IDENTIFIER, PartiQlLexer.ASC, PartiQlLexer.DESC,
            PartiQlLexer.OLD, PartiQlLexer.NEW, PartiQlLexer.ALL, PartiQlLexer.MODIFIED, PartiQlLexer.BY);

    private final DynamoDbArns arns;
    private final EvaluationContext base;

    PartiQlChecks(DynamoDbArns arns, EvaluationContext base) {
        this.arns = arns;
        this.base = base;
    }

    List<AccessCheck> executeStatement(JsonNode request) {
        return List.of(check(DataPlaneChecks.text(request, "Statement")));
    }

    List<AccessCheck> batchExecuteStatement(JsonNode request) {
        List<AccessCheck> checks = new ArrayList<>();
        for (JsonNode statement : request.path("Statements")) {
            checks.add(check(DataPlaneChecks.text(statement, "Statement")));
        }
        return checks;
    }

    List<AccessCheck> executeTransaction(JsonNode request) {
        List<AccessCheck> checks = new ArrayList<>();
        for (JsonNode statement : request.path("TransactStatements")) {
            checks.add(check(DataPlaneChecks.text(statement, "Statement")));
        }
        return checks;
    }

    /**
     * The check of one statement, read with item-service's own PartiQL lexer: a statement's verb
     * and table are exactly the tokens item-service parses, whatever comments, quotes or line
     * ends it holds (a word scanner of its own once read another table than the one that ran).
     */
    private AccessCheck check(String statement) {
        PartiQlLexer lexer = new PartiQlLexer(CharStreams.fromString(statement == null ? "" : statement));
        lexer.removeErrorListeners();
        List<? extends Token> tokens = lexer.getAllTokens();
        if (tokens.isEmpty()) {
            return new AccessCheck("dynamodb:PartiQLSelect", "*", base); // not a statement: item-service refuses it
        }
        int verb = tokens.get(0).getType();
        String action = switch (verb) {
            // EXISTS(SELECT ...) reads, as a transaction's condition check; FROM "T" WHERE ... SET ... is an UPDATE
            case PartiQlLexer.SELECT, PartiQlLexer.EXISTS -> "dynamodb:PartiQLSelect";
            case PartiQlLexer.INSERT -> "dynamodb:PartiQLInsert";
            case PartiQlLexer.UPDATE, PartiQlLexer.FROM -> "dynamodb:PartiQLUpdate";
            case PartiQlLexer.DELETE -> "dynamodb:PartiQLDelete";
            default -> "dynamodb:PartiQL" + tokens.get(0).getText().toUpperCase(Locale.ROOT);
        };
        int at = verb == PartiQlLexer.UPDATE || verb == PartiQlLexer.FROM ? 1
                : indexAfter(tokens, verb == PartiQlLexer.INSERT ? PartiQlLexer.INTO : PartiQlLexer.FROM);
        String table = name(tokens, at);
        String index = null;
        if (table != null && action.equals("dynamodb:PartiQLSelect") && at + 1 < tokens.size()
                && tokens.get(at + 1).getType() == PartiQlLexer.DOT) {
            index = name(tokens, at + 2);
        }
        String resource = table == null ? "*" : index == null ? arns.table(table) : arns.index(table, index);
        return new AccessCheck(action, resource, base);
    }

    /** The position after the first token of {@code type}, or past the end. */
    private static int indexAfter(List<? extends Token> tokens, int type) {
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).getType() == type) {
                return i + 1;
            }
        }
        return tokens.size();
    }

    /** The table or index name at {@code at}: a bare name, or a quoted one ({@code "a""b"} is a"b); null when none is there. */
    private static String name(List<? extends Token> tokens, int at) {
        if (at >= tokens.size()) {
            return null;
        }
        Token token = tokens.get(at);
        if (token.getType() == PartiQlLexer.QUOTED_NAME) {
            String text = token.getText();
            return text.substring(1, text.length() - 1).replace("\"\"", "\"");
        }
        return NAMES.contains(token.getType()) ? token.getText() : null;
    }
}
