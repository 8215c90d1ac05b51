package dev.ddb.stream.operation;

import tools.jackson.databind.JsonNode;

/**
 * Reads members of a request whose JSON types and constraints the request validator (common's
 * {@code RequestValidator}, run by the dispatcher before any operation) has already checked: an
 * absent or null member is null.
 */
final class RequestMembers {

    private RequestMembers() {
    }

    static String string(JsonNode request, String name) {
        JsonNode node = member(request, name);
        return node == null ? null : node.stringValue();
    }

    static Integer integer(JsonNode request, String name) {
        JsonNode node = member(request, name);
        return node == null ? null : node.intValue();
    }

    private static JsonNode member(JsonNode request, String name) {
        JsonNode node = request.get(name);
        return node == null || node.isNull() ? null : node;
    }
}
