package dev.ddb.gateway.access.request;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * What access policies need from DynamoDB's expressions (projection, condition, filter, key
 * condition, update): the top-level attribute names they name and a key condition's partition key
 * equality. Both are lexical facts, so a small tokenizer does here what would otherwise take a
 * dependency on item-service's ANTLR parser (it lives there, not in common); item-service still
 * parses and validates every expression, and a request it would refuse never reaches storage.
 */
final class ExpressionNames {

    private enum Kind { NAME, NAME_REF, VALUE_REF, NUMBER, SYMBOL }

    private record Token(Kind kind, String text) {
    }

    /** The words of the grammar that are no attribute names (DynamoDB reserves them, so a path can't be one). */
    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "between", "in", "set", "remove", "add",
            "delete");

    private ExpressionNames() {
    }

    /**
     * The top-level attribute names an expression names ({@code a.b[0]} names {@code a}), with
     * {@code #placeholders} resolved by ExpressionAttributeNames (an unresolved one is kept as written).
     */
    static Set<String> topLevelNames(String expression, JsonNode attributeNames) {
        Set<String> names = new LinkedHashSet<>();
        List<Token> tokens = tokenize(expression);
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            boolean nested = i > 0 && tokens.get(i - 1).text().equals(".");
            boolean function = i + 1 < tokens.size() && tokens.get(i + 1).text().equals("(");
            if (nested || function) {
                continue;
            }
            if (token.kind() == Kind.NAME && !KEYWORDS.contains(token.text().toLowerCase(Locale.ROOT))) {
                names.add(token.text());
            } else if (token.kind() == Kind.NAME_REF) {
                names.add(resolve(token.text(), attributeNames));
            }
        }
        return names;
    }

    /**
     * The {@code :value} placeholder a key condition compares {@code attribute} with for equality
     * ({@code pk = :v} or {@code :v = pk}); empty when there is none.
     */
    static Optional<String> equalityValue(String expression, JsonNode attributeNames, String attribute) {
        List<Token> tokens = tokenize(expression);
        for (int i = 1; i + 1 < tokens.size(); i++) {
            if (!tokens.get(i).text().equals("=")) {
                continue;
            }
            Token left = tokens.get(i - 1);
            Token right = tokens.get(i + 1);
            if (isPlainName(tokens, i - 1, attribute, attributeNames) && right.kind() == Kind.VALUE_REF) {
                return Optional.of(right.text());
            }
            if (left.kind() == Kind.VALUE_REF && isPlainName(tokens, i + 1, attribute, attributeNames)) {
                return Optional.of(left.text());
            }
        }
        return Optional.empty();
    }

    /** Whether the token at {@code index} is the whole path {@code attribute} (not part of {@code a.b} or {@code a[0]}). */
    private static boolean isPlainName(List<Token> tokens, int index, String attribute, JsonNode attributeNames) {
        Token token = tokens.get(index);
        String name = switch (token.kind()) {
            case NAME -> token.text();
            case NAME_REF -> resolve(token.text(), attributeNames);
            default -> null;
        };
        if (name == null || !name.equals(attribute)) {
            return false;
        }
        boolean before = index > 0 && (tokens.get(index - 1).text().equals(".") || tokens.get(index - 1).text().equals("]"));
        boolean after = index + 1 < tokens.size()
                && (tokens.get(index + 1).text().equals(".") || tokens.get(index + 1).text().equals("["));
        return !before && !after;
    }

    private static String resolve(String placeholder, JsonNode attributeNames) {
        JsonNode name = attributeNames == null ? null : attributeNames.get(placeholder);
        return name != null && name.isString() ? name.stringValue() : placeholder;
    }

    private static List<Token> tokenize(String expression) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int length = expression.length();
        while (i < length) {
            char c = expression.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '#' || c == ':' || isNameStart(c)) {
                int start = i++;
                while (i < length && isNamePart(expression.charAt(i))) {
                    i++;
                }
                Kind kind = c == '#' ? Kind.NAME_REF : c == ':' ? Kind.VALUE_REF : Kind.NAME;
                tokens.add(new Token(kind, expression.substring(start, i)));
            } else if (Character.isDigit(c)) {
                int start = i;
                while (i < length && Character.isDigit(expression.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(Kind.NUMBER, expression.substring(start, i)));
            } else if ((c == '<' || c == '>') && i + 1 < length
                    && (expression.charAt(i + 1) == '=' || (c == '<' && expression.charAt(i + 1) == '>'))) {
                tokens.add(new Token(Kind.SYMBOL, expression.substring(i, i + 2)));
                i += 2;
            } else {
                tokens.add(new Token(Kind.SYMBOL, String.valueOf(c)));
                i++;
            }
        }
        return tokens;
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
