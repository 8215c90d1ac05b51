package dev.ddb.table.request;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import dev.ddb.common.error.DynamoDbException;
import tools.jackson.databind.JsonNode;

/**
 * Reads typed members of a request object the way DynamoDB's deserializer does: an absent or
 * null member is null, a member of the wrong JSON type is a SerializationException with
 * DynamoDB's wording. Constraints on the values are checked later, in validation.
 */
public final class RequestMembers {

    private RequestMembers() {
    }

    public static String string(JsonNode parent, String name) {
        JsonNode node = member(parent, name);
        if (node == null) {
            return null;
        }
        if (!node.isString()) {
            throw notConvertible(node, "a String");
        }
        return node.stringValue();
    }

    public static Long longValue(JsonNode parent, String name) {
        JsonNode node = member(parent, name);
        if (node == null) {
            return null;
        }
        if (!node.isNumber()) {
            throw notConvertible(node, "a Long");
        }
        return node.numberValue().longValue();
    }

    public static Integer integer(JsonNode parent, String name) {
        JsonNode node = member(parent, name);
        if (node == null) {
            return null;
        }
        if (!node.isNumber()) {
            throw notConvertible(node, "an Integer");
        }
        return node.numberValue().intValue();
    }

    public static Boolean bool(JsonNode parent, String name) {
        JsonNode node = member(parent, name);
        if (node == null) {
            return null;
        }
        if (!node.isBoolean()) {
            throw notConvertible(node, "a Boolean");
        }
        return node.booleanValue();
    }

    /** A structure member, or null when absent. */
    public static JsonNode structure(JsonNode parent, String name) {
        JsonNode node = member(parent, name);
        if (node != null && !node.isObject()) {
            throw node.isArray() ? startOfList() : unexpectedType();
        }
        return node;
    }

    /** A list member read element by element, or null when absent. */
    public static <T> List<T> list(JsonNode parent, String name, Function<JsonNode, T> element) {
        JsonNode node = member(parent, name);
        if (node == null) {
            return null;
        }
        if (!node.isArray()) {
            throw node.isObject() ? startOfStructure() : unexpectedType();
        }
        List<T> result = new ArrayList<>(node.size());
        for (JsonNode value : node.values()) {
            result.add(element.apply(value));
        }
        return result;
    }

    /** A list element that must be a structure; a JSON null element reads as an empty structure. */
    public static JsonNode structureElement(JsonNode element) {
        if (element.isNull()) {
            return null;
        }
        if (!element.isObject()) {
            throw element.isArray() ? startOfList() : unexpectedType();
        }
        return element;
    }

    /** A list element that must be a string. */
    public static String stringElement(JsonNode element) {
        if (element.isNull()) {
            return null;
        }
        if (!element.isString()) {
            throw notConvertible(element, "a String");
        }
        return element.stringValue();
    }

    private static JsonNode member(JsonNode parent, String name) {
        if (parent == null) {
            return null;
        }
        JsonNode node = parent.get(name);
        return node == null || node.isNull() ? null : node;
    }

    private static DynamoDbException notConvertible(JsonNode node, String type) {
        if (node.isObject()) {
            return startOfStructure();
        }
        if (node.isArray()) {
            return startOfList();
        }
        return DynamoDbException.serialization(tokenName(node) + " can not be converted to " + type);
    }

    private static String tokenName(JsonNode node) {
        if (node.isString()) {
            return "STRING_VALUE";
        }
        if (node.isBoolean()) {
            return node.booleanValue() ? "TRUE_VALUE" : "FALSE_VALUE";
        }
        return "NUMBER_VALUE";
    }

    private static DynamoDbException startOfStructure() {
        return DynamoDbException.serialization("Start of structure or map found where not expected.");
    }

    private static DynamoDbException startOfList() {
        return DynamoDbException.serialization("Start of list found where not expected");
    }

    private static DynamoDbException unexpectedType() {
        return DynamoDbException.serialization("Unexpected field type");
    }
}
