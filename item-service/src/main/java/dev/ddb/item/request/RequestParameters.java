package dev.ddb.item.request;

import java.util.Map;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.attribute.AttributeValueJson;
import dev.ddb.common.error.DynamoDbException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads request members. Their JSON types, presence and declared constraints (lengths, patterns,
 * enums, ranges) were checked against DynamoDB's API model before the operation ran
 * (common's RequestValidator), so only what the model cannot say is checked here.
 */
public final class RequestParameters {

    private RequestParameters() {
    }

    public static String tableName(ObjectNode request) {
        return request.get("TableName").stringValue();
    }

    /** A required map of attribute values, such as Item or Key. */
    public static Map<String, AttributeValue> attributeMap(ObjectNode request, String member) {
        return AttributeValueJson.readItem(request.get(member));
    }

    /**
     * An item to write (PutItem's, a transaction's or a batch's Put): an empty attribute name is
     * DynamoDB's "Empty attribute name", found before anything in the item's values.
     */
    public static Map<String, AttributeValue> newItem(JsonNode item) {
        if (item != null && item.isObject()) {
            for (Map.Entry<String, JsonNode> attribute : item.properties()) {
                if (attribute.getKey().isEmpty()) {
                    throw DynamoDbException.validation("Empty attribute name");
                }
            }
        }
        return AttributeValueJson.readItem(item);
    }

    /** An optional string member such as an enum; null when absent. */
    public static String optionalString(ObjectNode request, String member) {
        JsonNode node = request.get(member);
        return node == null || node.isNull() ? null : node.stringValue();
    }

    /** An optional integer member such as Limit; null when absent. */
    public static Integer optionalInt(ObjectNode request, String member) {
        JsonNode node = request.get(member);
        return node == null || node.isNull() ? null : node.intValue();
    }

    /** An optional map of attribute values such as ExclusiveStartKey; null when absent. */
    public static Map<String, AttributeValue> optionalAttributeMap(ObjectNode request, String member) {
        JsonNode node = request.get(member);
        return node == null || node.isNull() ? null : AttributeValueJson.readItem(node);
    }

    public static boolean flag(ObjectNode request, String member, boolean defaultValue) {
        JsonNode node = request.get(member);
        return node == null || node.isNull() ? defaultValue : node.booleanValue();
    }

    public static boolean flag(ObjectNode request, String member) {
        return flag(request, member, false);
    }
}
