package dev.ddb.gateway.access.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.JsonNode;

import dev.ddb.gateway.access.policy.EvaluationContext;

/**
 * The checks of PartiQL statements (ExecuteStatement, BatchExecuteStatement, ExecuteTransaction):
 * {@code dynamodb:PartiQLSelect}, {@code PartiQLInsert}, {@code PartiQLUpdate} or
 * {@code PartiQLDelete} on the statement's table (or index, for a SELECT from one), as DynamoDB
 * requires. The statement is only read as far as its verb and target; fine-grained keys
 * (LeadingKeys, Attributes) are not derived from PartiQL, so grant the PartiQL actions only to
 * principals meant to reach the whole table.
 */
final class PartiQlChecks {

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

    private AccessCheck check(String statement) {
        Words words = new Words(statement == null ? "" : statement);
        String verb = words.next().toUpperCase(Locale.ROOT);
        String action = switch (verb) {
            // EXISTS(SELECT ...) reads, as a transaction's condition check; FROM "T" WHERE ... SET ... is an UPDATE
            case "SELECT", "EXISTS" -> "dynamodb:PartiQLSelect";
            case "INSERT" -> "dynamodb:PartiQLInsert";
            case "UPDATE", "FROM" -> "dynamodb:PartiQLUpdate";
            case "DELETE" -> "dynamodb:PartiQLDelete";
            default -> "dynamodb:PartiQL" + verb;
        };
        String table = null;
        String index = null;
        if (verb.equals("UPDATE") || verb.equals("FROM")) {
            table = words.name();
        } else {
            String marker = verb.equals("INSERT") ? "INTO" : "FROM";
            while (words.more()) {
                if (words.next().equalsIgnoreCase(marker)) {
                    table = words.name();
                    if (action.equals("dynamodb:PartiQLSelect") && words.peek('.')) {
                        index = words.name();
                    }
                    break;
                }
            }
        }
        String resource = table == null ? "*" : index == null ? arns.table(table) : arns.index(table, index);
        return new AccessCheck(action, resource, base);
    }

    /** Walks a statement's words and quoted names. */
    private static final class Words {
        private final String text;
        private int at;

        Words(String text) {
            this.text = text;
        }

        boolean more() {
            skipSpace();
            return at < text.length();
        }

        /** The next bare word, or a quoted name's text. */
        String next() {
            skipSpace();
            if (at < text.length() && text.charAt(at) == '"') {
                return name();
            }
            if (at < text.length() && text.charAt(at) == '\'') {
                // A string literal: skipped whole ('' is a quote inside it).
                int start = at++;
                while (at < text.length()) {
                    if (text.charAt(at++) == '\'') {
                        if (at < text.length() && text.charAt(at) == '\'') {
                            at++;
                        } else {
                            break;
                        }
                    }
                }
                return text.substring(start, at);
            }
            int start = at;
            while (at < text.length() && !Character.isWhitespace(text.charAt(at)) && ".\"(".indexOf(text.charAt(at)) < 0) {
                at++;
            }
            if (at == start && at < text.length()) {
                at++;
            }
            return text.substring(start, at);
        }

        /** A table or index name: {@code "Books"} (a doubled quote is one) or {@code Books}. */
        String name() {
            skipSpace();
            if (at < text.length() && text.charAt(at) == '"') {
                StringBuilder name = new StringBuilder();
                at++;
                while (at < text.length()) {
                    char c = text.charAt(at++);
                    if (c == '"') {
                        if (at < text.length() && text.charAt(at) == '"') {
                            name.append('"');
                            at++;
                        } else {
                            break;
                        }
                    } else {
                        name.append(c);
                    }
                }
                return name.toString();
            }
            int start = at;
            while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || "_-".indexOf(text.charAt(at)) >= 0)) {
                at++;
            }
            return text.substring(start, at);
        }

        /** Consumes {@code symbol} if it comes next. */
        boolean peek(char symbol) {
            skipSpace();
            if (at < text.length() && text.charAt(at) == symbol) {
                at++;
                return true;
            }
            return false;
        }

        /** Skips white space and comments ({@code -- to the line's end}, {@code /* ... *}{@code /}). */
        private void skipSpace() {
            while (at < text.length()) {
                if (Character.isWhitespace(text.charAt(at))) {
                    at++;
                } else if (text.startsWith("--", at)) {
                    int end = text.indexOf('\n', at);
                    at = end < 0 ? text.length() : end + 1;
                } else if (text.startsWith("/*", at)) {
                    int end = text.indexOf("*/", at + 2);
                    at = end < 0 ? text.length() : end + 2;
                } else {
                    return;
                }
            }
        }
    }
}
