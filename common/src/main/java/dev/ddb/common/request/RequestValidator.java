package dev.ddb.common.request;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.ddb.common.error.DynamoDbException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.LongNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks a request against its operation's input shape, as DynamoDB's front end does before any
 * operation code runs, in its order:
 * <ol>
 *   <li>the JSON type of every member, in the order the body gives them: the first mismatch is a
 *       SerializationException with the message of DynamoDB's deserializer, which depends on what
 *       was found and where (a structure member, a list element, a map value). Every string and
 *       member name must also be valid Unicode, so nothing that cannot be stored and read back
 *       gets further. Booleans given as the words DynamoDB accepts ("true", "no", "1", ...) become
 *       booleans;</li>
 *   <li>for the control-plane inputs, TableName alone, with messages of its own;</li>
 *   <li>every member's constraints (not null, lengths, pattern, enum, ranges, map keys and
 *       values), in DynamoDB's reporting order, all in one ValidationException
 *       ({@code 2 validation errors detected: ...; ...}, at most ten).</li>
 * </ol>
 * Members the model does not know are ignored, as DynamoDB ignores them. The model and the order
 * DynamoDB reports in are data ({@link ServiceModel}); nothing here is specific to an operation.
 */
public final class RequestValidator {

    /** DynamoDB lists at most this many violations in one message. */
    private static final int MAX_REPORTED = 10;
    private static final String START_OF_STRUCTURE = "Start of structure or map found where not expected";
    private static final String UNEXPECTED_FIELD = "Unexpected field type";
    private static final String UNEXPECTED_VALUE = "Unexpected value type in payload";
    /** What DynamoDB's deserializer says for a scalar where a list or map is a list element or map value. */
    private static final String NOT_A_COLLECTION = "class sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl "
            + "cannot be cast to class java.lang.Class (sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl "
            + "and java.lang.Class are in module java.base of loader 'bootstrap')";
    /** A JSON null where a structure belongs is checked as a structure without members (never changed). */
    private static final ObjectNode EMPTY = JsonNodeFactory.instance.objectNode();
    private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    /** The path of the member being checked, e.g. {@code keySchema.1.member.keyType}. */
    private final StringBuilder path = new StringBuilder(64);
    private List<String> violations;

    private RequestValidator() {
    }

    /** Validates the request of an operation the model has; does nothing for operations it does not have. */
    public static void validate(ServiceModel model, String operation, ObjectNode request) {
        Shape input = model.input(operation);
        if (input == null) {
            return;
        }
        structureTypes(input, request);
        if (input.tableNameFirst) {
            tableNameFirst(input, request);
        }
        if (input.constrained) {
            RequestValidator validator = new RequestValidator();
            validator.structure(input, request);
            validator.throwIfViolated();
        }
    }

    // ---- JSON types: SerializationException at the first mismatch, in body order ----

