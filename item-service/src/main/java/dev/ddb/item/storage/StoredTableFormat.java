package dev.ddb.item.storage;

import dev.ddb.common.json.Json;
import dev.ddb.common.table.TableDescription;
import dev.ddb.common.table.TableDescriptionJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * How a table's description is kept in the item store: DynamoDB's TableDescription JSON. Stores
 * written before secondary indexes kept only name, id and key ({@code HashKey}, {@code HashKeyType},
 * {@code RangeKey}, {@code RangeKeyType}); they are read as a description with that key schema,
 * so existing data directories open unchanged.
 */
final class StoredTableFormat {

    private StoredTableFormat() {
    }

    static byte[] write(TableDescription table) {
        return TableDescriptionJson.toBytes(table);
    }

    static TableDescription read(byte[] bytes) {
        JsonNode node = Json.read(bytes);
        return TableDescriptionJson.read(node.has("HashKey") ? fromKeyOnlyFormat(node) : node);
    }

    private static JsonNode fromKeyOnlyFormat(JsonNode old) {
        ObjectNode description = Json.object();
        description.put("TableName", old.get("TableName").asString());
        description.put("TableId", old.get("TableId").asString());
        ArrayNode definitions = description.putArray("AttributeDefinitions");
        ArrayNode keySchema = description.putArray("KeySchema");
        addKey(definitions, keySchema, old.get("HashKey").asString(), old.get("HashKeyType").asString(), "HASH");
        if (old.has("RangeKey")) {
            addKey(definitions, keySchema, old.get("RangeKey").asString(), old.get("RangeKeyType").asString(), "RANGE");
        }
        description.put("TableStatus", "ACTIVE");
        return description;
    }

    private static void addKey(ArrayNode definitions, ArrayNode keySchema, String name, String type, String keyType) {
        definitions.addObject().put("AttributeName", name).put("AttributeType", type);
        keySchema.addObject().put("AttributeName", name).put("KeyType", keyType);
    }
}
