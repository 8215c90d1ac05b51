package dev.ddb.common.event;

import dev.ddb.common.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A value on {@code ddb.table-events}: what happened to a table and its description afterwards
 * (the TableDescription shape of DescribeTable).
 */
public record TableEvent(Type eventType, String tableName, String tableId, long timeMillis, JsonNode table) {

    public enum Type { CREATED, UPDATED, DELETED }

    public byte[] toJson() {
        ObjectNode node = Json.object();
        node.put("eventType", eventType.name());
        node.put("tableName", tableName);
        node.put("tableId", tableId);
        node.put("time", timeMillis);
        node.set("table", table);
        return Json.write(node);
    }

    public static TableEvent fromJson(byte[] bytes) {
        JsonNode node = Json.read(bytes);
        return new TableEvent(Type.valueOf(node.get("eventType").stringValue()), node.get("tableName").stringValue(),
                node.get("tableId").stringValue(), node.get("time").longValue(), node.get("table"));
    }
}
