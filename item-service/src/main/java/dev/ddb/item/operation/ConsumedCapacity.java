package dev.ddb.item.operation;

import java.util.List;

import dev.ddb.common.json.Json;
import tools.jackson.databind.node.ObjectNode;

/** Capacity units as DynamoDB counts them: writes per started 1 KB, reads per started 4 KB (half when eventually consistent). */
final class ConsumedCapacity {

    private static final List<String> MODES = List.of("INDEXES", "TOTAL", "NONE");

    private ConsumedCapacity() {
    }

    static double writeUnits(int itemBytes) {
        return Math.max(1, (itemBytes + 1023) / 1024);
    }

    static double readUnits(int itemBytes, boolean consistentRead) {
        double units = Math.max(1, (itemBytes + 4095) / 4096);
        return consistentRead ? units : units / 2;
    }

    /** Adds ConsumedCapacity to the response when the request asked for it. */
    static void report(ObjectNode request, ObjectNode response, String tableName, double units) {
        String mode = RequestParameters.enumValue(request, "ReturnConsumedCapacity", MODES);
        if (mode == null || mode.equals("NONE")) {
            return;
        }
        ObjectNode capacity = Json.object();
        capacity.put("TableName", tableName);
        capacity.put("CapacityUnits", units);
        if (mode.equals("INDEXES")) {
            capacity.putObject("Table").put("CapacityUnits", units);
        }
        response.set("ConsumedCapacity", capacity);
    }
}
