package dev.ddb.table.operation;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.table.TableDescription;

/** Only an ACTIVE table may be changed; DynamoDB's answers for a missing or busy one. */
final class ActiveTables {

    private ActiveTables() {
    }

    static void requireActive(String tableName, TableDescription table) {
        if (table == null) {
            throw DynamoDbException.tableNotFound(tableName);
        }
        switch (table.tableStatus()) {
            case CREATING -> throw DynamoDbException.resourceInUse(
                    "Attempt to change a resource which is still in use: Table is being created: " + tableName);
            case DELETING -> throw DynamoDbException.resourceInUse(
                    "Attempt to change a resource which is still in use: Table is being deleted: " + tableName);
            // Never stored UPDATING: this service applies table changes at once.
            case ACTIVE, UPDATING -> {
            }
        }
    }
}
