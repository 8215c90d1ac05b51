package dev.ddb.table.operation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.ddb.table.metadata.IndexStatus;
import dev.ddb.table.metadata.SecondaryIndexDescriptions;
import dev.ddb.table.provisioning.IndexState;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What item-service's report of a table's indexes means for the global indexes in transition: a
 * CREATING index it reports ACTIVE is ACTIVE (no longer Backfilling), one it no longer lists after
 * a Delete is gone. An index item-service does not hold as it should means it missed the change.
 */
final class ReportedIndexStates {

    private final Map<String, IndexState> reported = new HashMap<>();

    ReportedIndexStates(List<IndexState> states) {
        states.forEach(state -> reported.put(state.indexName(), state));
    }

    /** A copy of the table with the reported progress applied. */
    ObjectNode applyTo(JsonNode table) {
        ObjectNode next = (ObjectNode) table.deepCopy();
        for (String indexName : SecondaryIndexDescriptions.withStatus(table, IndexStatus.CREATING)) {
            IndexState state = reported.get(indexName);
            if (state == null) {
                continue;
            }
            ObjectNode index = SecondaryIndexDescriptions.findGlobal(next, indexName);
            index.put("ItemCount", state.itemCount());
            index.put("IndexSizeBytes", state.indexSizeBytes());
            if (state.active()) {
                index.put("IndexStatus", IndexStatus.ACTIVE.name());
                index.remove("Backfilling");
            } else {
                index.put("Backfilling", state.backfilling());
            }
        }
        for (String indexName : SecondaryIndexDescriptions.withStatus(table, IndexStatus.DELETING)) {
            if (!reported.containsKey(indexName)) {
                SecondaryIndexDescriptions.removeGlobal(next, indexName);
            }
        }
        return next;
    }

    /** Whether item-service lacks an index being created or still holds one being deleted. */
    boolean missedAChange(JsonNode table) {
        for (String indexName : SecondaryIndexDescriptions.withStatus(table, IndexStatus.CREATING)) {
            if (!reported.containsKey(indexName)) {
                return true;
            }
        }
        for (String indexName : SecondaryIndexDescriptions.withStatus(table, IndexStatus.DELETING)) {
            if (reported.containsKey(indexName)) {
                return true;
            }
        }
        return false;
    }
}
