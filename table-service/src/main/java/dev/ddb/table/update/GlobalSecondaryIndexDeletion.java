package dev.ddb.table.update;

import dev.ddb.table.metadata.IndexStatus;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Delete action of GlobalSecondaryIndexUpdates: marks the index DELETING; it is forgotten once
 * item-service no longer lists it.
 */
final class GlobalSecondaryIndexDeletion {

    private GlobalSecondaryIndexDeletion() {
    }

    static void apply(ObjectNode table, String indexName) {
        ObjectNode index = GlobalSecondaryIndexes.existing(table, indexName, "delete");
        index.put("IndexStatus", IndexStatus.DELETING.name());
        index.remove("Backfilling");
    }
}
