package dev.ddb.table.update;

import dev.ddb.table.request.GlobalSecondaryIndexUpdate;
import dev.ddb.table.request.UpdateTableRequest;
import tools.jackson.databind.node.ObjectNode;

/** Applies UpdateTable's GlobalSecondaryIndexUpdates, in the order given, to a table description. */
public final class GlobalSecondaryIndexUpdates {

    private GlobalSecondaryIndexUpdates() {
    }

    /** Runs after {@link CapacityUpdate}, so that the billing mode is the one the request leaves the table in. */
    public static void apply(ObjectNode table, UpdateTableRequest request, long nowMillis) {
        if (request.globalSecondaryIndexUpdates() == null) {
            return;
        }
        boolean payPerRequest = CapacityUpdate.payPerRequest(table);
        for (GlobalSecondaryIndexUpdate update : request.globalSecondaryIndexUpdates()) {
            if (update.create() != null) {
                GlobalSecondaryIndexCreation.apply(table, update.create(), request.attributeDefinitions(), payPerRequest);
            } else if (update.delete() != null) {
                GlobalSecondaryIndexDeletion.apply(table, update.delete().indexName());
            } else {
                GlobalSecondaryIndexThroughputUpdate.apply(table, update.update(), payPerRequest, nowMillis);
            }
        }
    }
}
