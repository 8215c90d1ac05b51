package dev.ddb.table.update;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.table.GlobalSecondaryIndex;
import dev.ddb.common.table.TableDescription;
import dev.ddb.table.metadata.SecondaryIndexDescriptions;

/** Finding the global index an Update or Delete action names, with DynamoDB's answers when there is none. */
final class GlobalSecondaryIndexes {

    private GlobalSecondaryIndexes() {
    }

    /** @param verb "update" or "delete", as DynamoDB's message says it */
    static GlobalSecondaryIndex existing(TableDescription table, String indexName, String verb) {
        if (SecondaryIndexDescriptions.isLocal(table, indexName)) {
            throw DynamoDbException.validation("Cannot " + verb + " an index that is not a GlobalSecondaryIndex: " + indexName);
        }
        return table.globalIndex(indexName).orElseThrow(() -> DynamoDbException.resourceNotFound(
                "Requested resource not found: Index " + indexName + " for table " + table.tableName()));
    }
}
