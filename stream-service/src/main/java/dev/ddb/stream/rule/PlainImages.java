package dev.ddb.stream.rule;

import java.math.BigDecimal;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * An item image (DynamoDB's typed attribute values) as plain JSON, in the REST API's mapping: S a string,
 * N an exact JSON number (so that patterns can compare it with {@code numeric}), BOOL, NULL null, L an
 * array, M an object, SS {@code {"$ss": [...]}}, NS {@code {"$ns": [numbers]}}, BS {@code {"$bs": [...]}},
 * B {@code {"$b": "base64"}}. (Only this direction; the REST API's {@code PlainItems} in the gateway reads
 * documents too.)
 */
final class PlainImages {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PlainImages() {
    }

    static ObjectNode of(JsonNode item) {
        ObjectNode document = NODES.objectNode();
        for (Map.Entry<String, JsonNode> attribute : item.properties()) {
            document.set(attribute.getKey(), value(attribute.getValue()));
        }
        return document;
    }

    private static JsonNode value(JsonNode typed) {
        Map.Entry<String, JsonNode> only = typed.properties().iterator().next();
        JsonNode content = only.getValue();
        return switch (only.getKey()) {
            case "S" -> NODES.stringNode(content.stringValue());
            case "N" -> NODES.numberNode(new BigDecimal(content.stringValue()));
            case "BOOL" -> NODES.booleanNode(content.booleanValue());
            case "NULL" -> NODES.nullNode();
            case "B" -> NODES.objectNode().put("$b", content.stringValue());
            case "L" -> {
                ArrayNode list = NODES.arrayNode();
                content.forEach(member -> list.add(value(member)));
                yield list;
            }
            case "M" -> {
                ObjectNode map = of(content);
                boolean readsAsTag = map.size() == 1 && map.propertyNames().iterator().next().startsWith("$");
                yield readsAsTag ? NODES.objectNode().set("$m", map) : map;
            }
            case "SS" -> NODES.objectNode().set("$ss", content.deepCopy());
            case "BS" -> NODES.objectNode().set("$bs", content.deepCopy());
            case "NS" -> {
                ArrayNode numbers = NODES.arrayNode();
                content.forEach(member -> numbers.add(NODES.numberNode(new BigDecimal(member.stringValue()))));
                yield NODES.objectNode().set("$ns", numbers);
            }
            default -> NODES.nullNode();
        };
    }
}
