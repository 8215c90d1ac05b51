package dev.ddb.table.kinesis;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.table.TableDescription;
import dev.ddb.common.table.TableStatus;

/** Which tables the Kinesis streaming operations see: DynamoDB answers "not found" for a table still CREATING too. */
final class KinesisTables {

    private KinesisTables() {
    }

    static TableDescription require(String tableName, TableDescription table) {
        if (table == null || table.tableStatus() == TableStatus.CREATING) {
            throw DynamoDbException.tableNotFound(tableName);
        }
        return table;
    }
}
