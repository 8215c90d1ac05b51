package dev.ddb.item.operation;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.protocol.RequestContext;
import dev.ddb.common.table.TableDescription;
import dev.ddb.item.storage.ItemStore;

/** Finds the table an item operation names. */
public final class Tables {

    private Tables() {
    }

    /** The table of the request's region named {@code tableName}. */
    public static TableDescription require(ItemStore store, RequestContext context, String tableName) {
        TableDescription schema = store.schema(context.tableKey(tableName));
        // A table a restore is still loading is CREATING: DynamoDB answers as if it did not exist yet.
        if (schema == null || schema.restoreInProgress()) {
            throw DynamoDbException.resourceNotFound("Requested resource not found");
        }
        return schema;
    }
}
