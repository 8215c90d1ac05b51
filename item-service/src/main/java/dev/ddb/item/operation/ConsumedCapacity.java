package dev.ddb.item.operation;

import dev.ddb.common.json.Json;
import tools.jackson.databind.node.ObjectNode;

/** Capacity units as DynamoDB counts them: writes per started 1 KB, reads per started 4 KB (half when eventually consistent). */
final class ConsumedCapacity {

    private ConsumedCapacity() {
    }

    static double writeUnits(int itemBytes) {
        return Math.max(1, (itemBytes + 1023) / 1024);
    }

    /** A read of a missing item costs as much as one of a small item. */
    static double readUnits(int itemBytes, boolean consistentRead) {
        double units = Math.max(1, (itemBytes + 4095) / 4096);
        return consistentRead ? units : units / 2;
    }

    /** Adds ConsumedCapacity to the response when the request asked for it. */
    static void report(ReturnConsumedCapacity mode, ObjectNode response, String tableName, double units) {
        if (mode.wanted()) {
            response.set("ConsumedCapacity", of(mode, tableName, units));
        }
    }

    /** One table's ConsumedCapacity (INDEXES adds the table's own share, all of it without indexes). */
    static ObjectNode of(ReturnConsumedCapacity mode, String tableName, double units) {
        ObjectNode capacity = Json.object();
        capacity.put("TableName", tableName);
        capacity.put("CapacityUnits", units);
        if (mode == ReturnConsumedCapacity.INDEXES) {
            capacity.putObject("Table").put("CapacityUnits", units);
        }
        return capacity;
    }
}
