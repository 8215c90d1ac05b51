package dev.ddb.table.update;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.table.metadata.SecondaryIndexDescriptions;
import dev.ddb.table.metadata.TableDescriptions;
import tools.jackson.databind.node.ObjectNode;

/** Finding the global index an Update or Delete action names, with DynamoDB's answers when there is none. */
final class GlobalSecondaryIndexes {

    private GlobalSecondaryIndexes() {
    }

    /** @param verb "update" or "delete", as DynamoDB's message says it */
    static ObjectNode existing(ObjectNode table, String indexName, String verb) {
        if (SecondaryIndexDescriptions.hasLocal(table, indexName)) {
            throw DynamoDbException.validation("Cannot " + verb + " an index that is not a GlobalSecondaryIndex: " + indexName);
        }
        ObjectNode index = SecondaryIndexDescriptions.findGlobal(table, indexName);
        if (index == null) {
            throw DynamoDbException.resourceNotFound("Requested resource not found: Index " + indexName + " for table "
                    + TableDescriptions.tableName(table));
        }
        return index;
    }
}
