package dev.ddb.item.capacity;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.json.Json;
import tools.jackson.databind.node.ArrayNode;

/**
 * Why a request is throttled: the table or one of its global indexes is out of read or write
 * capacity, provisioned or (for an on-demand table) its OnDemandThroughput maximum. Answers as
 * DynamoDB does: ProvisionedThroughputExceededException for provisioned capacity, ThrottlingException
 * for an on-demand maximum, both with a ThrottlingReasons entry naming the reason
 * ({@code <Table|Index><Read|Write><ProvisionedThroughputExceeded|MaxOnDemandThroughputExceeded>})
 * and the resource's ARN; and the reason a transaction gives for its actions on that table.
 *
 * @param resourceArn the ARN of the table, or of the global index when {@code index}
 */
public record Throttle(boolean onDemand, boolean index, boolean write, String resourceArn) {

    /** ProvisionedThroughputExceededException's message for a table (DynamoDB's). */
    public static final String TABLE_EXCEEDED = "The level of configured provisioned throughput for the table was exceeded."
            + " Consider increasing your provisioning level with the UpdateTable API.";
    /** ProvisionedThroughputExceededException's message for a global index (DynamoDB's). */
    public static final String INDEX_EXCEEDED = "The level of configured provisioned throughput for one or more global"
            + " secondary indexes of the table was exceeded. Consider increasing your provisioning level for the"
            + " under-provisioned global secondary indexes with the UpdateTable API";
    /** ThrottlingException's message for an on-demand maximum (DynamoDB's, "Diagnosing throttling" in its guide). */
    public static final String MAX_ON_DEMAND_EXCEEDED = "Throughput exceeds the maximum OnDemandThroughput configured on table or index";
    /** A transaction's ThrottlingError reason for an on-demand table (DynamoDB's TransactWriteItems reference). */
    public static final String TRANSACTION_TABLE_THROTTLED = "Throughput exceeds the current capacity of your table or index."
            + " DynamoDB is automatically scaling your table or index so please try again shortly. If exceptions persist,"
            + " check if you have a hot key: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-partition-key-design.html";
    /** A transaction's ThrottlingError reason for a global index of an on-demand table (DynamoDB's). */
    public static final String TRANSACTION_INDEX_THROTTLED = "Throughput exceeds the current capacity for one or more global"
            + " secondary indexes. DynamoDB is automatically scaling your index so please try again shortly.";

    private static final String PROVISIONED_TYPE = "com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException";
    private static final String THROTTLING_TYPE = "com.amazon.coral.availability#ThrottlingException";

    /** The error a single request (and a batch that could do nothing) answers. */
    public DynamoDbException exception() {
        if (onDemand) {
            // ThrottlingException's member is "throttlingReasons" in DynamoDB's API model
            return new DynamoDbException(THROTTLING_TYPE, MAX_ON_DEMAND_EXCEEDED, 400)
                    .withMember("throttlingReasons", reasons());
        }
        return new DynamoDbException(PROVISIONED_TYPE, index ? INDEX_EXCEEDED : TABLE_EXCEEDED, 400)
                .withMember("ThrottlingReasons", reasons());
    }

    /** E.g. TableWriteMaxOnDemandThroughputExceeded, IndexReadProvisionedThroughputExceeded. */
    public String reason() {
        return (index ? "Index" : "Table") + (write ? "Write" : "Read")
                + (onDemand ? "MaxOnDemandThroughputExceeded" : "ProvisionedThroughputExceeded");
    }

    /** The CancellationReason code of a transaction's action on the throttled table. */
    public String cancellationCode() {
        return onDemand ? "ThrottlingError" : "ProvisionedThroughputExceeded";
    }

    public String cancellationMessage() {
        if (onDemand) {
            return index ? TRANSACTION_INDEX_THROTTLED : TRANSACTION_TABLE_THROTTLED;
        }
        return index ? INDEX_EXCEEDED : TABLE_EXCEEDED;
    }

    private ArrayNode reasons() {
        ArrayNode reasons = Json.array();
        reasons.addObject().put("reason", reason()).put("resource", resourceArn);
        return reasons;
    }
}
