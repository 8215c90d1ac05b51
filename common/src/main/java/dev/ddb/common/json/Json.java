package dev.ddb.common.json;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.request.Unicode;

/** The one JSON mapper the suite shares; request bodies that are not JSON get DynamoDB's SerializationException. */
public final class Json {

    /**
     * What every parser of ours reads: names as long as a request can hold, so that an attribute name
     * longer than DynamoDB's 65,535 bytes gets DynamoDB's ValidationException from the request's
     * validation (Jackson's default limit, 50,000 characters, would make it a SerializationException,
     * and an item with such a name unreadable once stored).
     */
    public static final StreamReadConstraints READ_CONSTRAINTS = StreamReadConstraints.builder()
            .maxNameLength(Integer.MAX_VALUE).build();
    public static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(READ_CONSTRAINTS).build())
            .build();
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
