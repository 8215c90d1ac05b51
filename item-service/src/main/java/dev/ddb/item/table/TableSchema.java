package dev.ddb.item.table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.ddb.common.json.Json;
import dev.ddb.common.table.KeySchema;
import dev.ddb.common.table.ScalarAttributeType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What item-service needs to know of a table: its name, its id (a table re-created under the
 * same name is a new table with new storage), its primary key and its secondary indexes.
 */
public record TableSchema(String tableName, String tableId, KeySchema keySchema, List<SecondaryIndex> indexes) {

    public TableSchema {
        indexes = List.copyOf(indexes);
    }

    public TableSchema(String tableName, String tableId, KeySchema keySchema) {
        this(tableName, tableId, keySchema, List.of());
    }

    public Optional<SecondaryIndex> index(String indexName) {
        return indexes.stream().filter(index -> index.indexName().equals(indexName)).findFirst();
    }

    public boolean hasLocalIndexes() {
        return indexes.stream().anyMatch(index -> !index.global());
    }

    public TableSchema withIndexes(List<SecondaryIndex> newIndexes) {
        return new TableSchema(tableName, tableId, keySchema, newIndexes);
    }

    /**
     * Reads the table's part of a TableDescription (as table-service sends it when provisioning).
     * Indexes come in ACTIVE: the caller decides which ones still need a backfill.
     */
    public static TableSchema fromDescription(JsonNode description) {
        Map<String, ScalarAttributeType> types = new HashMap<>();
        for (JsonNode definition : description.path("AttributeDefinitions")) {
            types.put(definition.path("AttributeName").asString(),
                    ScalarAttributeType.parse(definition.path("AttributeType").asString()));
        }
        KeySchema keySchema = keySchema(description.path("KeySchema"), types);
        List<SecondaryIndex> indexes = new ArrayList<>();
        for (JsonNode index : description.path("LocalSecondaryIndexes")) {
            indexes.add(index(index, false, types));
        }
        for (JsonNode index : description.path("GlobalSecondaryIndexes")) {
            indexes.add(index(index, true, types));
        }
        return new TableSchema(description.path("TableName").asString(), description.path("TableId").asString(),
                keySchema, indexes);
    }

    private static SecondaryIndex index(JsonNode index, boolean global, Map<String, ScalarAttributeType> types) {
        JsonNode projection = index.path("Projection");
        List<String> nonKey = new ArrayList<>();
        projection.path("NonKeyAttributes").forEach(name -> nonKey.add(name.asString()));
        String type = projection.path("ProjectionType").asString(IndexProjection.ALL);
        return new SecondaryIndex(index.path("IndexName").asString(), global, keySchema(index.path("KeySchema"), types),
                new IndexProjection(type, nonKey), SecondaryIndex.IndexStatus.ACTIVE);
    }

    private static KeySchema keySchema(JsonNode elements, Map<String, ScalarAttributeType> types) {
        String hash = null;
        String range = null;
        for (JsonNode element : elements) {
            if ("HASH".equals(element.path("KeyType").asString())) {
                hash = element.path("AttributeName").asString();
            } else {
                range = element.path("AttributeName").asString();
            }
        }
        if (hash == null || types.get(hash) == null || (range != null && types.get(range) == null)) {
            throw new IllegalArgumentException("Table description has no usable key schema");
        }
        return new KeySchema(hash, types.get(hash), range, range == null ? null : types.get(range));
    }

    public byte[] toJson() {
        ObjectNode node = Json.object();
        node.put("TableName", tableName);
        node.put("TableId", tableId);
        writeKey(node, keySchema);
        ArrayNode indexArray = node.putArray("Indexes");
        for (SecondaryIndex index : indexes) {
            ObjectNode indexNode = indexArray.addObject();
            indexNode.put("IndexName", index.indexName());
            indexNode.put("Global", index.global());
            writeKey(indexNode, index.keySchema());
            indexNode.put("ProjectionType", index.projection().projectionType());
            ArrayNode nonKey = indexNode.putArray("NonKeyAttributes");
            index.projection().nonKeyAttributes().forEach(nonKey::add);
            indexNode.put("IndexStatus", index.status().name());
        }
        return Json.write(node);
    }

    public static TableSchema fromJson(byte[] bytes) {
        JsonNode node = Json.read(bytes);
        List<SecondaryIndex> indexes = new ArrayList<>();
        for (JsonNode index : node.path("Indexes")) {
            List<String> nonKey = new ArrayList<>();
            index.path("NonKeyAttributes").forEach(name -> nonKey.add(name.asString()));
            indexes.add(new SecondaryIndex(index.get("IndexName").asString(), index.get("Global").asBoolean(),
                    readKey(index), new IndexProjection(index.get("ProjectionType").asString(), nonKey),
                    SecondaryIndex.IndexStatus.valueOf(index.get("IndexStatus").asString())));
        }
        return new TableSchema(node.get("TableName").asString(), node.get("TableId").asString(), readKey(node), indexes);
    }

    private static void writeKey(ObjectNode node, KeySchema key) {
        node.put("HashKey", key.hashKey());
        node.put("HashKeyType", key.hashKeyType().name());
        if (key.hasRangeKey()) {
            node.put("RangeKey", key.rangeKey());
            node.put("RangeKeyType", key.rangeKeyType().name());
        }
    }

    private static KeySchema readKey(JsonNode node) {
        String range = node.has("RangeKey") ? node.get("RangeKey").asString() : null;
        return new KeySchema(node.get("HashKey").asString(), ScalarAttributeType.valueOf(node.get("HashKeyType").asString()),
                range, range == null ? null : ScalarAttributeType.valueOf(node.get("RangeKeyType").asString()));
    }
}
