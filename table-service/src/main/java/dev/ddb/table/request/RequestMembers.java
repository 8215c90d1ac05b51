package dev.ddb.table.request;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;

/**
 * Reads members of a request whose JSON types and constraints the request validator (common's
 * {@code RequestValidator}, run by the dispatcher before any operation) has already checked: an
 * absent or null member is null.
 */
public final class RequestMembers {

    private RequestMembers() {
    }

    public static String string(JsonNode parent, String name) {
        JsonNode node = member(parent, name);
        return node == null ? null : node.stringValue();
    }

    public static Long longValue(JsonNode parent, String name) {
        JsonNode node = member(parent, name);
        return node == null ? null : node.longValue();
    }

    public static Integer integer(JsonNode parent, String name) {
        JsonNode node = member(parent, name);
        return node == null ? null : node.intValue();
    }

    public static Boolean bool(JsonNode parent, String name) {
        JsonNode node = member(parent, name);
        return node == null ? null : node.booleanValue();
    }

    /** A structure member, or null when absent. */
    public static JsonNode structure(JsonNode parent, String name) {
        return member(parent, name);
    }

    /** A list member read element by element, or null when absent. */
    public static <T> List<T> list(JsonNode parent, String name, Function<JsonNode, T> element) {
        JsonNode node = member(parent, name);
        if (node == null) {
            return null;
        }
        List<T> result = new ArrayList<>(node.size());
        for (JsonNode value : node.values()) {
            result.add(element.apply(value));
        }
        return result;
    }

    /** A list element that is a structure; a JSON null element reads as an absent structure. */
    public static JsonNode structureElement(JsonNode element) {
        return element.isNull() ? null : element;
    }

    /** A list element that is a string. */
    public static String stringElement(JsonNode element) {
        return element.isNull() ? null : element.stringValue();
    }

    private static JsonNode member(JsonNode parent, String name) {
        if (parent == null) {
            return null;
        }
        JsonNode node = parent.get(name);
        return node == null || node.isNull() ? null : node;
    }
}
