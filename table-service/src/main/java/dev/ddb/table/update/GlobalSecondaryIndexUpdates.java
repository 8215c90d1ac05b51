package dev.ddb.table.update;

import dev.ddb.common.table.TableDescription;
import dev.ddb.table.request.GlobalSecondaryIndexUpdate;
import dev.ddb.table.request.UpdateTableRequest;

/** Applies UpdateTable's GlobalSecondaryIndexUpdates, in the order given, to a table. */
public final class GlobalSecondaryIndexUpdates {

    private GlobalSecondaryIndexUpdates() {
    }

    /** Runs after {@link CapacityUpdate}, so that the billing mode is the one the request leaves the table in. */
    public static TableDescription apply(TableDescription table, UpdateTableRequest request, long nowMillis) {
        if (request.globalSecondaryIndexUpdates() == null) {
            return table;
        }
        boolean payPerRequest = table.payPerRequest();
        TableDescription next = table;
        for (GlobalSecondaryIndexUpdate update : request.globalSecondaryIndexUpdates()) {
            if (update.create() != null) {
                next = GlobalSecondaryIndexCreation.apply(next, update.create(), request.attributeDefinitions(),
                        payPerRequest);
            } else if (update.delete() != null) {
                next = GlobalSecondaryIndexDeletion.apply(next, update.delete().indexName());
            } else {
                next = GlobalSecondaryIndexThroughputUpdate.apply(next, update.update(), payPerRequest, nowMillis);
            }
        }
        return next;
    }
}
