package dev.ddb.stream.operation;

import dev.ddb.common.error.DynamoDbException;
import tools.jackson.databind.JsonNode;

/**
 * Reads typed members of a request the way DynamoDB's deserializer does: absent or null is null,
 * a member of the wrong JSON type is a SerializationException with DynamoDB's wording.
 */
final class RequestMembers {

    private RequestMembers() {
    }

    static String string(JsonNode request, String name) {
        JsonNode node = member(request, name);
        if (node == null) {
            return null;
        }
        if (!node.isString()) {
            throw notConvertible(node, "a String");
        }
        return node.stringValue();
    }

    static Integer integer(JsonNode request, String name) {
        JsonNode node = member(request, name);
        if (node == null) {
            return null;
        }
        if (!node.isNumber()) {
            throw notConvertible(node, "an Integer");
        }
        return node.numberValue().intValue();
    }

    private static JsonNode member(JsonNode request, String name) {
        JsonNode node = request.get(name);
        return node == null || node.isNull() ? null : node;
    }

    private static DynamoDbException notConvertible(JsonNode node, String type) {
        if (node.isObject()) {
            return DynamoDbException.serialization("Start of structure or map found where not expected.");
        }
        if (node.isArray()) {
            return DynamoDbException.serialization("Start of list found where not expected");
        }
        String token = node.isString() ? "STRING_VALUE" : node.isBoolean()
                ? (node.booleanValue() ? "TRUE_VALUE" : "FALSE_VALUE") : "NUMBER_VALUE";
        return DynamoDbException.serialization(token + " can not be converted to " + type);
    }
}
