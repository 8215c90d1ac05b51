package dev.ddb.common.attribute;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Items as plain JSON documents, the mapping the REST API and event rules show them in:
 *
 * <pre>
 * S      JSON string
 * N      JSON number, exactly the number DynamoDB holds
 * BOOL   true / false
 * NULL   null                     ({"$null": true} where null means something else)
 * L      array
 * M      object                   ({"$m": {...}} for a map that would read as one of these tags)
 * SS     {"$ss": ["a", "b"]}
 * NS     {"$ns": [1, 2.5]}
 * BS     {"$bs": ["AQI="]}        (members base64)
 * B      {"$b": "AQI="}           (base64)
 * </pre>
 *
 * An object is a tag only when it has exactly one member and that member is one of the tags, so a
 * document written here reads back as the same item (the REST API's reader is in the gateway).
 */
public final class PlainJson {

    public static final String SS = "$ss";
    public static final String NS = "$ns";
    public static final String BS = "$bs";
    public static final String B = "$b";
    public static final String MAP = "$m";
    public static final String NULL = "$null";
    private static final Set<String> TAGS = Set.of(SS, NS, BS, B, MAP, NULL);

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PlainJson() {
    }

    /** DynamoDB's {@code Item} (or any name-to-typed-value map) as a plain document. */
    public static ObjectNode fromItem(JsonNode item) {
        ObjectNode document = NODES.objectNode();
        for (Map.Entry<String, JsonNode> attribute : item.properties()) {
            document.set(attribute.getKey(), fromAttributeValue(attribute.getValue()));
        }
        return document;
    }

    /** One typed attribute value, as DynamoDB answers it, as plain JSON. */
    public static JsonNode fromAttributeValue(JsonNode typed) {
        Map.Entry<String, JsonNode> only = typed.properties().iterator().next();
        JsonNode content = only.getValue();
        return switch (only.getKey()) {
            case "S" -> NODES.stringNode(content.stringValue());
            case "N" -> NODES.numberNode(new BigDecimal(content.stringValue()));
            case "BOOL" -> NODES.booleanNode(content.booleanValue());
            case "NULL" -> NODES.nullNode();
            case "B" -> NODES.objectNode().put(B, content.stringValue());
            case "L" -> {
                ArrayNode list = NODES.arrayNode();
                content.forEach(member -> list.add(fromAttributeValue(member)));
                yield list;
            }
            case "M" -> {
                ObjectNode map = fromItem(content);
                // A map that reads as a tag is wrapped, so that it comes back as the same map.
                yield tagOf(map) != null ? NODES.objectNode().set(MAP, map) : map;
            }
            case "SS" -> NODES.objectNode().set(SS, content.deepCopy());
            case "BS" -> NODES.objectNode().set(BS, content.deepCopy());
            case "NS" -> {
                ArrayNode numbers = NODES.arrayNode();
                content.forEach(member -> numbers.add(NODES.numberNode(new BigDecimal(member.stringValue()))));
                yield NODES.objectNode().set(NS, numbers);
            }
            default -> throw new IllegalStateException("Unknown attribute type " + only.getKey());
        };
    }

    /** The tag an object stands for; null for a plain map. */
    public static String tagOf(JsonNode object) {
        if (object.size() != 1) {
            return null;
        }
        String name = object.propertyNames().iterator().next();
        return TAGS.contains(name) ? name : null;
    }
}
