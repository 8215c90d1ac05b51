package dev.ddb.item.partiql;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.ddb.common.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Adds up the ConsumedCapacity of a batch's statements, per table, as DynamoDB's batch operations report it. */
final class CapacityTotals {

    private final Map<String, ObjectNode> byTable = new LinkedHashMap<>();

    void add(JsonNode consumed) {
        if (consumed == null || !consumed.isObject()) {
            return;
        }
        ObjectNode total = byTable.computeIfAbsent(consumed.path("TableName").asString(),
                name -> Json.object().put("TableName", name));
        addUnits(total, consumed);
        if (consumed.has("Table")) {
            addUnits(total.has("Table") ? (ObjectNode) total.get("Table") : total.putObject("Table"), consumed.get("Table"));
        }
        for (String indexes : new String[] {"LocalSecondaryIndexes", "GlobalSecondaryIndexes"}) {
            if (consumed.has(indexes)) {
                ObjectNode into = total.has(indexes) ? (ObjectNode) total.get(indexes) : total.putObject(indexes);
                for (Map.Entry<String, JsonNode> index : consumed.get(indexes).properties()) {
                    addUnits(into.has(index.getKey()) ? (ObjectNode) into.get(index.getKey()) : into.putObject(index.getKey()),
                            index.getValue());
                }
            }
        }
    }

    private static void addUnits(ObjectNode total, JsonNode consumed) {
        total.put("CapacityUnits", total.path("CapacityUnits").asDouble(0) + consumed.path("CapacityUnits").asDouble(0));
    }

    boolean isEmpty() {
        return byTable.isEmpty();
    }

    ArrayNode toJson() {
        ArrayNode list = Json.array();
        byTable.values().forEach(list::add);
        return list;
    }
}
