package dev.ddb.item.partiql;

import java.util.Map;

import dev.ddb.common.attribute.AttributeValueJson;
import dev.ddb.common.attribute.DynamoNumber;
import dev.ddb.common.error.DynamoDbException;
import tools.jackson.databind.JsonNode;

/**
 * How PartiQL checks numbers, which differs from the other operations in two ways: an exponent
 * beyond a 32-bit integer cannot be converted at all (a literal's statement is not well formed, a
 * parameter cannot be converted to a numeric value), and a literal's error says where in the
 * literal the number is ({@code under root.x[1]}).
 */
final class PartiQlNumbers {

    private static final String NOT_CONVERTIBLE = "The parameter cannot be converted to a numeric value";

    private PartiQlNumbers() {
    }

    /** Checks a number literal at {@code path} (root, root.x, root[1], ...) of its literal. */
    static void checkLiteral(String text, String path) {
        if (!scaleFitsInt(text)) {
            throw StatementParser.notWellFormed("");
        }
        try {
            DynamoNumber.parse(text);
        } catch (DynamoDbException e) {
            throw DynamoDbException.validation(e.getMessage() + " under " + path);
        }
    }

    /**
     * Checks the numbers of a parameter in document order, and its nesting on the way, so that the
     * first of the two problems met is the one reported; the rest of the value is checked after.
     */
    static void checkParameter(JsonNode value, int depth) {
        if (depth > AttributeValueJson.MAX_NESTING_DEPTH) {
            throw DynamoDbException.validation(AttributeValueJson.NESTING_TOO_DEEP);
        }
        if (value == null || !value.isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> member : value.properties()) {
            JsonNode content = member.getValue();
            switch (member.getKey()) {
                case "N" -> checkParameterNumber(content);
                case "NS" -> content.forEach(PartiQlNumbers::checkParameterNumber);
                case "M" -> content.forEach(nested -> checkParameter(nested, depth + 1));
                case "L" -> content.forEach(nested -> checkParameter(nested, depth + 1));
                default -> {
                }
            }
        }
    }

    private static void checkParameterNumber(JsonNode number) {
        if (!number.isString()) {
            return; // not a number's text at all: the AttributeValue check answers it
        }
        String text = number.asString();
        if (text.isEmpty()) {
            throw DynamoDbException.validation(NOT_CONVERTIBLE);
        }
        if (!scaleFitsInt(text)) {
            throw DynamoDbException.validation(NOT_CONVERTIBLE + ": " + text);
        }
        try {
            DynamoNumber.parse(text);
        } catch (DynamoDbException e) {
            if (e.getMessage().startsWith(NOT_CONVERTIBLE)) {
                throw e; // in document order; a number out of DynamoDB's range is refused after the whole value is read
            }
        }
    }

    /**
     * Whether Java's BigDecimal, which DynamoDB's PartiQL reads numbers with, can hold {@code text}:
     * its exponent, and its scale (the digits after the point, less the exponent), must be 32-bit integers.
     */
    static boolean scaleFitsInt(String text) {
        int e = Math.max(text.indexOf('e'), text.indexOf('E'));
        if (e < 0) {
            return true;
        }
        String exponent = text.substring(e + 1);
        boolean negative = exponent.startsWith("-");
        if (negative || exponent.startsWith("+")) {
            exponent = exponent.substring(1);
        }
        if (exponent.isEmpty() || !exponent.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return true; // not a number: DynamoNumber says so
        }
        exponent = exponent.replaceFirst("^0+(?=.)", "");
        if (exponent.length() > 12) {
            return false;
        }
        int point = text.indexOf('.');
        long fractionDigits = point < 0 || point > e ? 0 : e - point - 1;
        long value = negative ? -Long.parseLong(exponent) : Long.parseLong(exponent);
        long scale = fractionDigits - value;
        return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE && scale >= Integer.MIN_VALUE && scale <= Integer.MAX_VALUE;
    }
}
