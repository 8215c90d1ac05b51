package dev.ddb.table.update;

import java.util.List;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.table.IndexStatus;
import dev.ddb.common.table.TableDescription;
import dev.ddb.table.request.CreateTableRequest;
import dev.ddb.table.request.GlobalSecondaryIndexUpdate;
import dev.ddb.table.request.UpdateTableRequest;

/**
 * Which UpdateTable changes DynamoDB admits while a global index is being created or deleted: one
 * online index change (Create or Delete) at a time per table, no capacity change while an index
 * is deleted, no stream change while one is created. The index being created may itself be
 * deleted (DynamoDB allows that once it backfills, the only phase this service has).
 */
public final class IndexChangeAdmission {

    static final String ONE_ONLINE_INDEX_CHANGE =
            "Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table";
    private static final String IN_USE = "Attempt to change a resource which is still in use: ";

    private IndexChangeAdmission() {
    }

    public static void check(TableDescription table, UpdateTableRequest request) {
        if (request.indexCreatesAndDeletes() > 1) {
            throw DynamoDbException.limitExceeded(ONE_ONLINE_INDEX_CHANGE);
        }
        String tableName = table.tableName();
        List<String> creating = table.globalIndexesWithStatus(IndexStatus.CREATING);
        List<String> deleting = table.globalIndexesWithStatus(IndexStatus.DELETING);
        if (request.globalSecondaryIndexUpdates() != null) {
            for (GlobalSecondaryIndexUpdate update : request.globalSecondaryIndexUpdates()) {
                if (update.createsOrDeletes() && busyWithAnotherIndex(update, creating, deleting)) {
                    throw DynamoDbException.limitExceeded(ONE_ONLINE_INDEX_CHANGE);
                }
                if (update.update() != null && deleting.contains(update.indexName())) {
                    throw DynamoDbException.resourceInUse(IN_USE + "Index is being deleted. Table: " + tableName
                            + " Index: " + update.indexName());
                }
            }
        }
        if (!deleting.isEmpty() && changesIops(table, request)) {
            throw DynamoDbException.resourceInUse(IN_USE + "Can't change table IOPS when an index is being deleted. Table: "
                    + tableName + " Indexes: " + deleting);
        }
        if (!creating.isEmpty() && request.changesStream()) {
            throw DynamoDbException.resourceInUse(IN_USE + "Can't change stream status when an index is being created");
        }
    }

    private static boolean busyWithAnotherIndex(GlobalSecondaryIndexUpdate update, List<String> creating,
                                                List<String> deleting) {
        if (!deleting.isEmpty()) {
            return true;
        }
        boolean deletesTheIndexBeingCreated = update.delete() != null && creating.contains(update.indexName());
        return !creating.isEmpty() && !(deletesTheIndexBeingCreated && creating.size() == 1);
    }

    /** Capacity units or the billing mode would change (a repeated BillingMode alone changes nothing). */
    private static boolean changesIops(TableDescription table, UpdateTableRequest request) {
        if (request.provisionedThroughput() != null) {
            return true;
        }
        if (request.billingMode() == null) {
            return false;
        }
        boolean payPerRequest = table.payPerRequest();
        return payPerRequest != CreateTableRequest.PAY_PER_REQUEST.equals(request.billingMode());
    }
}
