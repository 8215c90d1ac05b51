package dev.ddb.gateway.rest;

import java.util.HashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * A table's primary key and its indexes' keys, with each key attribute's type (S, N or B), from
 * DescribeTable's {@code Table}: what types the key values in a REST path or query.
 */
record KeySchema(Keys table, Map<String, Keys> indexes) {

    /** One key: the partition key and the sort key (null when there is none), with their types. */
    record Keys(String partitionKey, String partitionKeyType, String sortKey, String sortKeyType) {

        boolean hasSortKey() {
            return sortKey != null;
        }
    }

    static KeySchema of(JsonNode table) {
        Map<String, String> types = new HashMap<>();
        for (JsonNode definition : table.path("AttributeDefinitions")) {
            types.put(definition.path("AttributeName").asString(""), definition.path("AttributeType").asString(""));
        }
        Map<String, Keys> indexes = new HashMap<>();
        for (String kind : new String[] {"GlobalSecondaryIndexes", "LocalSecondaryIndexes"}) {
            for (JsonNode index : table.path(kind)) {
                indexes.put(index.path("IndexName").asString(""), keys(index.path("KeySchema"), types));
            }
        }
        return new KeySchema(keys(table.path("KeySchema"), types), Map.copyOf(indexes));
    }

    /** The table's keys (index null) or an index's. */
    Keys keysOf(String index, String tableName) {
        if (index == null) {
            return table;
        }
        Keys keys = indexes.get(index);
        if (keys == null) {
            // DynamoDB's own words for a Query on an index the table does not have.
            throw new RestProblem(400, "ValidationException",
                    "The table does not have the specified index: " + index,
                    "com.amazon.coral.validate#ValidationException");
        }
        return keys;
    }

    private static Keys keys(JsonNode keySchema, Map<String, String> types) {
        String partitionKey = null;
        String sortKey = null;
        for (JsonNode element : keySchema) {
            String name = element.path("AttributeName").asString(null);
            if ("HASH".equals(element.path("KeyType").asString(null))) {
                partitionKey = name;
            } else {
                sortKey = name;
            }
        }
        return new Keys(partitionKey, types.getOrDefault(partitionKey, "S"), sortKey,
                sortKey == null ? null : types.getOrDefault(sortKey, "S"));
    }
}
