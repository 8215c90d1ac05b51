package dev.ddb.item.operation;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.table.TableDescription;
import dev.ddb.item.storage.ItemStore;

/** Finds the table an item operation names. */
final class Tables {

    private Tables() {
    }

    static TableDescription require(ItemStore store, String tableName) {
        TableDescription schema = store.schema(tableName);
        if (schema == null) {
            throw DynamoDbException.resourceNotFound("Requested resource not found");
        }
        return schema;
    }
}
