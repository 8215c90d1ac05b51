package dev.ddb.table.metadata;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import dev.ddb.common.json.Json;
import dev.ddb.table.request.Projection;
import dev.ddb.table.request.ProvisionedThroughput;
import dev.ddb.table.request.SecondaryIndex;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The secondary indexes of a stored TableDescription, in DynamoDB's shapes: a
 * LocalSecondaryIndexDescription (IndexName, KeySchema, Projection, IndexSizeBytes, ItemCount,
 * IndexArn) and a GlobalSecondaryIndexDescription, which adds IndexStatus, ProvisionedThroughput
 * and, while an index added by UpdateTable is built, Backfilling.
 */
public final class SecondaryIndexDescriptions {

    public static final String GLOBAL = "GlobalSecondaryIndexes";
    public static final String LOCAL = "LocalSecondaryIndexes";

    private SecondaryIndexDescriptions() {
    }

    /** A LocalSecondaryIndexDescription, and the members a GlobalSecondaryIndexDescription shares with it. */
    public static ObjectNode local(SecondaryIndex index, String tableArn) {
        ObjectNode description = Json.object();
        description.put("IndexName", index.indexName());
        description.set("KeySchema", TableDescriptionFactory.keySchema(index.keySchema()));
        description.set("Projection", projection(index.projection()));
        description.put("IndexSizeBytes", 0);
        description.put("ItemCount", 0);
        description.put("IndexArn", TableArns.index(tableArn, index.indexName()));
        return description;
    }

    /** A GlobalSecondaryIndexDescription; {@code throughput} null (on-demand) shows as 0/0, as DynamoDB shows it. */
    public static ObjectNode global(SecondaryIndex index, String tableArn, IndexStatus status,
                                    ProvisionedThroughput throughput) {
        ObjectNode description = local(index, tableArn);
        description.put("IndexStatus", status.name());
        description.set("ProvisionedThroughput", ThroughputDescriptions.initial(throughput));
        return description;
    }

    private static ObjectNode projection(Projection projection) {
        ObjectNode node = Json.object().put("ProjectionType", projection.projectionType());
        if (projection.nonKeyAttributes() != null) {
            ArrayNode attributes = node.putArray("NonKeyAttributes");
            projection.nonKeyAttributes().forEach(attributes::add);
        }
        return node;
    }

    public static String name(JsonNode index) {
        return index.get("IndexName").stringValue();
    }

    public static IndexStatus status(JsonNode globalIndex) {
        return IndexStatus.valueOf(globalIndex.get("IndexStatus").stringValue());
    }

    /** The table's global index of that name, or null. */
    public static ObjectNode findGlobal(JsonNode table, String indexName) {
        for (JsonNode index : table.path(GLOBAL)) {
            if (name(index).equals(indexName)) {
                return (ObjectNode) index;
            }
        }
        return null;
    }

    public static boolean hasLocal(JsonNode table, String indexName) {
        for (JsonNode index : table.path(LOCAL)) {
            if (name(index).equals(indexName)) {
                return true;
            }
        }
        return false;
    }

    public static int globalCount(JsonNode table) {
        return table.path(GLOBAL).size();
    }

    /** Names of the global indexes in this status, in the table's order. */
    public static List<String> withStatus(JsonNode table, IndexStatus status) {
        List<String> names = new ArrayList<>();
        for (JsonNode index : table.path(GLOBAL)) {
            if (status(index) == status) {
                names.add(name(index));
            }
        }
        return names;
    }

    /** Whether some global index is being created or deleted, which only item-service can finish. */
    public static boolean anyInTransition(JsonNode table) {
        return !withStatus(table, IndexStatus.CREATING).isEmpty() || !withStatus(table, IndexStatus.DELETING).isEmpty();
    }

    public static void addGlobal(ObjectNode table, ObjectNode index) {
        JsonNode indexes = table.get(GLOBAL);
        ArrayNode list = indexes instanceof ArrayNode array ? array : table.putArray(GLOBAL);
        list.add(index);
    }

    /**
     * Forgets a global index, and the attribute definitions only it used, as DynamoDB prunes them
     * once a deleted index is gone; a table left without global indexes loses the member.
     */
    public static void removeGlobal(ObjectNode table, String indexName) {
        JsonNode indexes = table.get(GLOBAL);
        if (indexes == null) {
            return;
        }
        Iterator<JsonNode> elements = indexes.values().iterator();
        ArrayNode kept = Json.array();
        while (elements.hasNext()) {
            JsonNode index = elements.next();
            if (!name(index).equals(indexName)) {
                kept.add(index);
            }
        }
        if (kept.isEmpty()) {
            table.remove(GLOBAL);
        } else {
            table.set(GLOBAL, kept);
        }
        pruneAttributeDefinitions(table);
    }

    /** NonKeyAttributes of every index of the table, counted as DynamoDB's limit counts them. */
    public static int projectedAttributes(JsonNode table) {
        int count = 0;
        for (String member : List.of(LOCAL, GLOBAL)) {
            for (JsonNode index : table.path(member)) {
                count += index.path("Projection").path("NonKeyAttributes").size();
            }
        }
        return count;
    }

    private static void pruneAttributeDefinitions(ObjectNode table) {
        Set<String> used = new HashSet<>(keyAttributes(table));
        for (String member : List.of(LOCAL, GLOBAL)) {
            for (JsonNode index : table.path(member)) {
                used.addAll(keyAttributes(index));
            }
        }
        ArrayNode kept = Json.array();
        for (JsonNode definition : table.path("AttributeDefinitions")) {
            if (used.contains(definition.get("AttributeName").stringValue())) {
                kept.add(definition);
            }
        }
        table.set("AttributeDefinitions", kept);
    }

    private static List<String> keyAttributes(JsonNode tableOrIndex) {
        List<String> names = new ArrayList<>();
        tableOrIndex.path("KeySchema").forEach(element -> names.add(element.get("AttributeName").stringValue()));
        return names;
    }
}
