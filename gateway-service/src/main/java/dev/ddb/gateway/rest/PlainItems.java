package dev.ddb.gateway.rest;

import java.util.Map;

import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import dev.ddb.common.attribute.AttributeValueJson;
import dev.ddb.common.attribute.PlainJson;
import dev.ddb.common.json.Json;

/**
 * The REST API's item documents: plain JSON to DynamoDB's typed attribute values and back (the way
 * back, and the tags, are common's {@link PlainJson}).
 *
 * <pre>
 * JSON string            S        "text"
 * JSON number            N        12.50 (read as BigDecimal, written as the exact number DynamoDB holds)
 * true / false           BOOL
 * null                   NULL     (also {"$null": true}, which a PATCH needs: there null removes)
 * array                  L
 * object                 M        ({"$m": {...}} for a map that would read as one of the tags below)
 * {"$ss": ["a", "b"]}    SS
 * {"$ns": [1, 2.5]}      NS       (members JSON numbers, or strings holding numbers)
 * {"$bs": ["AQI="]}      BS       (members base64)
 * {"$b": "AQI="}         B        (base64)
 * </pre>
 *
 * An object is a tag only when it has exactly one member and that member is one of the tags; the
 * output wraps a map that would look like one in {@code $m}, so every item round-trips. Values are
 * translated, not validated: the item service validates them as it does every DynamoDB request
 * (empty sets, numbers out of range, bad base64), and its ValidationException is the answer.
 */
final class PlainItems {

    /** Reads every number exactly: fractions as BigDecimal, integers as BigInteger, never double. */
    static final JsonMapper EXACT = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(Json.READ_CONSTRAINTS).build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .build();

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PlainItems() {
    }

    /** A request body that must be one JSON object (an item document or a patch). */
    static ObjectNode readDocument(byte[] body) {
        JsonNode node;
        try {
            node = body.length == 0 ? null : EXACT.readTree(body);
        } catch (RuntimeException malformed) {
            throw RestProblem.badRequest("The body is not valid JSON: " + firstLine(malformed.getMessage()));
        }
        if (node == null || !node.isObject()) {
            throw RestProblem.badRequest("The body must be a JSON object: the item's attributes by name");
        }
        return (ObjectNode) node;
    }

    /** A document's attributes as DynamoDB's {@code Item} (name to typed value). */
    static ObjectNode toItem(ObjectNode document) {
        ObjectNode item = NODES.objectNode();
        for (Map.Entry<String, JsonNode> attribute : document.properties()) {
            item.set(attribute.getKey(), toAttributeValue(attribute.getValue(), attribute.getKey(), 0));
        }
        return item;
    }

    /** One plain JSON value as DynamoDB's typed attribute value, e.g. {@code "x"} as {@code {"S": "x"}}. */
    static ObjectNode toAttributeValue(JsonNode value, String path, int depth) {
        if (depth > AttributeValueJson.MAX_NESTING_DEPTH) {
            throw RestProblem.badRequest("Nesting Levels have exceeded supported limits at " + path);
        }
        ObjectNode typed = NODES.objectNode();
        if (value.isString()) {
            return typed.put("S", value.stringValue());
        }
        if (value.isNumber()) {
            return typed.put("N", numberText(value));
        }
        if (value.isBoolean()) {
            return typed.put("BOOL", value.booleanValue());
        }
        if (value.isNull()) {
            return typed.put("NULL", true);
        }
        if (value.isArray()) {
            ArrayNode list = typed.putArray("L");
            int i = 0;
            for (JsonNode member : value) {
                list.add(toAttributeValue(member, path + "[" + i++ + "]", depth + 1));
            }
            return typed;
        }
        if (value.isObject()) {
            String tag = PlainJson.tagOf(value);
            if (tag == null) {
                return typed.set("M", toMap(value, path, depth));
            }
            JsonNode content = value.get(tag);
            return switch (tag) {
                case PlainJson.SS -> typed.set("SS", members(content, path, tag, JsonNode::isString, JsonNode::stringValue));
                case PlainJson.NS -> typed.set("NS", members(content, path, tag, m -> m.isNumber() || m.isString(),
                        m -> m.isNumber() ? numberText(m) : m.stringValue()));
                case PlainJson.BS -> typed.set("BS", members(content, path, tag, JsonNode::isString, JsonNode::stringValue));
                case PlainJson.B -> {
                    if (!content.isString()) {
                        throw RestProblem.badRequest(path + ": " + PlainJson.B + " must be a base64 string");
                    }
                    yield typed.put("B", content.stringValue());
                }
                case PlainJson.MAP -> {
                    if (!content.isObject()) {
                        throw RestProblem.badRequest(path + ": " + PlainJson.MAP + " must be a JSON object");
                    }
                    yield typed.set("M", toMap(content, path, depth));
                }
                default -> { // NULL
                    if (!content.isBoolean() || !content.booleanValue()) {
                        throw RestProblem.badRequest(path + ": " + PlainJson.NULL + " must be true");
                    }
                    yield typed.put("NULL", true);
                }
            };
        }
        throw RestProblem.badRequest(path + ": not a JSON value an attribute can hold");
    }

    /** DynamoDB's {@code Item} (or any name-to-value map) as a plain document. */
    static ObjectNode fromItem(JsonNode item) {
        return PlainJson.fromItem(item);
    }

    private static ObjectNode toMap(JsonNode object, String path, int depth) {
        ObjectNode map = NODES.objectNode();
        for (Map.Entry<String, JsonNode> member : object.properties()) {
            map.set(member.getKey(), toAttributeValue(member.getValue(), path + "." + member.getKey(), depth + 1));
        }
        return map;
    }

    private static ArrayNode members(JsonNode content, String path, String tag,
                                     java.util.function.Predicate<JsonNode> fits,
                                     java.util.function.Function<JsonNode, String> text) {
        if (!content.isArray()) {
            throw RestProblem.badRequest(path + ": " + tag + " must be a JSON array");
        }
        ArrayNode members = NODES.arrayNode();
        for (JsonNode member : content) {
            if (!fits.test(member)) {
                throw RestProblem.badRequest(path + ": a member of " + tag + " is " + member.getNodeType()
                        .name().toLowerCase() + ", not what " + tag + " holds");
            }
            members.add(text.apply(member));
        }
        return members;
    }

    /** The number exactly as written: an integer's digits, a fraction's BigDecimal text. */
    private static String numberText(JsonNode number) {
        return number.isIntegralNumber() ? number.bigIntegerValue().toString() : number.decimalValue().toString();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
