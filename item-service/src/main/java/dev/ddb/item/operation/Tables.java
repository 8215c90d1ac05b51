package dev.ddb.item.operation;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.item.storage.ItemStore;
import dev.ddb.item.table.TableSchema;

/** Finds the table an item operation names. */
final class Tables {

    private Tables() {
    }

    static TableSchema require(ItemStore store, String tableName) {
        TableSchema schema = store.schema(tableName);
        if (schema == null) {
            throw DynamoDbException.resourceNotFound("Requested resource not found");
        }
        return schema;
    }
}
