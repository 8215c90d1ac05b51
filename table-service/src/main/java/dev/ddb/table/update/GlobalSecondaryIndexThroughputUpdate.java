package dev.ddb.table.update;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.table.GlobalSecondaryIndex;
import dev.ddb.common.table.OnDemandThroughput;
import dev.ddb.common.table.ProvisionedThroughputDescription;
import dev.ddb.common.table.TableDescription;
import dev.ddb.table.metadata.SecondaryIndexDescriptions;
import dev.ddb.table.metadata.ThroughputDescriptions;
import dev.ddb.table.request.OnDemandMaximums;
import dev.ddb.table.request.ProvisionedThroughput;
import dev.ddb.table.request.UpdateGlobalSecondaryIndexAction;
import dev.ddb.table.validation.OnDemandThroughputRules;

/**
 * The Update action of GlobalSecondaryIndexUpdates: new ProvisionedThroughput for an index of a
 * PROVISIONED table (or of one the same request switches to PROVISIONED), or new OnDemandThroughput
 * maximums for an index of a PAY_PER_REQUEST one, applied at once.
 */
final class GlobalSecondaryIndexThroughputUpdate {

    private static final long MAX_CAPACITY_UNITS = 1_000_000_000_000L;

    private GlobalSecondaryIndexThroughputUpdate() {
    }

    static TableDescription apply(TableDescription table, UpdateGlobalSecondaryIndexAction update, boolean payPerRequest,
                                  long nowMillis) {
        String indexName = update.indexName();
        ProvisionedThroughput requested = update.provisionedThroughput();
        // DynamoDB answers this one even for an index that does not exist.
        if (requested != null && (requested.readCapacityUnits() > MAX_CAPACITY_UNITS
                || requested.writeCapacityUnits() > MAX_CAPACITY_UNITS)) {
            throw DynamoDbException.validation("This operation cannot be performed with given input values. Please contact "
                    + "DynamoDB service team for more info: Action Blocked: IndexUpdate");
        }
        GlobalSecondaryIndex index = GlobalSecondaryIndexes.existing(table, indexName, "update");
        OnDemandMaximums maximums = update.onDemandThroughput();
        if (maximums != null) {
            OnDemandThroughputRules.forIndexUpdate(indexName, maximums, payPerRequest);
        }
        if (payPerRequest && requested == null && maximums != null) {
            return SecondaryIndexDescriptions.withGlobal(table, index.withOnDemandThroughput(OnDemandThroughput.merge(
                    index.onDemandThroughput(), maximums.maxReadRequestUnits(), maximums.maxWriteRequestUnits())));
        }
        if (payPerRequest) {
            throw DynamoDbException.invalidParameter("The only Updates for index: " + indexName
                    + " when TableThroughputMode is PAY_PER_REQUEST can be to OnDemandThroughput, WarmThroughput");
        }
        if (requested == null) {
            throw DynamoDbException.invalidParameter("Both ReadCapacityUnits and WriteCapacityUnits must be specified for index: "
                    + indexName);
        }
        ProvisionedThroughputDescription current = index.provisionedThroughput();
        if (ThroughputDescriptions.unchanged(current, requested)) {
            throw DynamoDbException.validation("The provisioned throughput for the index " + indexName + " will not change. "
                    + "The requested value equals the current value. Current ReadCapacityUnits provisioned for index "
                    + indexName + ": " + current.readCapacityUnits()
                    + ". Requested ReadCapacityUnits: " + requested.readCapacityUnits()
                    + ". Current WriteCapacityUnits provisioned for index " + indexName + ": "
                    + current.writeCapacityUnits()
                    + ". Requested WriteCapacityUnits: " + requested.writeCapacityUnits()
                    + ". Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits.");
        }
        return SecondaryIndexDescriptions.withGlobal(table,
                index.withProvisionedThroughput(ThroughputDescriptions.changed(current, requested, nowMillis)));
    }
}
