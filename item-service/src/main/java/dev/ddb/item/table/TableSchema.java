package dev.ddb.item.table;

import java.util.HashMap;
import java.util.Map;

import dev.ddb.common.json.Json;
import dev.ddb.common.table.KeySchema;
import dev.ddb.common.table.ScalarAttributeType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What item-service needs to know of a table: its name, its id (a table re-created under the
 * same name is a new table with new storage) and its primary key.
 */
public record TableSchema(String tableName, String tableId, KeySchema keySchema) {

    /** Reads the table's part of a TableDescription (as table-service sends it when provisioning). */
    public static TableSchema fromDescription(JsonNode description) {
        Map<String, ScalarAttributeType> types = new HashMap<>();
        for (JsonNode definition : description.path("AttributeDefinitions")) {
            types.put(definition.path("AttributeName").asString(),
                    ScalarAttributeType.parse(definition.path("AttributeType").asString()));
        }
        String hash = null;
        String range = null;
        for (JsonNode element : description.path("KeySchema")) {
            if ("HASH".equals(element.path("KeyType").asString())) {
                hash = element.path("AttributeName").asString();
            } else {
                range = element.path("AttributeName").asString();
            }
        }
        if (hash == null || types.get(hash) == null || (range != null && types.get(range) == null)) {
            throw new IllegalArgumentException("Table description has no usable key schema");
        }
        KeySchema keySchema = new KeySchema(hash, types.get(hash), range, range == null ? null : types.get(range));
        return new TableSchema(description.path("TableName").asString(), description.path("TableId").asString(), keySchema);
    }

    public byte[] toJson() {
        ObjectNode node = Json.object();
        node.put("TableName", tableName);
        node.put("TableId", tableId);
        node.put("HashKey", keySchema.hashKey());
        node.put("HashKeyType", keySchema.hashKeyType().name());
        if (keySchema.hasRangeKey()) {
            node.put("RangeKey", keySchema.rangeKey());
            node.put("RangeKeyType", keySchema.rangeKeyType().name());
        }
        return Json.write(node);
    }

    public static TableSchema fromJson(byte[] bytes) {
        JsonNode node = Json.read(bytes);
        String range = node.has("RangeKey") ? node.get("RangeKey").asString() : null;
        return new TableSchema(node.get("TableName").asString(), node.get("TableId").asString(),
                new KeySchema(node.get("HashKey").asString(), ScalarAttributeType.valueOf(node.get("HashKeyType").asString()),
                        range, range == null ? null : ScalarAttributeType.valueOf(node.get("RangeKeyType").asString())));
    }
}
