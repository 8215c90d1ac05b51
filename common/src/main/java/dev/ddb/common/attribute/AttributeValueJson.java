package dev.ddb.common.attribute;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.json.Json;
import dev.ddb.common.request.Base64Text;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes attribute values in DynamoDB JSON ({@code {"S":"x"}}, {@code {"N":"1"}}, ...),
 * enforcing the rules DynamoDB applies to every value it accepts.
 */
public final class AttributeValueJson {

    /** DynamoDB rejects documents nested deeper than this. */
    public static final int MAX_NESTING_DEPTH = 32;
    /** DynamoDB's message for a value or item nested deeper than {@link #MAX_NESTING_DEPTH}. */
    public static final String NESTING_TOO_DEEP =
            "Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit";

    private AttributeValueJson() {
    }

    /** Reads an item (or key): a JSON object of attribute name to attribute value. */
    public static Map<String, AttributeValue> readItem(JsonNode node) {
        return readItem(node, MAX_NESTING_DEPTH);
    }

    /**
     * Reads an item as the store kept it (a backup's or an archive's line): it was checked when it
     * was written, and an update could nest an item beyond {@link #MAX_NESTING_DEPTH} before that was
     * checked too, so the limit does not apply here; such an item is backed up and restored like any other.
     */
    public static Map<String, AttributeValue> readStoredItem(JsonNode node) {
        return readItem(node, Integer.MAX_VALUE);
    }

