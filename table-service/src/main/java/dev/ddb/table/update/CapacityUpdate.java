package dev.ddb.table.update;

import java.time.Instant;
import java.time.ZoneOffset;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.json.Json;
import dev.ddb.table.request.CreateTableRequest;
import dev.ddb.table.request.ProvisionedThroughput;
import dev.ddb.table.request.UpdateTableRequest;
import dev.ddb.table.validation.UpdateTableValidator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies BillingMode and ProvisionedThroughput of an UpdateTable request to a table description,
 * with the rules that depend on the table's current mode and capacity.
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
            switchToProvisioned(table, throughput, nowMillis);
            return true;
        }
        if (throughput == null) {
            return false; // BillingMode PROVISIONED on a provisioned table
        }
        changeThroughput(table, throughput, nowMillis);
        return true;
    }

    private static boolean payPerRequest(JsonNode table) {
        return CreateTableRequest.PAY_PER_REQUEST.equals(table.path("BillingModeSummary").path("BillingMode").stringValue(null));
    }

    private static void switchToPayPerRequest(ObjectNode table, long nowMillis) {
        table.putObject("BillingModeSummary")
                .put("BillingMode", CreateTableRequest.PAY_PER_REQUEST)
                .put("LastUpdateToPayPerRequestDateTime", seconds(nowMillis));
        table.set("ProvisionedThroughput", zeroThroughput());
        for (JsonNode index : table.path("GlobalSecondaryIndexes")) {
            ((ObjectNode) index).set("ProvisionedThroughput", zeroThroughput());
        }
    }

    /** Global indexes would need capacity of their own, given through GlobalSecondaryIndexUpdates (not supported yet). */
    private static void switchToProvisioned(ObjectNode table, ProvisionedThroughput throughput, long nowMillis) {
        if (throughput == null) {
            throw DynamoDbException.invalidParameter("ProvisionedThroughput must be specified when BillingMode is PROVISIONED");
        }
        for (JsonNode index : table.path("GlobalSecondaryIndexes")) {
            throw DynamoDbException.invalidParameter("ProvisionedThroughput must be specified for index: "
                    + index.path("IndexName").stringValue(null));
        }
        JsonNode lastSwitch = table.path("BillingModeSummary").get("LastUpdateToPayPerRequestDateTime");
        ObjectNode summary = table.putObject("BillingModeSummary").put("BillingMode", CreateTableRequest.PROVISIONED);
        if (lastSwitch != null) {
            summary.set("LastUpdateToPayPerRequestDateTime", lastSwitch);
        }
        ObjectNode description = table.putObject("ProvisionedThroughput");
        description.put("LastIncreaseDateTime", seconds(nowMillis));
        description.put("NumberOfDecreasesToday", 0);
        description.put("ReadCapacityUnits", throughput.readCapacityUnits());
        description.put("WriteCapacityUnits", throughput.writeCapacityUnits());
    }

    private static void changeThroughput(ObjectNode table, ProvisionedThroughput requested, long nowMillis) {
        JsonNode current = table.path("ProvisionedThroughput");
        long read = current.path("ReadCapacityUnits").longValue(0);
        long write = current.path("WriteCapacityUnits").longValue(0);
        if (read == requested.readCapacityUnits() && write == requested.writeCapacityUnits()) {
            throw DynamoDbException.validation("The provisioned throughput for the table will not change. The requested "
                    + "value equals the current value. Current ReadCapacityUnits provisioned for the table: " + read
                    + ". Requested ReadCapacityUnits: " + requested.readCapacityUnits()
                    + ". Current WriteCapacityUnits provisioned for the table: " + write
                    + ". Requested WriteCapacityUnits: " + requested.writeCapacityUnits()
                    + ". Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits.");
        }
        boolean increase = requested.readCapacityUnits() > read || requested.writeCapacityUnits() > write;
        boolean decrease = requested.readCapacityUnits() < read || requested.writeCapacityUnits() < write;
        JsonNode lastIncrease = current.get("LastIncreaseDateTime");
        JsonNode lastDecrease = current.get("LastDecreaseDateTime");
        long decreasesToday = sameUtcDay(lastDecrease, nowMillis) ? current.path("NumberOfDecreasesToday").longValue(0) : 0;

        ObjectNode description = table.putObject("ProvisionedThroughput");
        if (increase) {
            description.put("LastIncreaseDateTime", seconds(nowMillis));
        } else if (lastIncrease != null) {
            description.set("LastIncreaseDateTime", lastIncrease);
        }
        if (decrease) {
            description.put("LastDecreaseDateTime", seconds(nowMillis));
            decreasesToday++;
        } else if (lastDecrease != null) {
            description.set("LastDecreaseDateTime", lastDecrease);
        }
        description.put("NumberOfDecreasesToday", decreasesToday);
        description.put("ReadCapacityUnits", requested.readCapacityUnits());
        description.put("WriteCapacityUnits", requested.writeCapacityUnits());
    }

    /** NumberOfDecreasesToday counts decreases of the current UTC day. */
    private static boolean sameUtcDay(JsonNode epochSeconds, long nowMillis) {
        if (epochSeconds == null) {
            return false;
        }
        return day((long) (epochSeconds.doubleValue() * 1000)) == day(nowMillis);
    }

    private static long day(long millis) {
        return Instant.ofEpochMilli(millis).atOffset(ZoneOffset.UTC).toLocalDate().toEpochDay();
    }

    private static ObjectNode zeroThroughput() {
        return Json.object().put("NumberOfDecreasesToday", 0).put("ReadCapacityUnits", 0).put("WriteCapacityUnits", 0);
    }

    /** DynamoDB writes date-times as epoch seconds with a fraction. */
    private static double seconds(long millis) {
        return millis / 1000.0;
    }
}