    private static void structureTypes(Shape shape, ObjectNode node) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String name = field.getKey();
            requireValidUnicode(name);
            Shape.Member member = shape.byName.get(name);
            JsonNode child = field.getValue();
            if (member == null || child.isNull()) {
                continue;
            }
            JsonNode checked = type(member.shape(), child, true);
            if (checked != child) {
                node.set(name, checked); // replaces the value of an existing property: no structural change
            }
        }
    }

    /**
     * @param field whether the value is a member of a structure (rather than a list element or map value)
     * @return the value, or the boolean a word stands for
     */
    private static JsonNode type(Shape shape, JsonNode node, boolean field) {
        switch (shape.kind) {
            case STRUCTURE -> {
                if (node.isObject()) {
                    structureTypes(shape, (ObjectNode) node);
                    return node;
                }
                throw node.isArray() ? serialization("Unrecognized collection type class " + shape.javaType)
                        : serialization(field ? UNEXPECTED_FIELD : UNEXPECTED_VALUE);
            }
            case LIST -> {
                if (node.isArray()) {
                    ArrayNode list = (ArrayNode) node;
                    for (int i = 0, n = list.size(); i < n; i++) {
                        JsonNode element = list.get(i);
                        if (!element.isNull()) {
                            JsonNode checked = type(shape.member, element, false);
                            if (checked != element) {
                                list.set(i, checked);
                            }
                        }
                    }
                    return node;
                }
                throw serialization(node.isObject() ? START_OF_STRUCTURE : field ? UNEXPECTED_FIELD : NOT_A_COLLECTION);
            }
            case MAP -> {
                if (node.isObject()) {
                    ObjectNode map = (ObjectNode) node;
                    for (Map.Entry<String, JsonNode> entry : map.properties()) {
                        requireValidUnicode(entry.getKey());
                        JsonNode value = entry.getValue();
                        if (!value.isNull()) {
                            JsonNode checked = type(shape.value, value, false);
                            if (checked != value) {
                                map.set(entry.getKey(), checked);
                            }
                        }
                    }
                    return node;
                }
                throw serialization(node.isArray() ? "Unrecognized collection type " + shape.javaType
                        : field ? UNEXPECTED_FIELD : NOT_A_COLLECTION);
            }
            default -> {
                return scalar(shape, node);
            }
        }
    }

    private static JsonNode scalar(Shape shape, JsonNode node) {
        if (node.isArray()) {
            throw serialization("Unrecognized collection type class " + shape.javaType);
        }
        if (node.isObject()) {
            throw serialization(START_OF_STRUCTURE);
        }
        switch (shape.kind) {
            case STRING -> {
                if (!node.isString()) {
                    throw notConvertible(node, "String");
                }
                requireValidUnicode(node.stringValue());
            }
            case BOOLEAN -> {
                if (node.isString()) {
                    return booleanWord(node.stringValue());
                }
                if (!node.isBoolean()) {
                    throw notConvertible(node, "Boolean");
                }
            }
            case INTEGER -> {
                return integral(node, INT_MIN, INT_MAX, "Integer");
            }
            case LONG -> {
                return integral(node, LONG_MIN, LONG_MAX, "Long");
            }
            case DOUBLE -> {
                if (!node.isNumber()) {
                    throw notConvertible(node, "Double");
                }
            }
            case TIMESTAMP -> {
                if (!node.isNumber()) {
                    throw notConvertible(node, "Date");
                }
            }
            case BLOB -> {
                if (!node.isString()) {
                    throw serialization("only base-64-encoded strings are convertible to bytes");
                }
                Base64Text.requireStrict(node.stringValue());
            }
            default -> throw new IllegalStateException("Shape " + shape.name + " is not a scalar");
        }
        return node;
    }

    /** The words DynamoDB's deserializer reads as a boolean. */
    private static JsonNode booleanWord(String word) {
        if (word.equalsIgnoreCase("true") || word.equals("1") || word.equalsIgnoreCase("yes")) {
            return BooleanNode.TRUE;
        }
        if (word.equalsIgnoreCase("false") || word.equals("0") || word.equalsIgnoreCase("no")) {
            return BooleanNode.FALSE;
        }
        throw serialization("Unexpected token received from parser");
    }

    /**
     * A whole number within the type's range. A fraction is truncated, as DynamoDB's number coercion
     * does, and the member then holds the whole number, so that operations read it as one.
     */
    private static JsonNode integral(JsonNode node, BigInteger min, BigInteger max, String type) {
        if (!node.isNumber()) {
            throw notConvertible(node, type);
        }
        if (node.isInt() || node.isLong() && max == LONG_MAX) {
            return node;
        }
        BigInteger whole;
        try {
            whole = node.decimalValue().toBigInteger();
        } catch (RuntimeException notFinite) {
            whole = null;
        }
        if (whole == null || whole.compareTo(min) < 0 || whole.compareTo(max) > 0) {
            throw serialization("NUMBER_VALUE cannot be converted to " + type);
        }
        if (node.isIntegralNumber()) {
            return node;
        }
        return max == INT_MAX ? IntNode.valueOf(whole.intValue()) : LongNode.valueOf(whole.longValue());
    }

    /** DynamoDB's SerializationException for a scalar of the wrong JSON type, named after the token found. */
    private static DynamoDbException notConvertible(JsonNode node, String type) {
        String token = node.isString() ? "STRING_VALUE"
                : node.isBoolean() ? (node.booleanValue() ? "TRUE_VALUE" : "FALSE_VALUE")
                : node.isIntegralNumber() ? "NUMBER_VALUE"
                : "DECIMAL_VALUE";
        return serialization(token + " cannot be converted to " + type);
    }

    private static void requireValidUnicode(String text) {
        if (!Unicode.isValid(text)) {
            throw serialization(Unicode.INVALID_MESSAGE);
        }
    }

    private static DynamoDbException serialization(String message) {
        return DynamoDbException.serialization(message);
    }

    // ---- TableName first ----

    /** The control-plane operations' own checks of TableName, each answered alone (its type is already checked). */
    private static void tableNameFirst(Shape input, ObjectNode request) {
        JsonNode tableName = request.get("TableName");
        if (tableName == null || tableName.isNull()) {
            throw DynamoDbException.validation("The parameter 'TableName' is required but was not present in the request");
        }
        Shape shape = input.byName.get("TableName").shape();
        String text = tableName.stringValue();
        if (shape.asName != null && isArn(text)) {
            return; // an ARN's lengths are checked with the other members
        }
        Shape name = shape.asName != null ? shape.asName : shape;
        int length = text.length();
        if (name.min != null && length < name.min || name.max != null && length > name.max) {
            throw DynamoDbException.validation("TableName must be at least " + name.min
                    + " characters long and at most " + name.max + " characters long");
        }
    }

    // ---- constraints: all violations in one ValidationException, in DynamoDB's reporting order ----

    private void structure(Shape shape, JsonNode node) {
        for (Shape.Member member : shape.checked) {
            if (full()) {
                return;
            }
            int mark = path.length();
            if (mark > 0) {
                path.append('.');
            }
            path.append(member.segment());
            JsonNode child = node.get(member.name());
            if (child == null || child.isNull()) {
                if (member.required()) {
                    violation(null, "Member must not be null");
                }
            } else {
                value(member.shape(), child);
            }
            path.setLength(mark);
        }
    }

    private void value(Shape shape, JsonNode node) {
        switch (shape.kind) {
            case STRUCTURE -> structure(shape, node);
            case LIST -> {
                size(shape, node);
                elements(shape, node);
            }
            case MAP -> {
                size(shape, node);
                entries(shape, node);
            }
            case STRING -> string(shape, node.stringValue());
            case INTEGER, LONG -> range(shape, node.asLong());
            default -> {
            }
        }
    }

    private void elements(Shape list, JsonNode node) {
        if (!list.member.constrained) {
            return;
        }
        for (int i = 0, n = node.size(); i < n && !full(); i++) {
            JsonNode element = node.get(i);
            int mark = path.length();
            path.append('.').append(i + 1).append(".member");
            if (element.isNull() && list.member.kind != Shape.Kind.STRUCTURE) {
                // A constrained value cannot be missing from a list (no SDK sends one; the operations cannot take it).
                violation(null, "Member must not be null");
            } else {
                value(list.member, element.isNull() ? EMPTY : element);
            }
            path.setLength(mark);
        }
    }

    /** A map's keys, then its values, then what the values hold: each failing key and value is a violation of its own. */
    private void entries(Shape map, JsonNode node) {
        Shape key = map.key;
        Shape value = map.value;
        if (key.constrained) {
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                Shape rules = effective(key, entry.getKey());
                if (!satisfies(rules, entry.getKey())) {
                    violation(describe(map, node), "Map keys must satisfy constraint: " + rules.constraintList);
                }
            }
        }
        if (value.hasOwnConstraints()) {
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                JsonNode v = entry.getValue();
                if (!v.isNull() && !fits(value, v)) {
                    violation(describe(map, node), "Map value must satisfy constraint: "
                            + (value.kind == Shape.Kind.STRING ? effective(value, v.stringValue()) : value).constraintList);
                }
            }
        }
        if (!value.constrained || !value.isContainer()) {
            return;
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            JsonNode v = entry.getValue();
            if (full()) {
                return;
            }
            if (v.isNull() && value.kind != Shape.Kind.STRUCTURE) {
                continue;
            }
            int mark = path.length();
            path.append('.').append(entry.getKey()).append(".member");
            switch (value.kind) {
                case STRUCTURE -> structure(value, v.isNull() ? EMPTY : v);
                case LIST -> elements(value, v);
                default -> entries(value, v);
            }
            path.setLength(mark);
        }
    }

    /** Length constraints of a list or map. */
    private void size(Shape shape, JsonNode node) {
        if (shape.min != null && node.size() < shape.min) {
            violation(describe(shape, node), "Member must have length greater than or equal to " + shape.min);
        }
        if (shape.max != null && node.size() > shape.max) {
            violation(describe(shape, node), "Member must have length less than or equal to " + shape.max);
        }
    }

    private void range(Shape shape, long value) {
        if (shape.min != null && value < shape.min) {
            violation(Long.toString(value), "Member must have value greater than or equal to " + shape.min);
        }
        if (shape.max != null && value > shape.max) {
            violation(Long.toString(value), "Member must have value less than or equal to " + shape.max);
        }
    }

    /** The constraints of a string, in the order DynamoDB reports them: pattern, lengths, enum. */
    private void string(Shape shape, String text) {
        Shape rules = effective(shape, text);
        if (rules.pattern != null && !rules.pattern.matcher(text).matches()) {
            violation(text, "Member must satisfy regular expression pattern: " + rules.patternText);
        }
        if (rules.min != null && text.length() < rules.min) {
            violation(text, "Member must have length greater than or equal to " + rules.min);
        }
        if (rules.max != null && text.length() > rules.max) {
            violation(text, "Member must have length less than or equal to " + rules.max);
        }
        if (rules.enumValues != null && !rules.enumValues.contains(text)) {
            violation(text, "Member must satisfy enum value set: " + rules.enumText);
        }
    }

    /** A table name may also be given as an ARN where the model allows it; anything else must be a table name. */
    private static Shape effective(Shape shape, String text) {
        return shape.asName != null && !isArn(text) ? shape.asName : shape;
    }

    private static boolean isArn(String text) {
        return text.startsWith("arn:");
    }

    private static boolean satisfies(Shape rules, String text) {
        return (rules.pattern == null || rules.pattern.matcher(text).matches())
                && (rules.min == null || text.length() >= rules.min)
                && (rules.max == null || text.length() <= rules.max)
                && (rules.enumValues == null || rules.enumValues.contains(text));
    }

    /** Whether a map value (already type-checked) satisfies its shape's own constraints. */
    private static boolean fits(Shape shape, JsonNode value) {
        return switch (shape.kind) {
            case STRING -> satisfies(effective(shape, value.stringValue()), value.stringValue());
            case INTEGER, LONG -> (shape.min == null || value.asLong() >= shape.min)
                    && (shape.max == null || value.asLong() <= shape.max);
            case LIST, MAP -> (shape.min == null || value.size() >= shape.min)
                    && (shape.max == null || value.size() <= shape.max);
            default -> true;
        };
    }

    private boolean full() {
        return violations != null && violations.size() >= MAX_REPORTED;
    }

    private void violation(String value, String constraint) {
        if (violations == null) {
            violations = new ArrayList<>(4);
        }
        if (violations.size() < MAX_REPORTED) {
            String shown = value == null ? "null" : "'" + value + "'";
            violations.add("Value " + shown + " at '" + path + "' failed to satisfy constraint: " + constraint);
        }
    }

    private void throwIfViolated() {
        if (violations != null) {
            int count = violations.size();
            throw DynamoDbException.validation(count + (count == 1 ? " validation error" : " validation errors")
                    + " detected: " + String.join("; ", violations));
        }
    }

    /**
     * How DynamoDB shows a list, map or structure in a message: the toString of its Java request
     * objects ({@code [KeySchemaElement(attributeName=a, keyType=HASH)]}, {@code {a=[]}}).
     */
    private static String describe(Shape shape, JsonNode node) {
        StringBuilder text = new StringBuilder();
        describe(text, shape, node);
        return text.toString();
    }

    private static void describe(StringBuilder text, Shape shape, JsonNode node) {
        if (node == null || node.isNull()) {
            text.append("null");
            return;
        }
        switch (shape.kind) {
            case STRUCTURE -> {
                text.append(shape.name).append('(');
                for (int i = 0; i < shape.declared.length; i++) {
                    Shape.Member member = shape.declared[i];
                    text.append(i == 0 ? "" : ", ").append(member.segment()).append('=');
                    describe(text, member.shape(), node.get(member.name()));
                }
                text.append(')');
            }
            case LIST -> {
                text.append('[');
                for (int i = 0; i < node.size(); i++) {
                    text.append(i == 0 ? "" : ", ");
                    describe(text, shape.member, node.get(i));
                }
                text.append(']');
            }
            case MAP -> {
                text.append('{');
                boolean first = true;
                for (Map.Entry<String, JsonNode> entry : node.properties()) {
                    text.append(first ? "" : ", ").append(entry.getKey()).append('=');
                    describe(text, shape.value, entry.getValue());
                    first = false;
                }
                text.append('}');
            }
            default -> text.append(node.isString() ? node.stringValue() : node.toString());
        }
    }
}
