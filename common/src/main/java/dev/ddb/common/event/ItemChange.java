package dev.ddb.common.event;

import java.util.Base64;
import java.util.Map;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.attribute.AttributeValueJson;
import dev.ddb.common.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A value on {@code ddb.item-changes}: one item-level change with both images. {@code sequence}
 * grows with every change item-service makes, so consumers drop a change they have seen (the
 * relay delivers at least once). Both images are always present where they exist; the stream
 * view type is applied by stream-service.
 *
 * @param eventName    INSERT, MODIFY or REMOVE
 * @param userIdentity null, or the principal of a service-made change (TTL deletes)
 */
public record ItemChange(String tableName, String tableId, long sequence, String eventName,
                         Map<String, AttributeValue> keys, Map<String, AttributeValue> oldImage,
                         Map<String, AttributeValue> newImage, long timeMillis, long sizeBytes,
                         String userIdentity) {

    /** The Kafka key: table and partition key, so that changes of one item stay in order on one partition. */
    public static String kafkaKey(String tableId, byte[] encodedPartitionKey) {
        return tableId + "/" + Base64.getUrlEncoder().withoutPadding().encodeToString(encodedPartitionKey);
    }

    public byte[] toJson() {
        ObjectNode node = Json.object();
        node.put("tableName", tableName);
        node.put("tableId", tableId);
        node.put("sequence", sequence);
        node.put("eventName", eventName);
        node.set("keys", AttributeValueJson.writeItem(keys));
        if (oldImage != null) {
            node.set("oldImage", AttributeValueJson.writeItem(oldImage));
        }
        if (newImage != null) {
            node.set("newImage", AttributeValueJson.writeItem(newImage));
        }
        node.put("time", timeMillis);
        node.put("sizeBytes", sizeBytes);
        if (userIdentity != null) {
            node.put("userIdentity", userIdentity);
        }
        return Json.write(node);
    }

    public static ItemChange fromJson(byte[] bytes) {
        JsonNode node = Json.read(bytes);
        return new ItemChange(node.get("tableName").asString(), node.get("tableId").asString(),
                node.get("sequence").longValue(), node.get("eventName").asString(),
                AttributeValueJson.readItem(node.get("keys")),
                node.has("oldImage") ? AttributeValueJson.readItem(node.get("oldImage")) : null,
                node.has("newImage") ? AttributeValueJson.readItem(node.get("newImage")) : null,
                node.get("time").longValue(), node.get("sizeBytes").longValue(),
                node.has("userIdentity") ? node.get("userIdentity").asString() : null);
    }
}
