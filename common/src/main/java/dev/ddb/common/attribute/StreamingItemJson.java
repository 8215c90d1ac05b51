package dev.ddb.common.attribute;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Items in DynamoDB JSON written and read with Jackson's streaming generator and parser, without a
 * JSON tree: for what the suite wrote itself (stored items, change records), which is not validated
 * again as a request's item is ({@link AttributeValueJson} does that). A tree would be a copy of the
 * item made only to be walked once, on every write and every read.
 */
public final class StreamingItemJson {

    private StreamingItemJson() {
    }

    public static void writeItem(JsonGenerator generator, Map<String, AttributeValue> map) {
        generator.writeStartObject();
        for (Map.Entry<String, AttributeValue> attribute : map.entrySet()) {
            generator.writeName(attribute.getKey());
            write(generator, attribute.getValue());
        }
        generator.writeEndObject();
    }

    private static void write(JsonGenerator generator, AttributeValue value) {
        generator.writeStartObject();
        if (value instanceof AttributeValue.S s) {
            generator.writeStringProperty("S", s.value());
        } else if (value instanceof AttributeValue.N n) {
            generator.writeStringProperty("N", n.text());
        } else if (value instanceof AttributeValue.B b) {
            generator.writeStringProperty("B", Base64.getEncoder().encodeToString(b.value()));
        } else if (value instanceof AttributeValue.Bool b) {
            generator.writeBooleanProperty("BOOL", b.value());
        } else if (value instanceof AttributeValue.Null) {
            generator.writeBooleanProperty("NULL", true);
        } else if (value instanceof AttributeValue.L l) {
            generator.writeName("L");
            generator.writeStartArray();
            for (AttributeValue element : l.values()) {
                write(generator, element);
            }
            generator.writeEndArray();
        } else if (value instanceof AttributeValue.M m) {
            generator.writeName("M");
            writeItem(generator, m.values());
        } else if (value instanceof AttributeValue.SS ss) {
            generator.writeName("SS");
            generator.writeStartArray();
            for (String member : ss.values()) {
                generator.writeString(member);
            }
            generator.writeEndArray();
        } else if (value instanceof AttributeValue.NS ns) {
            generator.writeName("NS");
            generator.writeStartArray();
            for (var member : ns.values()) {
                generator.writeString(DynamoNumber.format(member));
            }
            generator.writeEndArray();
        } else if (value instanceof AttributeValue.BS bs) {
            generator.writeName("BS");
            generator.writeStartArray();
            for (byte[] member : bs.values()) {
                generator.writeString(Base64.getEncoder().encodeToString(member));
            }
            generator.writeEndArray();
        }
        generator.writeEndObject();
    }

    /** The members of an object whose START_OBJECT was just read, up to its END_OBJECT. */
    public static Map<String, AttributeValue> readItem(JsonParser parser) {
        Map<String, AttributeValue> map = new LinkedHashMap<>();
        String name;
        while ((name = parser.nextName()) != null) {
            expect(parser.nextToken(), JsonToken.START_OBJECT);
            map.put(name, read(parser));
        }
        return map;
    }

    /** An attribute value, {@code {"<type>": <value>}}, whose START_OBJECT was just read. */
    private static AttributeValue read(JsonParser parser) {
        String type = parser.nextName();
        if (type == null) {
            throw corrupt("an attribute value without a type");
        }
        JsonToken token = parser.nextToken();
        AttributeValue value = switch (type) {
            case "S" -> new AttributeValue.S(parser.getString());
            case "N" -> new AttributeValue.N(DynamoNumber.parse(parser.getString()));
            case "B" -> new AttributeValue.B(Base64.getDecoder().decode(parser.getString()));
            case "BOOL" -> new AttributeValue.Bool(token == JsonToken.VALUE_TRUE);
            case "NULL" -> new AttributeValue.Null();
            case "L" -> {
                expect(token, JsonToken.START_ARRAY);
                List<AttributeValue> elements = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    elements.add(read(parser));
                }
                yield new AttributeValue.L(elements);
            }
            case "M" -> {
                expect(token, JsonToken.START_OBJECT);
                yield new AttributeValue.M(readItem(parser));
            }
            case "SS" -> new AttributeValue.SS(strings(parser, token));
            case "NS" -> new AttributeValue.NS(strings(parser, token).stream().map(DynamoNumber::parse).toList());
            case "BS" -> new AttributeValue.BS(strings(parser, token).stream().map(Base64.getDecoder()::decode).toList());
            default -> throw corrupt("an attribute value of type " + type);
        };
        expect(parser.nextToken(), JsonToken.END_OBJECT);
        return value;
    }

    private static List<String> strings(JsonParser parser, JsonToken token) {
        expect(token, JsonToken.START_ARRAY);
        List<String> members = new ArrayList<>();
        while (parser.nextToken() == JsonToken.VALUE_STRING) {
            members.add(parser.getString());
        }
        return members;
    }

    public static void expect(JsonToken found, JsonToken expected) {
        if (found != expected) {
            throw corrupt(expected + " expected, " + found + " found");
        }
    }

    private static IllegalStateException corrupt(String what) {
        return new IllegalStateException("Not DynamoDB JSON as this suite writes it: " + what);
    }
}
