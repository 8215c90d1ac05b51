package dev.ddb.item.operation;

import java.util.List;
import java.util.Map;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.attribute.AttributeValueJson;
import dev.ddb.common.error.DynamoDbException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Reads request members with the validation messages DynamoDB gives for them. */
final class RequestParameters {

    private RequestParameters() {
    }

    static String tableName(ObjectNode request) {
        JsonNode name = request.get("TableName");
        if (name == null || name.isNull()) {
            throw notNull("tableName");
        }
        String text = name.asString();
        if (text.length() < 3 || text.length() > 255) {
            throw DynamoDbException.validation("1 validation error detected: Value '" + text
                    + "' at 'tableName' failed to satisfy constraint: Member must have length "
                    + (text.length() < 3 ? "greater than or equal to 3" : "less than or equal to 255"));
        }
        return text;
    }

    /** A required map of attribute values, such as Item or Key. */
    static Map<String, AttributeValue> attributeMap(ObjectNode request, String member) {
        JsonNode node = request.get(member);
        if (node == null || node.isNull()) {
            throw notNull(Character.toLowerCase(member.charAt(0)) + member.substring(1));
        }
        return AttributeValueJson.readItem(node);
    }

    /** An optional enum member, null when absent. */
    static String enumValue(ObjectNode request, String member, List<String> allowed) {
        JsonNode node = request.get(member);
        if (node == null || node.isNull()) {
            return null;
        }
        String value = node.asString();
        if (!allowed.contains(value)) {
            throw DynamoDbException.validation("1 validation error detected: Value '" + value + "' at '"
                    + Character.toLowerCase(member.charAt(0)) + member.substring(1)
                    + "' failed to satisfy constraint: Member must satisfy enum value set: " + allowed);
        }
        return value;
    }

    /** An optional positive integer such as Limit; null when absent. */
    static Integer positiveInt(ObjectNode request, String member) {
        JsonNode node = request.get(member);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.canConvertToInt()) {
            throw DynamoDbException.serialization("NUMBER_VALUE cannot be converted to Integer");
        }
        int value = node.intValue();
        if (value < 1) {
            throw DynamoDbException.validation("1 validation error detected: Value '" + value + "' at '"
                    + Character.toLowerCase(member.charAt(0)) + member.substring(1)
                    + "' failed to satisfy constraint: Member must have value greater than or equal to 1");
        }
        return value;
    }

    /** An optional map of attribute values such as ExclusiveStartKey; null when absent. */
    static Map<String, AttributeValue> optionalAttributeMap(ObjectNode request, String member) {
        JsonNode node = request.get(member);
        return node == null || node.isNull() ? null : AttributeValueJson.readItem(node);
    }

    static boolean flag(ObjectNode request, String member, boolean defaultValue) {
        JsonNode node = request.get(member);
        return node == null || node.isNull() ? defaultValue : node.asBoolean();
    }

    static boolean flag(ObjectNode request, String member) {
        JsonNode node = request.get(member);
        return node != null && node.asBoolean();
    }

    private static DynamoDbException notNull(String member) {
        return DynamoDbException.validation("1 validation error detected: Value null at '" + member
                + "' failed to satisfy constraint: Member must not be null");
    }
}
