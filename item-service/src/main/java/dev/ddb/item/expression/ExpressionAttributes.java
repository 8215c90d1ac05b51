package dev.ddb.item.expression;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.attribute.AttributeValueJson;
import dev.ddb.common.error.DynamoDbException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A request's ExpressionAttributeNames and ExpressionAttributeValues. Parsing every expression of
 * the request through one instance records which references were used, because DynamoDB rejects
 * a request that defines a name or value none of its expressions uses.
 */
public final class ExpressionAttributes {

    private static final Pattern NAME_KEY = Pattern.compile("#[0-9a-zA-Z_]+");
    private static final Pattern VALUE_KEY = Pattern.compile(":[0-9a-zA-Z_]+");

    private final Map<String, String> names;
    private final Map<String, AttributeValue> values;
    private final Set<String> usedNames = new LinkedHashSet<>();
    private final Set<String> usedValues = new LinkedHashSet<>();

    /** Either map may be null when the request does not have it; given maps must not be empty. */
    public ExpressionAttributes(Map<String, String> names, Map<String, AttributeValue> values) {
        this.names = checked(names, NAME_KEY, "ExpressionAttributeNames");
        this.values = checked(values, VALUE_KEY, "ExpressionAttributeValues");
        if (names != null) {
            names.forEach((key, name) -> {
                if (name.isEmpty()) {
                    throw DynamoDbException.validation("ExpressionAttributeNames contains invalid value: Empty attribute name for key " + key);
                }
            });
        }
    }

    public static ExpressionAttributes none() {
        return new ExpressionAttributes(null, null);
    }

    /**
     * Reads the names and, when the operation has them ({@code withValues}), the values from a
     * request, with DynamoDB's errors for malformed ones.
     */
    public static ExpressionAttributes fromRequest(ObjectNode request, boolean withValues) {
        return new ExpressionAttributes(readNames(request.get("ExpressionAttributeNames")),
                withValues ? readValues(request.get("ExpressionAttributeValues")) : null);
    }

    private static Map<String, String> readNames(JsonNode node) {
        if (isAbsent(node)) {
            return null;
        }
        Map<String, String> names = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : object(node).properties()) {
            if (!entry.getValue().isString()) {
                throw DynamoDbException.serialization("Unexpected value type in payload");
            }
            names.put(entry.getKey(), entry.getValue().stringValue());
        }
        return names;
    }

    private static Map<String, AttributeValue> readValues(JsonNode node) {
        if (isAbsent(node)) {
            return null;
        }
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : object(node).properties()) {
            values.put(entry.getKey(), readValue(entry.getKey(), entry.getValue()));
        }
        return values;
    }

    private static AttributeValue readValue(String key, JsonNode node) {
        try {
            return AttributeValueJson.read(node);
        } catch (DynamoDbException e) {
            if (!"ValidationException".equals(e.code())) {
                throw e;
            }
            throw DynamoDbException.validation(
                    "ExpressionAttributeValues contains invalid value: " + e.getMessage() + " for key " + key);
        }
    }

    private static boolean isAbsent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    private static JsonNode object(JsonNode node) {
        if (!node.isObject()) {
            throw DynamoDbException.serialization("Unexpected value type in payload");
        }
        return node;
    }

    private static <V> Map<String, V> checked(Map<String, V> map, Pattern keyPattern, String member) {
        if (map == null) {
            return null;
        }
        if (map.isEmpty()) {
            throw DynamoDbException.validation(member + " must not be empty");
        }
        for (String key : map.keySet()) {
            if (!keyPattern.matcher(key).matches()) {
                throw DynamoDbException.validation(member + " contains invalid key: Syntax error; key: \"" + key + "\"");
            }
        }
        return new LinkedHashMap<>(map);
    }

    public boolean hasNames() {
        return names != null;
    }

    public boolean hasValues() {
        return values != null;
    }

    /** The attribute name a {@code #name} reference stands for, marking it used; null when undefined. */
    public String name(String reference) {
        String name = names == null ? null : names.get(reference);
        if (name != null) {
            usedNames.add(reference);
        }
        return name;
    }

    /** The value a {@code :value} reference stands for, marking it used; null when undefined. */
    public AttributeValue value(String reference) {
        AttributeValue value = values == null ? null : values.get(reference);
        if (value != null) {
            usedValues.add(reference);
        }
        return value;
    }

    /** Call after parsing all of the request's expressions. */
    public void assertAllUsed() {
        assertUsed(names == null ? null : names.keySet(), usedNames, "ExpressionAttributeNames");
        assertUsed(values == null ? null : values.keySet(), usedValues, "ExpressionAttributeValues");
    }

    private static void assertUsed(Set<String> defined, Set<String> used, String member) {
        if (defined == null) {
            return;
        }
        Set<String> unused = new LinkedHashSet<>(defined);
        unused.removeAll(used);
        if (!unused.isEmpty()) {
            throw DynamoDbException.validation("Value provided in " + member + " unused in expressions: keys: {"
                    + String.join(", ", unused) + "}");
        }
    }
}
