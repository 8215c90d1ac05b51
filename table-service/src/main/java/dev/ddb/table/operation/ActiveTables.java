package dev.ddb.table.operation;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.table.metadata.TableDescriptions;
import tools.jackson.databind.node.ObjectNode;

/** Only an ACTIVE table may be changed; DynamoDB's answers for a missing or busy one. */
final class ActiveTables {

    private ActiveTables() {
    }

    static void requireActive(String tableName, ObjectNode table) {
        if (table == null) {
            throw DynamoDbException.tableNotFound(tableName);
        }
        switch (TableDescriptions.status(table)) {
            case CREATING -> throw DynamoDbException.resourceInUse(
                    "Attempt to change a resource which is still in use: Table is being created: " + tableName);
            case DELETING -> throw DynamoDbException.resourceInUse(
                    "Attempt to change a resource which is still in use: Table is being deleted: " + tableName);
            case ACTIVE -> {
            }
        }
    }
}