    private static Map<String, AttributeValue> readItem(JsonNode node, int maxDepth) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return new LinkedHashMap<>();
        }
        if (!node.isObject()) {
            throw DynamoDbException.serialization("Unexpected value type in payload");
        }
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            item.put(e.getKey(), read(e.getValue(), 1, maxDepth));
        }
        return item;
    }

    public static AttributeValue read(JsonNode node) {
        return read(node, 1, MAX_NESTING_DEPTH);
    }

    private static AttributeValue read(JsonNode node, int depth, int maxDepth) {
        if (depth > maxDepth) {
            throw DynamoDbException.validation(NESTING_TOO_DEEP);
        }
        if (node == null || !node.isObject()) {
            throw DynamoDbException.serialization("Unexpected value type in payload");
        }
        String type = null;
        JsonNode value = null;
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (e.getValue().isNull()) {
                continue; // an SDK may send absent members as null
            }
            if (type != null) {
                throw DynamoDbException.invalidParameter(
                        "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
            }
            type = e.getKey();
            value = e.getValue();
        }
        if (type == null) {
            throw DynamoDbException.invalidParameter(
                    "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        }
        switch (type) {
            case "S":
                return new AttributeValue.S(text(value));
            case "N":
                return new AttributeValue.N(DynamoNumber.parse(text(value)));
            case "B":
                return new AttributeValue.B(binary(value));
            case "BOOL":
                if (!value.isBoolean()) {
                    throw DynamoDbException.serialization("Unexpected value type in payload");
                }
                return new AttributeValue.Bool(value.booleanValue());
            case "NULL":
                if (!value.isBoolean()) {
                    throw DynamoDbException.serialization("Unexpected value type in payload");
                }
                if (!value.booleanValue()) {
                    throw DynamoDbException.invalidParameter("Null attribute value types must have the value of true");
                }
                return new AttributeValue.Null();
            case "L": {
                List<AttributeValue> values = new ArrayList<>();
                for (JsonNode element : array(value)) {
                    values.add(read(element, depth + 1, maxDepth));
                }
                return new AttributeValue.L(values);
            }
            case "M": {
                if (!value.isObject()) {
                    throw DynamoDbException.serialization("Unexpected value type in payload");
                }
                Map<String, AttributeValue> values = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> e : value.properties()) {
                    values.put(e.getKey(), read(e.getValue(), depth + 1, maxDepth));
                }
                return new AttributeValue.M(values);
            }
            case "SS": {
                List<String> values = new ArrayList<>();
                for (JsonNode element : nonEmptySet(value, "An string set  may not be empty")) {
                    values.add(text(element));
                }
                rejectDuplicates(values, () -> "Input collection " + values + " contains duplicates.");
                return new AttributeValue.SS(values);
            }
            case "NS": {
                List<BigDecimal> values = new ArrayList<>();
                for (JsonNode element : nonEmptySet(value, "An number set  may not be empty")) {
                    values.add(DynamoNumber.parse(text(element)));
                }
                rejectDuplicates(values, () -> "Input collection contains duplicates."); // the members are not named
                return new AttributeValue.NS(values);
            }
            case "BS": {
                List<byte[]> values = new ArrayList<>();
                List<String> texts = new ArrayList<>();
                for (JsonNode element : nonEmptySet(value, "Binary sets should not be empty")) {
                    texts.add(text(element));
                    values.add(binary(element));
                }
                rejectDuplicates(values.stream().map(b -> Base64.getEncoder().encodeToString(b)).toList(),
                        () -> "Input collection " + texts + "of type BS contains duplicates."); // no space before "of", as DynamoDB words it
                return new AttributeValue.BS(values);
            }
            default:
                throw DynamoDbException.invalidParameter(
                        "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        }
    }

    private static String text(JsonNode value) {
        if (!value.isString()) {
            throw DynamoDbException.serialization("Unexpected value type in payload");
        }
        return value.stringValue();
    }

    private static byte[] binary(JsonNode value) {
        return Base64Text.decode(text(value));
    }

    private static JsonNode array(JsonNode value) {
        if (!value.isArray()) {
            throw DynamoDbException.serialization("Unexpected value type in payload");
        }
        return value;
    }

    private static JsonNode nonEmptySet(JsonNode value, String emptyMessage) {
        array(value);
        if (value.isEmpty()) {
            throw DynamoDbException.invalidParameter(emptyMessage);
        }
        return value;
    }

    /** DynamoDB's wording for each set type (captured from AWS, October 2026) is given by the caller. */
    private static <T> void rejectDuplicates(List<T> members, Supplier<String> message) {
        Set<T> seen = new HashSet<>();
        for (T member : members) {
            if (!seen.add(member)) {
                throw DynamoDbException.invalidParameter(message.get());
            }
        }
    }

    /** Writes an item as a JSON object of attribute values. */
    public static ObjectNode writeItem(Map<String, AttributeValue> item) {
        ObjectNode node = Json.object();
        item.forEach((name, value) -> node.set(name, write(value)));
        return node;
    }

    public static ObjectNode write(AttributeValue value) {
        ObjectNode node = Json.object();
        if (value instanceof AttributeValue.S s) {
            node.put("S", s.value());
        } else if (value instanceof AttributeValue.N n) {
            node.put("N", n.text());
        } else if (value instanceof AttributeValue.B b) {
            node.put("B", Base64.getEncoder().encodeToString(b.value()));
        } else if (value instanceof AttributeValue.Bool b) {
            node.put("BOOL", b.value());
        } else if (value instanceof AttributeValue.Null) {
            node.put("NULL", true);
        } else if (value instanceof AttributeValue.L l) {
            ArrayNode array = node.putArray("L");
            l.values().forEach(v -> array.add(write(v)));
        } else if (value instanceof AttributeValue.M m) {
            node.set("M", writeItem(m.values()));
        } else if (value instanceof AttributeValue.SS ss) {
            ArrayNode array = node.putArray("SS");
            ss.values().forEach(array::add);
        } else if (value instanceof AttributeValue.NS ns) {
            ArrayNode array = node.putArray("NS");
            ns.values().forEach(v -> array.add(DynamoNumber.format(v)));
        } else if (value instanceof AttributeValue.BS bs) {
            ArrayNode array = node.putArray("BS");
            bs.values().forEach(v -> array.add(Base64.getEncoder().encodeToString(v)));
        }
        return node;
    }
}
