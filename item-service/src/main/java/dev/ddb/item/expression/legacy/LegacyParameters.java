package dev.ddb.item.expression.legacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.attribute.AttributeValueJson;
import dev.ddb.common.error.DynamoDbException;
import tools.jackson.databind.JsonNode;

/** Reading the legacy parameters' JSON, with the errors DynamoDB gives for malformed members. */
final class LegacyParameters {

    private LegacyParameters() {
    }

    static boolean isAbsent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    /** The entries of a map member (Expected, ScanFilter, AttributeUpdates, ...) in request order. */
    static Iterable<Map.Entry<String, JsonNode>> entries(JsonNode map) {
        if (!map.isObject()) {
            throw DynamoDbException.serialization("Unexpected value type in payload");
        }
        return map.properties();
    }

    static JsonNode member(JsonNode structure, String name) {
        JsonNode member = structure.get(name);
        return isAbsent(member) ? null : member;
    }

    static String text(JsonNode structure, String name) {
        JsonNode member = member(structure, name);
        if (member == null) {
            return null;
        }
        if (!member.isString()) {
            throw DynamoDbException.serialization("Unexpected value type in payload");
        }
        return member.stringValue();
    }

    static List<AttributeValue> values(JsonNode list) {
        if (!list.isArray()) {
            throw DynamoDbException.serialization("Unexpected value type in payload");
        }
        List<AttributeValue> values = new ArrayList<>();
        list.forEach(value -> values.add(AttributeValueJson.read(value)));
        return values;
    }

    static DynamoDbException notInEnum(String value, String member, String allowed) {
        return DynamoDbException.validation("1 validation error detected: Value '" + value + "' at '" + member
                + "' failed to satisfy constraint: Member must satisfy enum value set: " + allowed);
    }
}
