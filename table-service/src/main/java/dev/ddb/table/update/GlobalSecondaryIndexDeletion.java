package dev.ddb.table.update;

import dev.ddb.common.table.IndexStatus;
import dev.ddb.common.table.TableDescription;
import dev.ddb.table.metadata.SecondaryIndexDescriptions;

/**
 * The Delete action of GlobalSecondaryIndexUpdates: marks the index DELETING; it is forgotten once
 * item-service no longer lists it.
 */
final class GlobalSecondaryIndexDeletion {

    private GlobalSecondaryIndexDeletion() {
    }

    static TableDescription apply(TableDescription table, String indexName) {
        return SecondaryIndexDescriptions.withGlobal(table,
                GlobalSecondaryIndexes.existing(table, indexName, "delete").withStatus(IndexStatus.DELETING, null));
    }
}
