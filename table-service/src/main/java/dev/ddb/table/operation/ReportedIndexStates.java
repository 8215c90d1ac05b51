package dev.ddb.table.operation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.ddb.common.table.GlobalSecondaryIndex;
import dev.ddb.common.table.IndexStatus;
import dev.ddb.common.table.TableDescription;
import dev.ddb.table.metadata.SecondaryIndexDescriptions;
import dev.ddb.table.provisioning.IndexState;

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

    /** The table with the reported progress applied. */
    TableDescription applyTo(TableDescription table) {
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        for (GlobalSecondaryIndex index : table.globalSecondaryIndexes()) {
            IndexState state = reported.get(index.indexName());
            if (index.indexStatus() == IndexStatus.CREATING && state != null) {
                GlobalSecondaryIndex counted = index.withStatistics(state.indexSizeBytes(), state.itemCount());
                index = state.active() ? counted.withStatus(IndexStatus.ACTIVE, null)
                        : counted.withStatus(IndexStatus.CREATING, state.backfilling());
            }
            indexes.add(index);
        }
        TableDescription next = table.withGlobalSecondaryIndexes(indexes);
        Set<String> dropped = new HashSet<>();
        for (String indexName : table.globalIndexesWithStatus(IndexStatus.DELETING)) {
            if (!reported.containsKey(indexName)) {
                dropped.add(indexName);
            }
        }
        return dropped.isEmpty() ? next : SecondaryIndexDescriptions.withoutGlobals(next, dropped);
    }

    /** Whether item-service lacks an index being created or still holds one being deleted. */
    boolean missedAChange(TableDescription table) {
        for (String indexName : table.globalIndexesWithStatus(IndexStatus.CREATING)) {
            if (!reported.containsKey(indexName)) {
                return true;
            }
        }
        for (String indexName : table.globalIndexesWithStatus(IndexStatus.DELETING)) {
            if (reported.containsKey(indexName)) {
                return true;
            }
        }
        return false;
    }
}
