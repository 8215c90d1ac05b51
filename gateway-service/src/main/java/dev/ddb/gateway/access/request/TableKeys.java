package dev.ddb.gateway.access.request;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/**
 * The partition key attribute of a table and of each of its secondary indexes: what
 * {@code dynamodb:LeadingKeys} is made of (for a Query on an index, the index's partition key).
 */
public record TableKeys(String partitionKey, Map<String, String> indexPartitionKeys) {

    public TableKeys {
        indexPartitionKeys = Map.copyOf(indexPartitionKeys);
    }

    /** From a DescribeTable answer's {@code Table}; empty when it has no HASH key (not a table description). */
    public static Optional<TableKeys> fromDescription(JsonNode table) {
        String partitionKey = hashKey(table.path("KeySchema"));
        if (partitionKey == null) {
            return Optional.empty();
        }
        Map<String, String> indexes = new HashMap<>();
        for (String kind : new String[] {"GlobalSecondaryIndexes", "LocalSecondaryIndexes"}) {
            for (JsonNode index : table.path(kind)) {
                String indexKey = hashKey(index.path("KeySchema"));
                if (index.path("IndexName").isString() && indexKey != null) {
                    indexes.put(index.path("IndexName").stringValue(), indexKey);
                }
            }
        }
        return Optional.of(new TableKeys(partitionKey, indexes));
    }

    /** The partition key of the table (indexName null) or of one of its indexes; empty for an unknown index. */
    public Optional<String> partitionKeyOf(String indexName) {
        return indexName == null ? Optional.of(partitionKey) : Optional.ofNullable(indexPartitionKeys.get(indexName));
    }

    private static String hashKey(JsonNode keySchema) {
        for (JsonNode element : keySchema) {
            if ("HASH".equals(element.path("KeyType").asString(null))) {
                return element.path("AttributeName").asString(null);
            }
        }
        return null;
    }
}
