package dev.ddb.item.capacity;

import java.util.Map;
import java.util.TreeMap;

import dev.ddb.common.json.Json;
import tools.jackson.databind.node.ObjectNode;

/** Capacity units as DynamoDB counts them: writes per started 1 KB, reads per started 4 KB (half when eventually consistent). */
public final class ConsumedCapacity {

    private ConsumedCapacity() {
    }

    public static double writeUnits(int itemBytes) {
        return Math.max(1, (itemBytes + 1023) / 1024);
    }

    /** A read of a missing item costs as much as one of a small item. */
    public static double readUnits(int itemBytes, boolean consistentRead) {
        double units = Math.max(1, (itemBytes + 4095) / 4096);
        return consistentRead ? units : units / 2;
    }

    /** Adds ConsumedCapacity to the response when the request asked for it. */
    public static void report(ReturnConsumedCapacity mode, ObjectNode response, String tableName, double units) {
        report(mode, response, CapacityUse.ofTable(tableName, units));
    }

    public static void report(ReturnConsumedCapacity mode, ObjectNode response, CapacityUse use) {
        if (mode.wanted()) {
            response.set("ConsumedCapacity", of(mode, use));
        }
    }

    /** One table's ConsumedCapacity (without indexes, INDEXES gives the table's own share: all of it). */
    public static ObjectNode of(ReturnConsumedCapacity mode, String tableName, double units) {
        return of(mode, CapacityUse.ofTable(tableName, units));
    }

    /** One table's ConsumedCapacity: the total, and with INDEXES the table's and each index's share. */
    public static ObjectNode of(ReturnConsumedCapacity mode, CapacityUse use) {
        ObjectNode capacity = Json.object();
        capacity.put("TableName", use.tableName());
        capacity.put("CapacityUnits", use.total());
        if (mode == ReturnConsumedCapacity.INDEXES) {
            capacity.putObject("Table").put("CapacityUnits", use.tableUnits());
            if (!use.localIndexes().isEmpty()) {
                indexes(capacity.putObject("LocalSecondaryIndexes"), use.localIndexes());
            }
            if (!use.globalIndexes().isEmpty()) {
                indexes(capacity.putObject("GlobalSecondaryIndexes"), use.globalIndexes());
            }
        }
        return capacity;
    }

    private static void indexes(ObjectNode node, Map<String, Double> units) {
        new TreeMap<>(units).forEach((name, value) -> node.putObject(name).put("CapacityUnits", value));
    }
}
