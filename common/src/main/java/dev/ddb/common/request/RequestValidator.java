package dev.ddb.common.request;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.ddb.common.error.DynamoDbException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks a request against its operation's input shape, as DynamoDB's front end does before any
 * operation code runs: first the JSON type of every member (the first mismatch is a
 * SerializationException), then every member's declared constraints, all reported in one
 * ValidationException ({@code 2 validation errors detected: ...; ...}). Every string and member
 * name must also be valid Unicode, so nothing that cannot be stored and read back gets further.
 * Members the model does not know are ignored, as DynamoDB ignores them.
 */
public final class RequestValidator {

    /** DynamoDB lists at most this many violations in one message. */
    private static final int MAX_REPORTED = 10;
    private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]+");
    private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private final ServiceModel model;
    private final List<String> violations = new ArrayList<>();

    private RequestValidator(ServiceModel model) {
        this.model = model;
    }

    /** Validates the request of an operation the model has; does nothing for operations it does not have. */
    public static void validate(ServiceModel model, String operation, ObjectNode request) {
        Shape input = model.input(operation);
        if (input == null) {
            return;
        }
        if (model.checksTableNameFirst(input)) {
            tableNameFirst(request.get("TableName"));
        }
        RequestValidator validator = new RequestValidator(model);
        validator.structure(input, request, "");
        validator.throwIfViolated();
    }

    /** The control-plane operations' own checks of TableName, each answered alone. */
    private static void tableNameFirst(JsonNode tableName) {
        if (tableName == null || tableName.isNull()) {
            throw DynamoDbException.validation("The parameter 'TableName' is required but was not present in the request");
        }
        if (tableName.isString() && (tableName.stringValue().length() < 3 || tableName.stringValue().length() > 255)) {
            throw DynamoDbException.validation("TableName must be at least 3 characters long and at most 255 characters long");
        }
    }

    private void value(Shape shape, JsonNode node, String path) {
        switch (shape.type()) {
            case "structure" -> structure(shape, node, path);
            case "list" -> list(shape, node, path);
            case "map" -> map(shape, node, path);
            default -> {
                scalarType(shape, node);
                scalarConstraints(shape, node, path);
            }
        }
    }

    private static void scalarType(Shape shape, JsonNode node) {
        switch (shape.type()) {
            case "string" -> {
                expect(node.isString(), node, "String");
                requireValidUnicode(node.stringValue());
            }
            case "boolean" -> expect(node.isBoolean(), node, "Boolean");
            case "integer" -> integral(node, INT_MIN, INT_MAX, "Integer");
            case "long" -> integral(node, LONG_MIN, LONG_MAX, "Long");
            case "double" -> expect(node.isNumber(), node, "Double");
            case "timestamp" -> expect(node.isNumber(), node, "Date");
            case "blob" -> {
                expect(node.isString(), node, "Blob");
                Base64Text.requireStrict(node.stringValue());
            }
            default -> throw new IllegalStateException("Shape type " + shape.type() + " of " + shape.name());
        }
    }

    private void scalarConstraints(Shape shape, JsonNode node, String path) {
        switch (shape.type()) {
            case "string" -> constraints(shape, node.stringValue(), path);
            case "integer", "long" -> range(shape, node.longValue(), path);
            default -> {
            }
        }
    }

    private void structure(Shape shape, JsonNode node, String path) {
        if (!node.isObject()) {
            throw mismatch(node, "Structure");
        }
        for (Map.Entry<String, String> member : shape.members().entrySet()) {
            String memberPath = join(path, lowerFirst(member.getKey()));
            JsonNode child = node.get(member.getKey());
            if (child == null || child.isNull()) {
                if (shape.required() != null && shape.required().contains(member.getKey())) {
                    violation(null, memberPath, "Member must not be null");
                }
                continue;
            }
            Shape memberShape = model.shape(member.getValue());
            value(memberShape, child, memberPath);
            if (!memberShape.isScalar()) {
                size(memberShape, child, memberPath);
            }
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            requireValidUnicode(field.getKey());
        }
    }

    private void list(Shape shape, JsonNode node, String path) {
        if (!node.isArray()) {
            throw mismatch(node, "List");
        }
        Shape element = model.shape(shape.member());
        for (int i = 0; i < node.size(); i++) {
            JsonNode child = node.get(i);
            if (child.isNull()) {
                continue;
            }
            String elementPath = path + "." + (i + 1) + ".member";
            value(element, child, elementPath);
            if (!element.isScalar()) {
                size(element, child, elementPath);
            }
        }
    }

    private void map(Shape shape, JsonNode node, String path) {
        if (!node.isObject()) {
            throw mismatch(node, "Map");
        }
        Shape keyShape = model.shape(shape.key());
        Shape valueShape = model.shape(shape.value());
        boolean keysViolated = false;
        boolean valuesViolated = false;
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            requireValidUnicode(entry.getKey());
            keysViolated |= !satisfies(keyShape, entry.getKey());
            JsonNode child = entry.getValue();
            if (child.isNull()) {
                continue;
            }
            // DynamoDB states the constraints of scalar (or sized list) map values once, for the whole map.
            if (valueShape.isScalar()) {
                scalarType(valueShape, child);
                valuesViolated |= !fits(valueShape, child);
                continue;
            }
            String valuePath = join(path, entry.getKey()) + ".member";
            value(valueShape, child, valuePath);
            if (valueShape.type().equals("list") && valueShape.hasConstraints()) {
                valuesViolated |= !fits(valueShape, child);
            } else {
                size(valueShape, child, valuePath);
            }
        }
        if (keysViolated) {
            violation(describe(node), path, "Map keys must satisfy constraint: " + constraintList(keyShape));
        }
        if (valuesViolated) {
            violation(describe(node), path, "Map value must satisfy constraint: " + constraintList(valueShape));
        }
    }

    /** Length constraints of a list or map member. */
    private void size(Shape shape, JsonNode node, String path) {
        if (shape.min() != null && node.size() < shape.min()) {
            violation(describe(node), path, "Member must have length greater than or equal to " + shape.min());
        }
        if (shape.max() != null && node.size() > shape.max()) {
            violation(describe(node), path, "Member must have length less than or equal to " + shape.max());
        }
    }

    private void range(Shape shape, long value, String path) {
        if (shape.min() != null && value < shape.min()) {
            violation(Long.toString(value), path, "Member must have value greater than or equal to " + shape.min());
        }
        if (shape.max() != null && value > shape.max()) {
            violation(Long.toString(value), path, "Member must have value less than or equal to " + shape.max());
        }
    }

    /** The constraints of a string, in the order DynamoDB reports them: pattern, then lengths, then enum. */
    private void constraints(Shape shape, String text, String path) {
        if (isTableName(shape)) {
            tableName(text, path);
            return;
        }
        if (shape.pattern() != null && !shape.pattern().matcher(text).matches()) {
            violation(text, path, "Member must satisfy regular expression pattern: " + shape.patternText());
        }
        lengths(shape.min(), shape.max(), text, path);
        if (shape.enumValues() != null && !shape.enumValues().contains(text)) {
            violation(text, path, "Member must satisfy enum value set: [" + String.join(", ", shape.enumValues()) + "]");
        }
    }

    /**
     * Table names may also be given as ARNs, so the model only bounds their length; a name that is
     * not an ARN must still be a valid table name, and DynamoDB says so with TableName's constraints.
     */
    private void tableName(String text, String path) {
        if (text.startsWith("arn:")) {
            lengths(1L, 1024L, text, path);
            return;
        }
        if (!TABLE_NAME.matcher(text).matches()) {
            violation(text, path, "Member must satisfy regular expression pattern: " + TABLE_NAME.pattern());
        }
        lengths(3L, 255L, text, path);
    }

    private void lengths(Long min, Long max, String text, String path) {
        if (min != null && text.length() < min) {
            violation(text, path, "Member must have length greater than or equal to " + min);
        }
        if (max != null && text.length() > max) {
            violation(text, path, "Member must have length less than or equal to " + max);
        }
    }

    /** Whether a map key satisfies its shape's constraints. */
    private static boolean satisfies(Shape shape, String key) {
        if (isTableName(shape)) {
            return key.startsWith("arn:") ? key.length() <= 1024
                    : TABLE_NAME.matcher(key).matches() && key.length() >= 3 && key.length() <= 255;
        }
        return (shape.pattern() == null || shape.pattern().matcher(key).matches())
                && (shape.min() == null || key.length() >= shape.min())
                && (shape.max() == null || key.length() <= shape.max())
                && (shape.enumValues() == null || shape.enumValues().contains(key));
    }

    /** Whether a map value (already type-checked) satisfies its shape's own constraints. */
    private static boolean fits(Shape shape, JsonNode value) {
        return switch (shape.type()) {
            case "string" -> satisfies(shape, value.stringValue());
            case "integer", "long" -> (shape.min() == null || value.longValue() >= shape.min())
                    && (shape.max() == null || value.longValue() <= shape.max());
            case "list", "map" -> (shape.min() == null || value.size() >= shape.min())
                    && (shape.max() == null || value.size() <= shape.max());
            default -> true;
        };
    }

    private static String constraintList(Shape shape) {
        List<String> constraints = new ArrayList<>();
        boolean tableName = isTableName(shape);
        Long max = tableName ? Long.valueOf(255) : shape.max();
        Long min = tableName ? Long.valueOf(3) : shape.min();
        String noun = shape.type().equals("integer") || shape.type().equals("long") ? "value" : "length";
        if (max != null) {
            constraints.add("Member must have " + noun + " less than or equal to " + max);
        }
        if (min != null) {
            constraints.add("Member must have " + noun + " greater than or equal to " + min);
        }
        if (tableName) {
            constraints.add("Member must satisfy regular expression pattern: " + TABLE_NAME.pattern());
        } else if (shape.pattern() != null) {
            constraints.add("Member must satisfy regular expression pattern: " + shape.patternText());
        }
        if (shape.enumValues() != null) {
            constraints.add("Member must satisfy enum value set: [" + String.join(", ", shape.enumValues()) + "]");
        }
        return constraints.toString();
    }

    private static boolean isTableName(Shape shape) {
        return shape.name().equals("TableArn") || shape.name().equals("TableName");
    }

    /** A whole number within the type's range; a fraction is truncated, as Java's number coercion does. */
    private static void integral(JsonNode node, BigInteger min, BigInteger max, String type) {
        expect(node.isNumber(), node, type);
        BigInteger whole;
        try {
            whole = node.decimalValue().toBigInteger();
        } catch (RuntimeException notFinite) {
            whole = null;
        }
        if (whole == null || whole.compareTo(min) < 0 || whole.compareTo(max) > 0) {
            throw DynamoDbException.serialization("NUMBER_VALUE cannot be converted to " + type);
        }
    }

    private static void expect(boolean matches, JsonNode node, String type) {
        if (!matches) {
            throw mismatch(node, type);
        }
    }

    /** DynamoDB's SerializationException for a member of the wrong JSON type, named after the token found. */
    private static DynamoDbException mismatch(JsonNode node, String expected) {
        if (node.isArray()) {
            return DynamoDbException.serialization("Start of list found where not expected");
        }
        if (node.isObject()) {
            return DynamoDbException.serialization("Start of structure or map found where not expected.");
        }
        if (expected.equals("Structure") || expected.equals("Map") || expected.equals("List")) {
            return DynamoDbException.serialization("Unexpected value type in payload");
        }
        String token = node.isNumber() ? "NUMBER_VALUE"
                : node.isBoolean() ? (node.booleanValue() ? "TRUE_VALUE" : "FALSE_VALUE")
                : "STRING_VALUE";
        return DynamoDbException.serialization(token + " cannot be converted to " + expected);
    }

    private static void requireValidUnicode(String text) {
        if (!Unicode.isValid(text)) {
            throw DynamoDbException.serialization(Unicode.INVALID_MESSAGE);
        }
    }

    private void violation(String value, String path, String constraint) {
        if (violations.size() < MAX_REPORTED) {
            String shown = value == null ? "null" : "'" + value + "'";
            violations.add("Value " + shown + " at '" + path + "' failed to satisfy constraint: " + constraint);
        }
    }

    private void throwIfViolated() {
        if (!violations.isEmpty()) {
            int count = violations.size();
            throw DynamoDbException.validation(count + (count == 1 ? " validation error" : " validation errors")
                    + " detected: " + String.join("; ", violations));
        }
    }

    /** How DynamoDB shows a list or map value in a message: Java's toString of the collection. */
    private static String describe(JsonNode node) {
        if (node.isObject()) {
            List<String> entries = new ArrayList<>();
            node.properties().forEach(e -> entries.add(e.getKey() + "=" + describe(e.getValue())));
            return "{" + String.join(", ", entries) + "}";
        }
        if (node.isArray()) {
            List<String> elements = new ArrayList<>();
            node.forEach(e -> elements.add(describe(e)));
            return "[" + String.join(", ", elements) + "]";
        }
        return node.isString() ? node.stringValue() : node.toString();
    }

    private static String join(String path, String member) {
        return path.isEmpty() ? member : path + "." + member;
    }

    private static String lowerFirst(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
