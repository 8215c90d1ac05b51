package dev.ddb.common.event;

import dev.ddb.common.region.Regions;

import dev.ddb.common.json.Json;
import dev.ddb.common.table.TableDescription;
import dev.ddb.common.table.TableDescriptionJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A value on {@code ddb.table-events}: what happened to a table and its description afterwards
 * (a DELETED event carries the description with TableStatus DELETING). The description travels in
 * the TableDescription shape of DescribeTable.
 */
public record TableEvent(Type eventType, String tableName, String tableId, long timeMillis, TableDescription table) {

    public enum Type { CREATED, UPDATED, DELETED }

    /** An event about {@code table} (its name and id), now. */
    public static TableEvent of(Type eventType, TableDescription table) {
        return new TableEvent(eventType, table.tableName(), table.tableId(), System.currentTimeMillis(), table);
    }

    /** The table's region: that of its ARN (the default region for a table described without one). */
    public String region() {
        return table == null ? Regions.DEFAULT_REGION : Regions.of(table);
    }

    /** The table as the suite knows it, and the event's Kafka key: see {@link Regions#tableKey(String, String)}. */
    public String tableKey() {
        return Regions.tableKey(region(), tableName);
    }

    public byte[] toJson() {
        ObjectNode node = Json.object();
        node.put("eventType", eventType.name());
        node.put("tableName", tableName);
        node.put("tableId", tableId);
        node.put("time", timeMillis);
        node.set("table", TableDescriptionJson.writeStored(table));
        return Json.write(node);
    }

    /** @throws RuntimeException when the bytes are no table event */
    public static TableEvent fromJson(byte[] bytes) {
        JsonNode node = Json.read(bytes);
        return new TableEvent(Type.valueOf(node.get("eventType").stringValue()), node.get("tableName").stringValue(),
                node.get("tableId").stringValue(), node.get("time").longValue(),
                TableDescriptionJson.read(node.get("table")));
    }
}
