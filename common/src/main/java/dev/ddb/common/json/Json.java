package dev.ddb.common.json;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.request.Unicode;

/** The one JSON mapper the suite shares; request bodies that are not JSON get DynamoDB's SerializationException. */
public final class Json {

    public static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }

    /** Parses a request body that must be a JSON object. */
    public static ObjectNode parseRequest(byte[] body) {
        if (body == null || body.length == 0) {
            return NODES.objectNode();
        }
        if (!Unicode.isWellFormedUtf8(body)) {
            throw DynamoDbException.serialization(Unicode.INVALID_MESSAGE);
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw DynamoDbException.serialization("Start of structure or map found where not expected");
        }
        if (node == null || node.isMissingNode()) {
            return NODES.objectNode();
        }
        if (!node.isObject()) {
            throw DynamoDbException.serialization("Start of list found where not expected");
        }
        return (ObjectNode) node;
    }

    public static JsonNode read(byte[] bytes) {
        return MAPPER.readTree(bytes);
    }

    public static byte[] write(JsonNode node) {
        return MAPPER.writeValueAsBytes(node);
    }

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    public static ArrayNode array() {
        return NODES.arrayNode();
    }
}
