package dev.ddb.table.update;

import java.time.Instant;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.table.BillingMode;
import dev.ddb.common.table.BillingModeSummary;
import dev.ddb.common.table.GlobalSecondaryIndex;
import dev.ddb.common.table.IndexStatus;
import dev.ddb.common.table.OnDemandThroughput;
import dev.ddb.common.table.ProvisionedThroughputDescription;
import dev.ddb.common.table.TableDescription;
import dev.ddb.table.metadata.ThroughputDescriptions;
import dev.ddb.table.request.CreateTableRequest;
import dev.ddb.table.request.GlobalSecondaryIndexUpdate;
import dev.ddb.table.request.OnDemandMaximums;
import dev.ddb.table.request.ProvisionedThroughput;
import dev.ddb.table.request.UpdateTableRequest;
import dev.ddb.table.validation.OnDemandThroughputRules;
import dev.ddb.table.validation.UpdateTableValidator;

/**
 * Applies BillingMode and ProvisionedThroughput of an UpdateTable request to a table, with the
 * rules that depend on the table's current mode and capacity. The capacity of global indexes is
 * GlobalSecondaryIndexUpdates' (see {@link GlobalSecondaryIndexThroughputUpdate}).
 */
public final class CapacityUpdate {

    private CapacityUpdate() {
    }

    /**
     * The table's OnDemandThroughput after the request's, once the billing mode is the one the request
     * leaves the table in: merged member by member, -1 removing a maximum.
     */
    public static TableDescription applyOnDemandThroughput(TableDescription table, UpdateTableRequest request) {
        OnDemandMaximums requested = request.onDemandThroughput();
        if (requested == null) {
            return table;
        }
        OnDemandThroughputRules.forTableUpdate(requested, table.payPerRequest());
        return table.withOnDemandThroughput(OnDemandThroughput.merge(table.onDemandThroughput(),
                requested.maxReadRequestUnits(), requested.maxWriteRequestUnits()));
    }

    /** @return the table in the billing mode and with the capacity the request asks for (the same table if unchanged) */
    public static TableDescription apply(TableDescription table, UpdateTableRequest request, long nowMillis) {
        boolean payPerRequest = table.payPerRequest();
        String target = request.billingMode() != null ? request.billingMode()
                : payPerRequest ? CreateTableRequest.PAY_PER_REQUEST : CreateTableRequest.PROVISIONED;
        ProvisionedThroughput throughput = request.provisionedThroughput();
        if (CreateTableRequest.PAY_PER_REQUEST.equals(target)) {
            if (throughput != null) {
                throw UpdateTableValidator.neitherUnitsWhenPayPerRequest();
            }
            return payPerRequest ? table : switchToPayPerRequest(table, nowMillis);
        }
        if (throughput == null && request.billingMode() != null) {
            // also on a table already provisioned, as DynamoDB (and dynalite, written against it) answers
            throw DynamoDbException.invalidParameter("ProvisionedThroughput must be specified when BillingMode is PROVISIONED");
        }
        if (payPerRequest) {
            return switchToProvisioned(table, request, nowMillis);
        }
        if (throughput == null) {
            return table;
        }
        return changeThroughput(table, throughput, nowMillis);
    }

    /** On demand, the table and every global index show 0/0 and no increase or decrease dates. */
    private static TableDescription switchToPayPerRequest(TableDescription table, long nowMillis) {
        return table.withBilling(new BillingModeSummary(BillingMode.PAY_PER_REQUEST, Instant.ofEpochMilli(nowMillis)),
                        ProvisionedThroughputDescription.onDemand())
                .withGlobalSecondaryIndexes(table.globalSecondaryIndexes().stream()
                        .map(index -> index.withProvisionedThroughput(ProvisionedThroughputDescription.onDemand()))
                        .toList());
    }

    /** Nothing is made up: every global index needs capacity of its own, given in the same request. */
    private static TableDescription switchToProvisioned(TableDescription table, UpdateTableRequest request,
                                                        long nowMillis) {
        ProvisionedThroughput throughput = request.provisionedThroughput();
        for (GlobalSecondaryIndex index : table.globalSecondaryIndexes()) {
            String indexName = index.indexName();
            if (index.indexStatus() != IndexStatus.DELETING && !capacityGiven(request, indexName)) {
                throw DynamoDbException.invalidParameter("ProvisionedThroughput must be specified for index: " + indexName);
            }
        }
        // The table was on demand, so a summary with the last switch to it exists; it is kept.
        BillingModeSummary summary = new BillingModeSummary(BillingMode.PROVISIONED,
                table.billingModeSummary().lastUpdateToPayPerRequestDateTime());
        // On-demand maximums mean nothing to a provisioned table: they go, the table's and its indexes'.
        return table.withBilling(summary, new ProvisionedThroughputDescription(Instant.ofEpochMilli(nowMillis), null, 0,
                        throughput.readCapacityUnits(), throughput.writeCapacityUnits()))
                .withOnDemandThroughput(null)
                .withGlobalSecondaryIndexes(table.globalSecondaryIndexes().stream()
                        .map(index -> index.withOnDemandThroughput(null)).toList());
    }

    private static boolean capacityGiven(UpdateTableRequest request, String indexName) {
        if (request.globalSecondaryIndexUpdates() == null) {
            return false;
        }
        for (GlobalSecondaryIndexUpdate update : request.globalSecondaryIndexUpdates()) {
            if (update.update() != null && indexName.equals(update.update().indexName())
                    && update.update().provisionedThroughput() != null) {
                return true;
            }
        }
        return false;
    }

    private static TableDescription changeThroughput(TableDescription table, ProvisionedThroughput requested,
                                                     long nowMillis) {
        ProvisionedThroughputDescription current = table.provisionedThroughput();
        if (ThroughputDescriptions.unchanged(current, requested)) {
            throw DynamoDbException.validation("The provisioned throughput for the table will not change. The requested "
                    + "value equals the current value. Current ReadCapacityUnits provisioned for the table: "
                    + current.readCapacityUnits()
                    + ". Requested ReadCapacityUnits: " + requested.readCapacityUnits()
                    + ". Current WriteCapacityUnits provisioned for the table: " + current.writeCapacityUnits()
                    + ". Requested WriteCapacityUnits: " + requested.writeCapacityUnits()
                    + ". Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits.");
        }
        return table.withBilling(table.billingModeSummary(), ThroughputDescriptions.changed(current, requested, nowMillis));
    }
}
