package dev.ddb.table.update;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.json.Json;
import dev.ddb.table.metadata.IndexStatus;
import dev.ddb.table.metadata.SecondaryIndexDescriptions;
import dev.ddb.table.metadata.ThroughputDescriptions;
import dev.ddb.table.request.CreateTableRequest;
import dev.ddb.table.request.GlobalSecondaryIndexUpdate;
import dev.ddb.table.request.ProvisionedThroughput;
import dev.ddb.table.request.UpdateTableRequest;
import dev.ddb.table.validation.UpdateTableValidator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies BillingMode and ProvisionedThroughput of an UpdateTable request to a table description,
 * with the rules that depend on the table's current mode and capacity. The capacity of global
 * indexes is GlobalSecondaryIndexUpdates' (see {@link GlobalSecondaryIndexThroughputUpdate}).
 */
public final class CapacityUpdate {

    private CapacityUpdate() {
    }

    /** @return whether the billing mode or the capacity changed */
    public static boolean apply(ObjectNode table, UpdateTableRequest request, long nowMillis) {
        boolean payPerRequest = payPerRequest(table);
        String target = request.billingMode() != null ? request.billingMode()
                : payPerRequest ? CreateTableRequest.PAY_PER_REQUEST : CreateTableRequest.PROVISIONED;
        ProvisionedThroughput throughput = request.provisionedThroughput();
        if (CreateTableRequest.PAY_PER_REQUEST.equals(target)) {
            if (throughput != null) {
                throw UpdateTableValidator.neitherUnitsWhenPayPerRequest();
            }
            if (payPerRequest) {
                return false;
            }
            switchToPayPerRequest(table, nowMillis);
            return true;
        }
        if (payPerRequest) {
            switchToProvisioned(table, request, nowMillis);
            return true;
        }
        if (throughput == null) {
            return false; // BillingMode PROVISIONED on a provisioned table
        }
        changeThroughput(table, throughput, nowMillis);
        return true;
    }

    /** Whether the table is billed on demand (after {@link #apply}: the mode the request leaves it in). */
    public static boolean payPerRequest(JsonNode table) {
        return CreateTableRequest.PAY_PER_REQUEST.equals(table.path("BillingModeSummary").path("BillingMode").stringValue(null));
    }

    private static void switchToPayPerRequest(ObjectNode table, long nowMillis) {
        table.putObject("BillingModeSummary")
                .put("BillingMode", CreateTableRequest.PAY_PER_REQUEST)
                .put("LastUpdateToPayPerRequestDateTime", ThroughputDescriptions.seconds(nowMillis));
        table.set("ProvisionedThroughput", ThroughputDescriptions.initial(null));
        for (JsonNode index : table.path(SecondaryIndexDescriptions.GLOBAL)) {
            ((ObjectNode) index).set("ProvisionedThroughput", ThroughputDescriptions.initial(null));
        }
    }

    /** Nothing is made up: every global index needs capacity of its own, given in the same request. */
    private static void switchToProvisioned(ObjectNode table, UpdateTableRequest request, long nowMillis) {
        ProvisionedThroughput throughput = request.provisionedThroughput();
        if (throughput == null) {
            throw DynamoDbException.invalidParameter("ProvisionedThroughput must be specified when BillingMode is PROVISIONED");
        }
        for (JsonNode index : table.path(SecondaryIndexDescriptions.GLOBAL)) {
            String indexName = SecondaryIndexDescriptions.name(index);
            if (SecondaryIndexDescriptions.status(index) != IndexStatus.DELETING && !capacityGiven(request, indexName)) {
                throw DynamoDbException.invalidParameter("ProvisionedThroughput must be specified for index: " + indexName);
            }
        }
        JsonNode lastSwitch = table.path("BillingModeSummary").get("LastUpdateToPayPerRequestDateTime");
        ObjectNode summary = table.putObject("BillingModeSummary").put("BillingMode", CreateTableRequest.PROVISIONED);
        if (lastSwitch != null) {
            summary.set("LastUpdateToPayPerRequestDateTime", lastSwitch);
        }
        ObjectNode description = Json.object();
        description.put("LastIncreaseDateTime", ThroughputDescriptions.seconds(nowMillis));
        description.put("NumberOfDecreasesToday", 0);
        description.put("ReadCapacityUnits", throughput.readCapacityUnits());
        description.put("WriteCapacityUnits", throughput.writeCapacityUnits());
        table.set("ProvisionedThroughput", description);
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

    private static void changeThroughput(ObjectNode table, ProvisionedThroughput requested, long nowMillis) {
        JsonNode current = table.path("ProvisionedThroughput");
        if (ThroughputDescriptions.unchanged(current, requested)) {
            throw DynamoDbException.validation("The provisioned throughput for the table will not change. The requested "
                    + "value equals the current value. Current ReadCapacityUnits provisioned for the table: "
                    + ThroughputDescriptions.readUnits(current)
                    + ". Requested ReadCapacityUnits: " + requested.readCapacityUnits()
                    + ". Current WriteCapacityUnits provisioned for the table: " + ThroughputDescriptions.writeUnits(current)
                    + ". Requested WriteCapacityUnits: " + requested.writeCapacityUnits()
                    + ". Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits.");
        }
        table.set("ProvisionedThroughput", ThroughputDescriptions.changed(current, requested, nowMillis));
    }
}
